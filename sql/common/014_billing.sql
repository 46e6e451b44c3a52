-- Billing (« Espace facturation »): régies, tariffs, invoices with their lines and
-- numbers, credit notes, payments and the family's credit.  Money: integer cents.
--
-- A régie (the town's collecting office) owns activities and issues their invoices.
CREATE TABLE regies (
    id @id@,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    -- the issuer printed on invoices (« Régie de la restauration scolaire, Mairie de … »)
    emetteur TEXT NOT NULL,
    -- due date: issue date + delai_paiement days; reminder: relance_jours before it
    delai_paiement INTEGER NOT NULL DEFAULT 30 CHECK (delai_paiement BETWEEN 0 AND 365),
    relance_jours INTEGER NOT NULL DEFAULT 5 CHECK (relance_jours BETWEEN 0 AND 365),
    created_at BIGINT NOT NULL
);

ALTER TABLE activities ADD COLUMN regie_id BIGINT REFERENCES regies (id);
-- an absence excused by a medical certificate received within this many days is not billed
ALTER TABLE activities ADD COLUMN certificat_jours INTEGER NOT NULL DEFAULT 3;
-- the family's quotient familial (families.quotient, euros) is dated by the agent who sets it
ALTER TABLE families ADD COLUMN quotient_le TEXT;
-- the date an agent received the medical certificate of an absence
ALTER TABLE bookings ADD COLUMN certificat_le TEXT;

-- An activity's tariff from a date until the next one: by QF bracket or effort rate.
CREATE TABLE tariffs (
    id @id@,
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    valid_from TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT 'tranches' CHECK (mode IN ('tranches', 'taux')),
    -- effort rate in thousandths of a percent of the QF, floor and ceiling in cents
    taux INTEGER NOT NULL DEFAULT 0,
    plancher INTEGER NOT NULL DEFAULT 0,
    plafond INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (activity_id, valid_from)
);
CREATE TABLE tariff_brackets (
    id @id@,
    tariff_id BIGINT NOT NULL REFERENCES tariffs (id) ON DELETE CASCADE,
    qf_min INTEGER NOT NULL CHECK (qf_min >= 0),
    qf_max INTEGER,
    prix INTEGER NOT NULL CHECK (prix >= 0)
);
CREATE INDEX tariff_brackets_tariff ON tariff_brackets (tariff_id);

-- The invoices of migration 004 become real ones.  reference is the invoice's number
-- (2026-CANT-000123), code_emission the run's (CANT-202611), montant its total.
ALTER TABLE invoices ADD COLUMN regie_id BIGINT REFERENCES regies (id);
ALTER TABLE invoices ADD COLUMN periode TEXT;
ALTER TABLE invoices ADD COLUMN echeance TEXT;
ALTER TABLE invoices ADD COLUMN emetteur TEXT;
ALTER TABLE invoices ADD COLUMN etat TEXT NOT NULL DEFAULT 'emise' CHECK (etat IN ('emise', 'annulee'));
-- what the payments allocated to it add up to (never above montant)
ALTER TABLE invoices ADD COLUMN paye INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD COLUMN created_at BIGINT;
ALTER TABLE invoices ADD COLUMN relance_at BIGINT;
CREATE UNIQUE INDEX invoices_reference ON invoices (reference);
CREATE INDEX invoices_regie ON invoices (regie_id, periode);

CREATE TABLE invoice_lines (
    id @id@,
    invoice_id BIGINT NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    child_id BIGINT REFERENCES children (id) ON DELETE SET NULL,
    activity_id BIGINT REFERENCES activities (id) ON DELETE SET NULL,
    enfant TEXT NOT NULL,
    activite TEXT NOT NULL,
    jours INTEGER NOT NULL,
    prix INTEGER NOT NULL,
    majoration INTEGER NOT NULL DEFAULT 0,
    montant INTEGER NOT NULL
);
CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, position);

-- A booked day is billed at most once: its row here is written by the issuing
-- transaction; a credit note frees the days of the invoice it cancels.
CREATE TABLE billed_days (
    child_id BIGINT NOT NULL,
    activity_id BIGINT NOT NULL,
    day TEXT NOT NULL,
    invoice_id BIGINT NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    PRIMARY KEY (child_id, activity_id, day)
);
CREATE INDEX billed_days_invoice ON billed_days (invoice_id);

-- Gap-free numbers per régie, year and kind (facture, avoir, recu): the row is updated
-- in the transaction that uses the number, so a rollback gives it back.
CREATE TABLE billing_numbers (
    regie_id BIGINT NOT NULL REFERENCES regies (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('facture', 'avoir', 'recu')),
    last INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (regie_id, year, kind)
);

-- Months an agent closed: no run any more.
CREATE TABLE billing_closed (
    regie_id BIGINT NOT NULL REFERENCES regies (id) ON DELETE CASCADE,
    periode TEXT NOT NULL,
    closed_at BIGINT NOT NULL,
    PRIMARY KEY (regie_id, periode)
);

-- A credit note (« avoir ») cancels one invoice, whole.
CREATE TABLE credit_notes (
    id @id@,
    invoice_id BIGINT NOT NULL UNIQUE REFERENCES invoices (id) ON DELETE CASCADE,
    numero TEXT NOT NULL UNIQUE,
    montant INTEGER NOT NULL,
    motif TEXT NOT NULL,
    emis_le TEXT NOT NULL,
    agent_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

-- A payment, whatever its channel (at the counter today; PayFiP, the porte-monnaie or the
-- family's credit later), allocated to one or several invoices; what is left over goes to
-- the family's credit.
CREATE TABLE payments (
    id @id@,
    family_id BIGINT NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    regie_id BIGINT NOT NULL REFERENCES regies (id),
    numero TEXT NOT NULL UNIQUE,
    moyen TEXT NOT NULL CHECK (moyen IN ('especes', 'cheque', 'cesu', 'virement', 'carte',
        'payfip', 'porte_monnaie', 'credit')),
    montant INTEGER NOT NULL CHECK (montant > 0),
    paye_le TEXT NOT NULL,
    -- the cheque's number, the transfer's or the transaction's reference
    piece TEXT,
    agent_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX payments_family ON payments (family_id, paye_le);
CREATE INDEX payments_regie ON payments (regie_id, paye_le);

CREATE TABLE payment_allocations (
    payment_id BIGINT NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
    invoice_id BIGINT NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    montant INTEGER NOT NULL CHECK (montant > 0),
    PRIMARY KEY (payment_id, invoice_id)
);
CREATE INDEX payment_allocations_invoice ON payment_allocations (invoice_id);

-- The family's credit: positive rows (an overpayment), negative ones (credit used).
CREATE TABLE family_credits (
    id @id@,
    family_id BIGINT NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    montant INTEGER NOT NULL,
    payment_id BIGINT REFERENCES payments (id) ON DELETE SET NULL,
    libelle TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX family_credits_family ON family_credits (family_id);
