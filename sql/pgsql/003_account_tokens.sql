-- Single-use links sent by mail (account activation, password reset, e-mail change): only
-- the SHA-256 of the token is stored.  And the captchas already used (single use).
CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('activation', 'reinitialisation', 'email')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    new_email TEXT
);
CREATE INDEX account_tokens_account ON account_tokens (account_id);

CREATE TABLE captcha_used (
    id TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
