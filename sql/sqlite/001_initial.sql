-- mod_portail — initial schema (SQLite).  Timestamps: Unix seconds (BIGINT); dates:
-- 'YYYY-MM-DD' text; booleans: 0/1; money: cents.  See sql/README.md.

CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
);

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    nom TEXT NOT NULL DEFAULT '',
    prenom TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('parent', 'agent')),
    state TEXT NOT NULL CHECK (state IN ('en_attente', 'actif', 'bloque')),
    created_at BIGINT NOT NULL,
    activated_at BIGINT,
    last_login_at BIGINT
);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    client_ip TEXT
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE news (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    visible INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1))
);
CREATE INDEX news_visible ON news (visible, published_at);

CREATE TABLE families (
    id INTEGER PRIMARY KEY,
    code_abonne TEXT NOT NULL UNIQUE,
    nom TEXT NOT NULL,
    adresse TEXT,
    code_postal TEXT,
    commune TEXT,
    quotient INTEGER,
    allocataire_caf TEXT,
    revenu_reference INTEGER,
    created_at BIGINT NOT NULL
);

CREATE TABLE responsables (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    rang INTEGER NOT NULL DEFAULT 1 CHECK (rang IN (1, 2)),
    civilite TEXT,
    nom TEXT NOT NULL,
    prenom TEXT NOT NULL,
    date_naissance TEXT,
    email TEXT,
    tel_fixe TEXT,
    tel_portable TEXT,
    tel_travail TEXT
);
CREATE INDEX responsables_family ON responsables (family_id);

CREATE TABLE children (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    nom TEXT NOT NULL,
    prenom TEXT NOT NULL,
    date_naissance TEXT NOT NULL,
    sexe TEXT CHECK (sexe IN ('F', 'M')),
    ecole TEXT,
    classe TEXT
);
CREATE INDEX children_family ON children (family_id);

CREATE TABLE account_families (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, family_id)
);
CREATE INDEX account_families_family ON account_families (family_id);

CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('PERI', 'EXTRA', 'SPORT', 'REST', 'ETUDE')),
    description TEXT,
    place TEXT,
    age_min INTEGER,
    age_max INTEGER,
    capacity INTEGER,
    start_time TEXT,
    end_time TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT,
    before_value TEXT,
    after_value TEXT
);
CREATE INDEX audit_at ON audit (at);
