-- PayFiP: card payments of invoices and porte-monnaie top-ups (core/pt_payfip_ops.c).
-- One row per operation asked of PayFiP (creerPaiementSecurise).  Its state leaves
-- « en_cours » once, by a conditional UPDATE made in the transaction that records the
-- payment (pt_payfip_settle): the notification, the return page and portail-ctl
-- payfip-reconcile may all try, only one records it.

-- A régie may let families pay part of an invoice online (0: the rest due only).
ALTER TABLE regies ADD COLUMN payfip_partiel INTEGER NOT NULL DEFAULT 0 CHECK (payfip_partiel IN (0, 1));

CREATE TABLE payfip_ops (
    id @id@,
    -- PayFiP's operation id; NULL for the instant between the row and PayFiP's answer
    idop TEXT UNIQUE,
    objet_type TEXT NOT NULL CHECK (objet_type IN ('facture', 'recharge')),
    family_id BIGINT NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    invoice_id BIGINT REFERENCES invoices (id),
    regie_id BIGINT NOT NULL REFERENCES regies (id),
    montant INTEGER NOT NULL CHECK (montant > 0),
    numcli TEXT NOT NULL,
    exer INTEGER NOT NULL,
    refdet TEXT NOT NULL,
    objet TEXT NOT NULL,
    mel TEXT NOT NULL,
    saisie TEXT NOT NULL CHECK (saisie IN ('T', 'X', 'W')),
    state TEXT NOT NULL DEFAULT 'en_cours'
        CHECK (state IN ('en_cours', 'payee', 'refusee', 'abandonnee', 'expiree')),
    resultrans TEXT,
    numauto TEXT,
    -- PayFiP's date and time of the transaction, as it gives them (DDMMYYYY, HHMM)
    dattrans TEXT,
    heurtrans TEXT,
    -- the last refusal of a check (refdet, amount, numcli that did not match), for agents
    anomalie TEXT,
    payment_id BIGINT REFERENCES payments (id),
    created_at BIGINT NOT NULL,
    settled_at BIGINT,
    CHECK ((objet_type = 'facture') = (invoice_id IS NOT NULL))
);
-- One live operation per invoice: a second « Payer » (another tab) is refused here.
CREATE UNIQUE INDEX payfip_ops_live_invoice ON payfip_ops (invoice_id) WHERE state = 'en_cours';
CREATE INDEX payfip_ops_state ON payfip_ops (state, created_at);
CREATE INDEX payfip_ops_family ON payfip_ops (family_id, created_at);
