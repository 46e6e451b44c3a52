-- The planning reads the periods of the activities over the days shown
-- (portail_planning_periods: date_fin >= ? AND date_debut <= ?).  Without an index every
-- period of every past school year was read on every page: this one serves date_fin, so
-- a town's history does not weigh on its planning (bench/scale).
CREATE INDEX activity_periods_fin ON activity_periods (date_fin);
