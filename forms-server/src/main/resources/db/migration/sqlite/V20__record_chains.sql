-- Issue #23: every table that makes a record joins a hash chain (docs/adr/0024-record-chains.md).
-- This migration adds the columns; V21 (Java) links the rows already there; V22 adds the triggers.
-- Written in the SQL both SQLite and PostgreSQL accept, except where a comment says otherwise.

-- The newest link of each (chain, school) for the record chains. The submissions' own chain keeps
-- its table, chain_head (V1).
CREATE TABLE record_chain_head (
    chain     TEXT    NOT NULL,
    school    TEXT    NOT NULL,
    last_seq  INTEGER NOT NULL,
    last_hash TEXT    NOT NULL,
    PRIMARY KEY (chain, school)
);

-- Consent events: the pupil's name is the one column erasure may clear, so it is hashed with a
-- salt of its own (content_hash), like a submission's answers.
ALTER TABLE consent_event ADD COLUMN seq INTEGER;
ALTER TABLE consent_event ADD COLUMN salt TEXT;
ALTER TABLE consent_event ADD COLUMN content_hash TEXT;
ALTER TABLE consent_event ADD COLUMN prev_hash TEXT;
ALTER TABLE consent_event ADD COLUMN hash TEXT;

ALTER TABLE erasure ADD COLUMN school TEXT;
UPDATE erasure SET school = (SELECT s.school FROM submission s WHERE s.id = erasure.submission_id);
ALTER TABLE erasure ADD COLUMN seq INTEGER;
ALTER TABLE erasure ADD COLUMN prev_hash TEXT;
ALTER TABLE erasure ADD COLUMN hash TEXT;

ALTER TABLE incident_view ADD COLUMN school TEXT;
UPDATE incident_view SET school = (SELECT s.school FROM submission s WHERE s.id = incident_view.submission_id);
ALTER TABLE incident_view ADD COLUMN seq INTEGER;
ALTER TABLE incident_view ADD COLUMN prev_hash TEXT;
ALTER TABLE incident_view ADD COLUMN hash TEXT;

-- Every change to a staff account, one row per attribute: the account as staff_user holds it must
-- be what these events say (verify compares them). For 'password' the value is the SHA-256 of the
-- new password hash, never the hash itself.
CREATE TABLE staff_account_event (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,   -- PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY
    school        TEXT    NOT NULL,
    staff_user_id INTEGER NOT NULL REFERENCES staff_user (id),
    change        TEXT    NOT NULL,                -- 'created', 'name', 'email', 'role', 'password'; new kinds need no migration
    value         TEXT    NOT NULL,
    changed_by    TEXT    NOT NULL,
    changed_at    TEXT    NOT NULL,
    seq           INTEGER,
    prev_hash     TEXT,
    hash          TEXT
);
CREATE INDEX staff_account_event_by_user ON staff_account_event (staff_user_id, id);
