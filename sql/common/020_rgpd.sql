-- RGPD (h16rgpd): what the retention rules of `portail-ctl purge` and the anonymisation
-- of a family need to remember.

-- The mail warning an account unused for years that it will be removed (portail-ctl
-- purge): the account is removed only when it was warned long enough ago and has not
-- logged in since.  A login after the warning makes the row obsolete (the purge forgets
-- it, and warns again years later).
CREATE TABLE account_warnings (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    warned_at BIGINT NOT NULL
);

-- When an agent anonymised the family (it left the town): NULL while it is a family.
ALTER TABLE families ADD COLUMN anonymisee_le BIGINT;
