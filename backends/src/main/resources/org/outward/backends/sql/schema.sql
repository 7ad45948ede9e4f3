-- The shared state of several Outward nodes. Idempotent: every node runs it at start (see Database).
-- Times are timestamptz; a null time means "never".

CREATE TABLE IF NOT EXISTS outward_schema (
    version INT NOT NULL
);
INSERT INTO outward_schema (version) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM outward_schema);

-- Vault items: metadata, counters and the values that check tokens; the content is in the object store.
CREATE TABLE IF NOT EXISTS outward_vault_items (
    id              CHAR(64)    PRIMARY KEY,
    sender          TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    file_name       TEXT        NOT NULL,
    size            BIGINT      NOT NULL,
    media_type      TEXT        NOT NULL,
    created         TIMESTAMPTZ NOT NULL,
    expires         TIMESTAMPTZ NOT NULL,
    downloads       INT         NOT NULL DEFAULT 0,
    max_downloads   INT         NOT NULL,
    revoked         BOOLEAN     NOT NULL DEFAULT FALSE,
    purged          BOOLEAN     NOT NULL DEFAULT FALSE,
    salt            BYTEA       NOT NULL,
    verifier        BYTEA       NOT NULL,
    management_hash BYTEA       NOT NULL,
    CHECK (downloads >= 0 AND downloads <= max_downloads)
);
CREATE INDEX IF NOT EXISTS outward_vault_items_created ON outward_vault_items (created DESC);

-- The audit trail, oldest first by seq.
CREATE TABLE IF NOT EXISTS outward_vault_events (
    seq     BIGSERIAL   PRIMARY KEY,
    item_id CHAR(64)    NOT NULL REFERENCES outward_vault_items (id),
    at      TIMESTAMPTZ NOT NULL,
    kind    TEXT        NOT NULL,
    detail  TEXT        NOT NULL
);
CREATE INDEX IF NOT EXISTS outward_vault_events_item ON outward_vault_events (item_id, seq);
-- How many events a row stands for: more than 1 on the last kept row of a kind a link holder can repeat.
ALTER TABLE outward_vault_events ADD COLUMN IF NOT EXISTS times INT NOT NULL DEFAULT 1;

-- Password correlation: keyed hashes of the addresses, never the addresses.
CREATE TABLE IF NOT EXISTS outward_encrypted_sends (
    seq           BIGSERIAL   PRIMARY KEY,
    sender_key    TEXT        NOT NULL,
    recipient_key TEXT        NOT NULL,
    file_name     TEXT        NOT NULL,
    sent_at       TIMESTAMPTZ NOT NULL
);
-- The file's own password check, sealed under the installation key (AES-GCM); null when its format has none.
ALTER TABLE outward_encrypted_sends ADD COLUMN IF NOT EXISTS password_check BYTEA;
CREATE INDEX IF NOT EXISTS outward_encrypted_sends_pair ON outward_encrypted_sends (sender_key, recipient_key, sent_at DESC);
CREATE INDEX IF NOT EXISTS outward_encrypted_sends_time ON outward_encrypted_sends (sent_at);

-- Portal: one-time codes (code_hash: the HMAC of the live code under the portal's key, which is kept in a file
-- on each portal node, never here), tries and codes sent per item.
CREATE TABLE IF NOT EXISTS outward_portal_codes (
    item_id      CHAR(64)    PRIMARY KEY,
    code_hash    BYTEA,
    code_expires TIMESTAMPTZ,
    tries_left   INT         NOT NULL,
    locked_until TIMESTAMPTZ,
    window_start TIMESTAMPTZ,
    codes_sent   INT         NOT NULL DEFAULT 0
);

-- Portal sessions: the SHA-256 of the cookie's id, so the table alone opens nothing.
CREATE TABLE IF NOT EXISTS outward_portal_sessions (
    id_hash BYTEA       PRIMARY KEY,
    item_id CHAR(64)    NOT NULL,
    expires TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS outward_portal_sessions_expires ON outward_portal_sessions (expires);

-- Keys every portal node must share (the CSRF key), made once by whichever node starts first, and the fingerprint
-- of the portal key (not the key), so that a node holding another key is refused.
CREATE TABLE IF NOT EXISTS outward_portal_keys (
    name   TEXT  PRIMARY KEY,
    secret BYTEA NOT NULL
);

-- False-positive report tickets, one per notice (org.outward.feedback): the ticket in the folder store's text; the
-- link's secret only as its SHA-256, inside it. reported_at is null until the sender reports the notice.
CREATE TABLE IF NOT EXISTS outward_report_tickets (
    id          CHAR(32)    PRIMARY KEY,
    expires     TIMESTAMPTZ NOT NULL,
    reported_at TIMESTAMPTZ,
    ticket      BYTEA       NOT NULL
);
CREATE INDEX IF NOT EXISTS outward_report_tickets_reported ON outward_report_tickets (reported_at DESC);
