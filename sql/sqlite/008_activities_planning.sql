-- Activities with their periods and booking rules, the days the town is closed, the
-- children's enrolments (« pré-inscriptions ») and their bookings.
--
-- Rules are written as the town says them: « J-2 10:00 », « J-1 ouvrés 18:00 »
-- (domain/pt_calendar.h).  Weekdays are seven characters '0'/'1', Monday first.
ALTER TABLE activities ADD COLUMN booking_rule TEXT NOT NULL DEFAULT 'J-2 10:00';
ALTER TABLE activities ADD COLUMN cancel_rule TEXT NOT NULL DEFAULT 'J-2 10:00';
ALTER TABLE activities ADD COLUMN late_policy TEXT NOT NULL DEFAULT 'refus'
    CHECK (late_policy IN ('refus', 'majoration'));
ALTER TABLE activities ADD COLUMN surcharge_pct INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN surcharge_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN validation INTEGER NOT NULL DEFAULT 0 CHECK (validation IN (0, 1));
ALTER TABLE activities ADD COLUMN waiting_list INTEGER NOT NULL DEFAULT 0 CHECK (waiting_list IN (0, 1));

CREATE TABLE activity_periods (
    id INTEGER PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    date_debut TEXT NOT NULL,
    date_fin TEXT NOT NULL,
    weekdays TEXT NOT NULL DEFAULT '1101100',
    start_time TEXT,
    end_time TEXT,
    CHECK (date_debut <= date_fin)
);
CREATE INDEX activity_periods_activity ON activity_periods (activity_id, date_debut);

-- School holidays and closures: for every activity (activity_id NULL) or one.
CREATE TABLE closures (
    id INTEGER PRIMARY KEY,
    activity_id BIGINT REFERENCES activities (id) ON DELETE CASCADE,
    date_debut TEXT NOT NULL,
    date_fin TEXT NOT NULL,
    label TEXT NOT NULL,
    CHECK (date_debut <= date_fin)
);
CREATE INDEX closures_dates ON closures (date_fin, date_debut);

-- A child's enrolment in an activity over a period: regular (weekdays) or occasional.
-- Its request is the family's « pré-inscription » (requests.kind = 'preinscription').
CREATE TABLE enrolments (
    id INTEGER PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    child_id BIGINT NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    date_debut TEXT NOT NULL,
    date_fin TEXT NOT NULL,
    occasionnelle INTEGER NOT NULL DEFAULT 0 CHECK (occasionnelle IN (0, 1)),
    weekdays TEXT NOT NULL DEFAULT '0000000',
    reserve_weekdays TEXT NOT NULL DEFAULT '0000000',
    CHECK (date_debut <= date_fin)
);
CREATE INDEX enrolments_child ON enrolments (child_id, date_fin);
CREATE INDEX enrolments_request ON enrolments (request_id);

-- One booking of a child on a day of an activity.
CREATE TABLE bookings (
    id INTEGER PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('reserve', 'en_attente', 'liste_attente',
        'absence_demandee', 'absent', 'present', 'excuse', 'annule')),
    majore INTEGER NOT NULL DEFAULT 0 CHECK (majore IN (0, 1)),
    request_id BIGINT REFERENCES requests (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (child_id, activity_id, day)
);
CREATE INDEX bookings_day ON bookings (activity_id, day, status);

-- Places taken per activity and day: the one row a booking updates conditionally
-- (taken < capacity), so two families never get the same last place.
CREATE TABLE day_counts (
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    taken INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (activity_id, day)
);

-- The planning's calendar feed: its URL carries an HMAC of the family and this number;
-- « revoke » increments it, and the old URL stops working.
ALTER TABLE families ADD COLUMN ics_generation INTEGER NOT NULL DEFAULT 1;
