-- Invoices, as far as subscription needs them: a family proves it is itself with the
-- references printed on one of its invoices (code émission, référence, montant, code
-- personne).  The billing issue extends this table.
CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    code_emission TEXT NOT NULL,
    reference TEXT NOT NULL,
    code_personne TEXT NOT NULL,
    montant INTEGER NOT NULL,
    emise_le TEXT NOT NULL,
    UNIQUE (code_emission, reference)
);
CREATE INDEX invoices_family ON invoices (family_id);
