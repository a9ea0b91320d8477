-- The forms server's tables. Times are ISO-8601 instants in UTC (text sorts in time order).

-- Every submission, append-only. Each row is chained to the previous row of its school:
--   content_hash = SHA-256(salt + fields_json)                       (salted: a guess cannot be checked)
--   hash         = SHA-256(prev_hash + canonical metadata + content_hash)
-- Erasure (on request, or by retention) clears fields_json, salt and fingerprint and sets erased_at:
-- the row stays as a tombstone, so the chain still verifies.
CREATE TABLE submission (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    school          TEXT    NOT NULL,
    seq             INTEGER NOT NULL,              -- 1, 2, 3… within the school's chain
    reference       TEXT    NOT NULL UNIQUE,
    form_id         TEXT    NOT NULL,
    form_kind       TEXT    NOT NULL CHECK (form_kind IN ('agreement', 'consent', 'incident', 'withdrawal')),
    form_version    TEXT    NOT NULL,
    lang            TEXT    NOT NULL,
    fields_json     TEXT    NOT NULL,
    received_at     TEXT    NOT NULL,
    urgent          INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    salt            TEXT,
    content_hash    TEXT    NOT NULL,
    prev_hash       TEXT    NOT NULL,
    hash            TEXT    NOT NULL,
    fingerprint     TEXT,                          -- keyed hash of the answers: finds a resubmission
    idempotency_key TEXT,
    erased_at       TEXT,
    UNIQUE (school, seq)
);
CREATE INDEX submission_by_school_form ON submission (school, form_id, received_at);
CREATE INDEX submission_by_fingerprint ON submission (school, form_id, fingerprint);
CREATE UNIQUE INDEX submission_by_idempotency_key ON submission (school, form_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- The newest link of each school's chain: shows when the last records were cut off.
CREATE TABLE chain_head (
    school    TEXT    PRIMARY KEY,
    last_seq  INTEGER NOT NULL,
    last_hash TEXT    NOT NULL
);

CREATE TRIGGER submission_no_delete BEFORE DELETE ON submission
BEGIN
    SELECT RAISE(ABORT, 'submissions are append-only: erase one instead of deleting it');
END;

CREATE TRIGGER submission_only_erasure BEFORE UPDATE ON submission
WHEN OLD.erased_at IS NOT NULL
  OR NEW.erased_at IS NULL
  OR NEW.fields_json <> '{}'
  OR NEW.salt IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.school IS NOT OLD.school OR NEW.seq IS NOT OLD.seq
  OR NEW.reference IS NOT OLD.reference OR NEW.form_id IS NOT OLD.form_id
  OR NEW.form_kind IS NOT OLD.form_kind OR NEW.form_version IS NOT OLD.form_version
  OR NEW.lang IS NOT OLD.lang OR NEW.received_at IS NOT OLD.received_at OR NEW.urgent IS NOT OLD.urgent
  OR NEW.content_hash IS NOT OLD.content_hash OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
BEGIN
    SELECT RAISE(ABORT, 'submissions are append-only: the only change allowed is erasure');
END;

-- Why a submission's content was removed, by whom and when ("records what it removed").
CREATE TABLE erasure (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id INTEGER NOT NULL UNIQUE REFERENCES submission (id),
    reason        TEXT    NOT NULL CHECK (reason IN ('retention', 'request')),
    erased_by     TEXT    NOT NULL,
    erased_at     TEXT    NOT NULL
);

-- Consent as events: one row per pupil and statement for each answer, and one per withdrawal.
-- The current state is the newest event; the history stays.
CREATE TABLE consent_event (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    school               TEXT    NOT NULL,
    consent_submission   INTEGER NOT NULL REFERENCES submission (id),  -- the consent form concerned
    cause_submission     INTEGER NOT NULL REFERENCES submission (id),  -- the form that caused the event
    form_id              TEXT    NOT NULL,
    pupil                TEXT    NOT NULL,
    statement            TEXT    NOT NULL,                             -- <field>.<statement-id>
    answer               TEXT    NOT NULL CHECK (answer IN ('given', 'refused', 'withdrawn')),
    recorded_at          TEXT    NOT NULL
);
CREATE INDEX consent_event_by_school ON consent_event (school, form_id, pupil, statement, id);

CREATE TRIGGER consent_event_no_delete BEFORE DELETE ON consent_event
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

-- Alerts waiting to be sent. They carry no incident content: who raised it, when, the category.
CREATE TABLE outbox (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    school         TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    recipient_role TEXT    NOT NULL,
    reference      TEXT    NOT NULL,
    raised_by      TEXT,
    category       TEXT    NOT NULL,
    raised_at      TEXT    NOT NULL,
    sent_at        TEXT
);

CREATE TABLE staff_user (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    school         TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    email          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    role           TEXT    NOT NULL CHECK (role IN ('headteacher', 'safeguarding-lead', 'online-safety-coordinator', 'office')),
    password_hash  TEXT    NOT NULL,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   TEXT,
    created_at     TEXT    NOT NULL
);

-- Every look at an incident report: on screen, in a CSV file or in an export.
CREATE TABLE incident_view (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id INTEGER NOT NULL REFERENCES submission (id),
    staff_user_id INTEGER REFERENCES staff_user (id),
    viewer        TEXT    NOT NULL,
    channel       TEXT    NOT NULL CHECK (channel IN ('page', 'csv', 'command-line')),
    viewed_at     TEXT    NOT NULL
);
CREATE INDEX incident_view_by_submission ON incident_view (submission_id);
