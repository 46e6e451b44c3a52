-- The family's number in the town's own files, when it was imported from them
-- (portail-ctl import-families): importing the same file twice is refused, line by line.
ALTER TABLE families ADD COLUMN reference TEXT;
CREATE UNIQUE INDEX families_reference ON families (reference);
CREATE INDEX families_nom ON families (nom);
