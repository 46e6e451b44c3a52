-- The child's photo: the name of its file in <PortailDataDir>/photos (outside the web
-- root, served only by the module after the access check).
ALTER TABLE children ADD COLUMN photo TEXT;
