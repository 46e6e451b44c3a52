-- Documents (« Envoyer un document »): the supporting documents families send, checked by
-- agents, and the types the town asks for.
--
-- A type of document, managed by agents (/portail/admin/documents/types): whether it
-- expires (an accepted one then carries its end of validity), and whether it excuses the
-- absences of the child it concerns over its period (the medical certificate: billing
-- does not charge them, bookings.certificat_le of migration 014).
CREATE TABLE document_types (
    id @id@,
    label TEXT NOT NULL UNIQUE,
    expires INTEGER NOT NULL DEFAULT 1 CHECK (expires IN (0, 1)),
    excuses_absences INTEGER NOT NULL DEFAULT 0 CHECK (excuses_absences IN (0, 1)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at BIGINT NOT NULL
);
INSERT INTO document_types (label, expires, excuses_absences, created_at) VALUES
    ('Attestation d''assurance', 1, 0, 0),
    ('Justificatif de domicile', 1, 0, 0),
    ('Avis CAF (quotient familial)', 1, 0, 0),
    ('Certificat médical', 1, 1, 0),
    ('Carnet de vaccinations', 0, 0, 0),
    ('Jugement (garde, autorité parentale)', 0, 0, 0),
    ('Autre document', 0, 0, 0);

-- One file sent by a family, for the family itself (member_kind 'famille', member_id
-- NULL) or one of its members (a responsable or a child).  The file is kept in
-- <PortailDataDir>/documents under file_name (random, never the name sent); its state
-- follows its request (requests.kind 'document') in « Mes demandes ».  An accepted one is
-- valid from valid_from (NULL: since always) to valid_until (NULL: no end).
-- expiry_mail_at: when `portail-ctl document-reminders` announced its end (once).
CREATE TABLE documents (
    id @id@,
    family_id BIGINT NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    member_kind TEXT NOT NULL CHECK (member_kind IN ('famille', 'responsable', 'enfant')),
    member_id BIGINT,
    type_id BIGINT NOT NULL REFERENCES document_types (id),
    file_name TEXT NOT NULL UNIQUE,
    original_name TEXT NOT NULL,
    mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
    size BIGINT NOT NULL CHECK (size > 0),
    state TEXT NOT NULL DEFAULT 'en_attente'
        CHECK (state IN ('en_attente', 'acceptee', 'refusee', 'annulee')),
    valid_from TEXT,
    valid_until TEXT,
    request_id BIGINT REFERENCES requests (id) ON DELETE SET NULL,
    expiry_mail_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX documents_family ON documents (family_id, type_id, state);
CREATE INDEX documents_request ON documents (request_id);
CREATE INDEX documents_expiry ON documents (state, valid_until);

-- The types of document an activity requires, valid over the period of a pré-inscription.
CREATE TABLE activity_documents (
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    type_id BIGINT NOT NULL REFERENCES document_types (id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, type_id)
);
