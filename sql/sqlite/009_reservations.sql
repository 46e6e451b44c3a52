-- Reservations, absences and cancellations asked by families, and the digest's windows.
--
-- A family's request (requests.kind 'reservation' or 'absence') acts on days: one row
-- per day here, with what the request did to the day's booking, so that the agent's
-- answer and the family's cancellation act on exactly those days.

-- A place freed on a full day goes to the first of the waiting list: at once ('auto'),
-- or when an agent decides ('agent').
ALTER TABLE activities ADD COLUMN promotion TEXT NOT NULL DEFAULT 'auto'
    CHECK (promotion IN ('auto', 'agent'));

-- The reason of an absence: maladie, convenance, autre.
ALTER TABLE bookings ADD COLUMN motif TEXT;

CREATE TABLE request_days (
    id INTEGER PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    booking_id BIGINT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('reservation', 'absence', 'annulation')),
    -- the booking's status the request gave: reserve, en_attente, liste_attente,
    -- absence_demandee, annule
    outcome TEXT NOT NULL,
    majore INTEGER NOT NULL DEFAULT 0 CHECK (majore IN (0, 1))
);
CREATE INDEX request_days_request ON request_days (request_id);
CREATE INDEX request_days_booking ON request_days (booking_id);

-- The waiting list of a day, in order.
CREATE INDEX bookings_waiting ON bookings (activity_id, day, status, created_at);

-- Each digest window, recorded in the transaction that queues its mails: sent once,
-- even when two servers run the digest at the same minute.
CREATE TABLE digest_windows (
    window_end TEXT PRIMARY KEY,
    sent_at BIGINT NOT NULL,
    mails INTEGER NOT NULL DEFAULT 0
);
