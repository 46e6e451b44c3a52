-- The family file (« dossier famille ») in full, and the requests families make.
--
-- Dossier fields added here are TEXT, booleans included ('0' / '1'): every one of them is
-- changed through a request holding the old and the new value as text, and applied by a
-- conditional update comparing the current value with the old one (a conflict, when an
-- agent changed it meanwhile, updates nothing).
ALTER TABLE responsables ADD COLUMN iban TEXT;
ALTER TABLE responsables ADD COLUMN bic TEXT;
ALTER TABLE responsables ADD COLUMN titulaire TEXT;
ALTER TABLE children ADD COLUMN assurance_compagnie TEXT;
ALTER TABLE children ADD COLUMN assurance_contrat TEXT;
ALTER TABLE children ADD COLUMN assurance_echeance TEXT;
ALTER TABLE children ADD COLUMN lunettes TEXT CHECK (lunettes IN ('0', '1'));
ALTER TABLE children ADD COLUMN appareil_dentaire TEXT CHECK (appareil_dentaire IN ('0', '1'));
ALTER TABLE children ADD COLUMN appareil_auditif TEXT CHECK (appareil_auditif IN ('0', '1'));
ALTER TABLE children ADD COLUMN autorisation_sport TEXT CHECK (autorisation_sport IN ('0', '1'));
ALTER TABLE children ADD COLUMN droit_image TEXT CHECK (droit_image IN ('0', '1'));
ALTER TABLE children ADD COLUMN sortir_seul TEXT CHECK (sortir_seul IN ('0', '1'));
ALTER TABLE children ADD COLUMN sorties_scolaires TEXT CHECK (sorties_scolaires IN ('0', '1'));
ALTER TABLE children ADD COLUMN hospitalisation TEXT CHECK (hospitalisation IN ('0', '1'));
ALTER TABLE children ADD COLUMN allergies TEXT;
ALTER TABLE children ADD COLUMN pai TEXT CHECK (pai IN ('0', '1'));
ALTER TABLE children ADD COLUMN vaccinations TEXT;
ALTER TABLE children ADD COLUMN medecin TEXT;
ALTER TABLE children ADD COLUMN medecin_tel TEXT;
ALTER TABLE children ADD COLUMN regime TEXT;
ALTER TABLE children ADD COLUMN contacts TEXT;

-- « Mes demandes »: one table for every kind of request of a family.  `unread` is 1 while
-- the family has not opened an answer (« 1 nouveau(x) message(s) »).
CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    family_id BIGINT NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('dossier', 'preinscription', 'reservation', 'absence', 'document')),
    status TEXT NOT NULL DEFAULT 'en_attente'
        CHECK (status IN ('en_attente', 'acceptee', 'refusee', 'annulee')),
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    processed_at BIGINT,
    processed_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    agent_message TEXT,
    unread INTEGER NOT NULL DEFAULT 0 CHECK (unread IN (0, 1))
);
CREATE INDEX requests_family ON requests (family_id, created_at);
CREATE INDEX requests_queue ON requests (kind, status, created_at);

-- What a dossier request changes: one row per field, with the value the family saw.
CREATE TABLE request_changes (
    id INTEGER PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    object_type TEXT NOT NULL CHECK (object_type IN ('famille', 'responsable', 'enfant')),
    object_id BIGINT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX request_changes_request ON request_changes (request_id);
CREATE INDEX request_changes_object ON request_changes (object_type, object_id);

-- The history of each request; the 13:00 / 18:00 digests read the answers from here.
CREATE TABLE request_events (
    id INTEGER PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    actor_account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    event TEXT NOT NULL
        CHECK (event IN ('creation', 'acceptation', 'refus', 'annulation', 'conflit')),
    message TEXT
);
CREATE INDEX request_events_request ON request_events (request_id);
CREATE INDEX request_events_at ON request_events (at, event);
