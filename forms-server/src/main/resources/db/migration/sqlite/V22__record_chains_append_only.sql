-- Issue #23: the record chains' tables are append-only (docs/adr/0024-record-chains.md).
-- Every row must carry its link (NOT NULL, or a BEFORE INSERT trigger); nothing may be deleted;
-- nothing may be updated except a consent event's pupil name on erasure. The chain heads only
-- move forward.
--
-- PostgreSQL: each "CREATE TRIGGER t BEFORE X ON tab WHEN (cond) BEGIN SELECT RAISE(ABORT, msg); END"
-- becomes one function "RAISE EXCEPTION msg" and "CREATE TRIGGER t BEFORE X ON tab FOR EACH ROW
-- WHEN (cond) EXECUTE FUNCTION f()"; "IS NOT" becomes "IS DISTINCT FROM". The conditions are the same.

-- consent_event is on the intake's hot path (several rows per consent form, ADR 14): its link
-- columns become NOT NULL by rebuilding the table (SQLite cannot add the constraint in place;
-- PostgreSQL: ALTER COLUMN … SET NOT NULL), which costs nothing per row, where a BEFORE INSERT
-- trigger measured about 20 µs of the writer's time per row. The other tables are off the hot
-- path and refuse a row without its link by trigger.
CREATE TABLE consent_event_chained (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    school               TEXT    NOT NULL,
    consent_submission   INTEGER NOT NULL REFERENCES submission (id),
    cause_submission     INTEGER NOT NULL REFERENCES submission (id),
    form_id              TEXT    NOT NULL,
    pupil                TEXT    NOT NULL,
    statement            TEXT    NOT NULL,
    answer               TEXT    NOT NULL CHECK (answer IN ('given', 'refused', 'withdrawn')),
    recorded_at          TEXT    NOT NULL,
    seq                  INTEGER NOT NULL,
    salt                 TEXT    CHECK (salt IS NOT NULL OR pupil = ''),   -- NULL once erasure removed the name
    content_hash         TEXT    NOT NULL,
    prev_hash            TEXT    NOT NULL,
    hash                 TEXT    NOT NULL
);
INSERT INTO consent_event_chained (id, school, consent_submission, cause_submission, form_id, pupil, statement,
                                   answer, recorded_at, seq, salt, content_hash, prev_hash, hash)
SELECT id, school, consent_submission, cause_submission, form_id, pupil, statement, answer, recorded_at, seq, salt,
       content_hash, prev_hash, hash
FROM consent_event;
DROP TABLE consent_event;
ALTER TABLE consent_event_chained RENAME TO consent_event;
CREATE INDEX consent_event_by_school ON consent_event (school, form_id, pupil, statement, id);
CREATE UNIQUE INDEX consent_event_chain ON consent_event (school, seq);

CREATE UNIQUE INDEX erasure_chain ON erasure (school, seq);
CREATE UNIQUE INDEX incident_view_chain ON incident_view (school, seq);
CREATE UNIQUE INDEX staff_account_event_chain ON staff_account_event (school, seq);

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

CREATE TRIGGER erasure_chained BEFORE INSERT ON erasure
WHEN NEW.school IS NULL OR NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'erasures are chained: erase through Polisi');
END;
CREATE TRIGGER erasure_no_update BEFORE UPDATE ON erasure
BEGIN
    SELECT RAISE(ABORT, 'erasures are append-only');
END;
CREATE TRIGGER erasure_no_delete BEFORE DELETE ON erasure
BEGIN
    SELECT RAISE(ABORT, 'erasures are append-only');
END;

CREATE TRIGGER incident_view_chained BEFORE INSERT ON incident_view
WHEN NEW.school IS NULL OR NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'incident views are chained: record them through Polisi');
END;
CREATE TRIGGER incident_view_no_update BEFORE UPDATE ON incident_view
BEGIN
    SELECT RAISE(ABORT, 'incident views are append-only');
END;
CREATE TRIGGER incident_view_no_delete BEFORE DELETE ON incident_view
BEGIN
    SELECT RAISE(ABORT, 'incident views are append-only');
END;

CREATE TRIGGER staff_account_event_chained BEFORE INSERT ON staff_account_event
WHEN NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'staff account changes are chained: make them through Polisi');
END;
CREATE TRIGGER staff_account_event_no_update BEFORE UPDATE ON staff_account_event
BEGIN
    SELECT RAISE(ABORT, 'staff account changes are append-only');
END;
CREATE TRIGGER staff_account_event_no_delete BEFORE DELETE ON staff_account_event
BEGIN
    SELECT RAISE(ABORT, 'staff account changes are append-only');
END;

-- A staff account is never removed, and keeps its school and creation time (its other attributes
-- change only with an event that verify compares with).
CREATE TRIGGER staff_user_no_delete BEFORE DELETE ON staff_user
BEGIN
    SELECT RAISE(ABORT, 'staff accounts are never deleted');
END;
CREATE TRIGGER staff_user_fixed BEFORE UPDATE ON staff_user
WHEN NEW.id IS NOT OLD.id OR NEW.school IS NOT OLD.school OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'a staff account keeps its id, school and creation time');
END;

-- Chain heads move forward only, and are never removed.
CREATE TRIGGER chain_head_forward BEFORE UPDATE ON chain_head
WHEN NEW.school IS NOT OLD.school OR NEW.last_seq <= OLD.last_seq
BEGIN
    SELECT RAISE(ABORT, 'a chain head only moves forward');
END;
CREATE TRIGGER chain_head_no_delete BEFORE DELETE ON chain_head
BEGIN
    SELECT RAISE(ABORT, 'a chain head is never removed');
END;
CREATE TRIGGER record_chain_head_forward BEFORE UPDATE ON record_chain_head
WHEN NEW.chain IS NOT OLD.chain OR NEW.school IS NOT OLD.school OR NEW.last_seq <= OLD.last_seq
BEGIN
    SELECT RAISE(ABORT, 'a chain head only moves forward');
END;
CREATE TRIGGER record_chain_head_no_delete BEFORE DELETE ON record_chain_head
BEGIN
    SELECT RAISE(ABORT, 'a chain head is never removed');
END;

-- Erasing a submission needs its erasure recorded first (in the erasure chain).
DROP TRIGGER submission_only_erasure;
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
