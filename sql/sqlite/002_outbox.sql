-- The mail outbox: a mail is a row written in the same transaction as the change that
-- causes it; portail-ctl mail delivers it.  `template` names xslt/mail/<template>.xsl,
-- `data` is the XML it is given.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    created_at BIGINT NOT NULL,
    to_addr TEXT NOT NULL,
    template TEXT NOT NULL,
    data TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'a_envoyer'
        CHECK (state IN ('a_envoyer', 'en_cours', 'envoye', 'echec')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by TEXT,
    claimed_at BIGINT,
    sent_at BIGINT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
