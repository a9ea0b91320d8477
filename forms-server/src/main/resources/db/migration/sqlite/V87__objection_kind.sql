-- Issue 15, docs/adr/0057: a notice of objection (form kind 'objection') is filed as what it is, and
-- its ticks are consent events of their own ('objects' to an option, or 'no-objection' where a later
-- notice leaves it unticked). Both columns are limited by a CHECK constraint, which SQLite cannot
-- change in place: the two tables are rebuilt with the same rows, ids, sequence, indexes and
-- append-only triggers (V1, V22), the CHECK lists being the only difference (MigrationsTest compares
-- the schema before and after). PostgreSQL: V87 there replaces the two constraints.
--
-- The tables are re-created under their own names (not renamed into place), so the other tables'
-- foreign keys and trigger bodies that name them stay as they are. Dropping a parent table deletes
-- its rows as far as foreign keys see it: the checks are deferred to the commit, by when every row
-- is back under the same id.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE submission_v86 AS SELECT * FROM submission;
CREATE TABLE consent_event_v86 AS SELECT * FROM consent_event;
CREATE TABLE sequence_v86 AS SELECT name, seq FROM sqlite_sequence WHERE name IN ('submission', 'consent_event');

DROP TABLE consent_event;
DROP TABLE submission;

CREATE TABLE submission (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    school          TEXT    NOT NULL,
    seq             INTEGER NOT NULL,              -- 1, 2, 3… within the school's chain
    reference       TEXT    NOT NULL UNIQUE,
    form_id         TEXT    NOT NULL,
    form_kind       TEXT    NOT NULL CHECK (form_kind IN ('agreement', 'consent', 'incident', 'withdrawal', 'objection')),
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
INSERT INTO submission (id, school, seq, reference, form_id, form_kind, form_version, lang, fields_json, received_at,
                        urgent, salt, content_hash, prev_hash, hash, fingerprint, idempotency_key, erased_at)
SELECT id, school, seq, reference, form_id, form_kind, form_version, lang, fields_json, received_at,
       urgent, salt, content_hash, prev_hash, hash, fingerprint, idempotency_key, erased_at
FROM submission_v86 ORDER BY id;
CREATE INDEX submission_by_school_form ON submission (school, form_id, received_at);
CREATE INDEX submission_by_fingerprint ON submission (school, form_id, fingerprint);
CREATE UNIQUE INDEX submission_by_idempotency_key ON submission (school, form_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
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
  OR NOT EXISTS (SELECT 1 FROM erasure e WHERE e.submission_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'submissions are append-only: the only change allowed is erasure, recorded first');
END;

-- Quoted as V22's rename left it, so the stored schema differs in the CHECK list only.
CREATE TABLE "consent_event" (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    school               TEXT    NOT NULL,
    consent_submission   INTEGER NOT NULL REFERENCES submission (id),
    cause_submission     INTEGER NOT NULL REFERENCES submission (id),
    form_id              TEXT    NOT NULL,
    pupil                TEXT    NOT NULL,
    statement            TEXT    NOT NULL,
    answer               TEXT    NOT NULL CHECK (answer IN ('given', 'refused', 'withdrawn', 'objects', 'no-objection')),
    recorded_at          TEXT    NOT NULL,
    seq                  INTEGER NOT NULL,
    salt                 TEXT    CHECK (salt IS NOT NULL OR pupil = ''),   -- NULL once erasure removed the name
    content_hash         TEXT    NOT NULL,
    prev_hash            TEXT    NOT NULL,
    hash                 TEXT    NOT NULL
);
INSERT INTO consent_event (id, school, consent_submission, cause_submission, form_id, pupil, statement, answer,
                           recorded_at, seq, salt, content_hash, prev_hash, hash)
SELECT id, school, consent_submission, cause_submission, form_id, pupil, statement, answer,
       recorded_at, seq, salt, content_hash, prev_hash, hash
FROM consent_event_v86 ORDER BY id;
CREATE INDEX consent_event_by_school ON consent_event (school, form_id, pupil, statement, id);
CREATE UNIQUE INDEX consent_event_chain ON consent_event (school, seq);
CREATE TRIGGER consent_event_no_delete BEFORE DELETE ON consent_event
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;
CREATE TRIGGER consent_event_only_erasure BEFORE UPDATE ON consent_event
WHEN OLD.salt IS NULL OR NEW.salt IS NOT NULL OR NEW.pupil <> ''
  OR NEW.id IS NOT OLD.id OR NEW.school IS NOT OLD.school
  OR NEW.consent_submission IS NOT OLD.consent_submission OR NEW.cause_submission IS NOT OLD.cause_submission
  OR NEW.form_id IS NOT OLD.form_id OR NEW.statement IS NOT OLD.statement OR NEW.answer IS NOT OLD.answer
  OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.seq IS NOT OLD.seq OR NEW.content_hash IS NOT OLD.content_hash
  OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only: the only change allowed is removing the pupil''s name on erasure');
END;

-- AUTOINCREMENT never reuses an id: each table's counter goes on from where it was.
UPDATE sqlite_sequence SET seq = (SELECT s.seq FROM sequence_v86 s WHERE s.name = sqlite_sequence.name)
WHERE name IN (SELECT name FROM sequence_v86);

DROP TABLE submission_v86;
DROP TABLE consent_event_v86;
DROP TABLE sequence_v86;
