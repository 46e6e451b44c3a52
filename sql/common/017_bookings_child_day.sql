-- The planning reads a family's bookings of the days shown (portail_planning_bookings:
-- child_id = ? AND day BETWEEN ? AND ?).  The unique index (child_id, activity_id, day)
-- serves only child_id there, so every booking of the child in every school year was
-- read: this one serves the range, and covers the columns the planning reads, so the
-- table itself is not visited: a month costs the same with 10 M bookings as with 10 k
-- (bench/scale).
CREATE INDEX bookings_child_day ON bookings (child_id, day, activity_id, status, majore);
