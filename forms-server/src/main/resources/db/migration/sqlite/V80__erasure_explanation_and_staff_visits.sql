-- Issue 20, fault 5: an erasure made by staff says why, in the headteacher's words, so the record's
-- tombstone can say "answers erased on …, by …, because …". The erasure table's reason stays the
-- kind ('request' or 'retention', hashed in its chain); the words are a chain of their own, appended
-- in the same write as the erasure, append-only like every record chain (docs/adr/0024-record-chains.md).
--
-- PostgreSQL: as V22 says, one function per trigger, "IS NOT" becomes "IS DISTINCT FROM".
CREATE TABLE erasure_explanation (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,   -- PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY
    school        TEXT    NOT NULL,
    submission_id INTEGER NOT NULL UNIQUE REFERENCES submission (id),
    explanation   TEXT    NOT NULL CHECK (length(explanation) > 0),
    erased_at     TEXT    NOT NULL,
    seq           INTEGER NOT NULL,
    prev_hash     TEXT    NOT NULL,
    hash          TEXT    NOT NULL
);
CREATE UNIQUE INDEX erasure_explanation_chain ON erasure_explanation (school, seq);

CREATE TRIGGER erasure_explanation_no_update BEFORE UPDATE ON erasure_explanation
BEGIN
    SELECT RAISE(ABORT, 'erasure explanations are append-only');
END;

CREATE TRIGGER erasure_explanation_no_delete BEFORE DELETE ON erasure_explanation
BEGIN
    SELECT RAISE(ABORT, 'erasure explanations are append-only');
END;

CREATE TRIGGER erasure_explanation_needs_erasure BEFORE INSERT ON erasure_explanation
WHEN NOT EXISTS (SELECT 1 FROM erasure x WHERE x.submission_id = NEW.submission_id)
BEGIN
    SELECT RAISE(ABORT, 'an erasure explanation belongs to a recorded erasure');
END;

-- Issue 20, fault 6: when each member of staff last opened the dashboard, so it can show what is new
-- since. A convenience, not a record: it is replaced on each visit.
CREATE TABLE staff_visit (
    staff_user_id INTEGER NOT NULL PRIMARY KEY REFERENCES staff_user (id),
    last_visit_at TEXT    NOT NULL
);
