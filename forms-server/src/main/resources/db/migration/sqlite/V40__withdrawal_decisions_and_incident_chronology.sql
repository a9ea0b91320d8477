-- Withdrawal requests and incident chronologies (docs/adr/0028). Both tables are insert-only: the
-- state (a request pending or decided, an incident open, actioned or closed) is derived from the
-- events, never stored as a value that is changed. The only change allowed is erasure of the free
-- text once the submission it belongs to has been erased (retention or a request), as for the
-- names in consent_event.

-- A staff member's decision on a withdrawal sent without a reference: matched to one consent form
-- (its 'withdrawn' consent events are appended in the same transaction) or rejected with a reason.
-- A request with no decision is pending. One decision per request.
CREATE TABLE withdrawal_decision (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    school                TEXT    NOT NULL,
    withdrawal_submission INTEGER NOT NULL UNIQUE REFERENCES submission (id),
    decision              TEXT    NOT NULL CHECK (decision IN ('matched', 'rejected')),
    consent_submission    INTEGER REFERENCES submission (id),
    reason                TEXT,
    staff_user_id         INTEGER REFERENCES staff_user (id),
    decided_by            TEXT    NOT NULL,
    decided_at            TEXT    NOT NULL,
    CHECK ((decision = 'matched' AND consent_submission IS NOT NULL AND reason IS NULL)
        OR (decision = 'rejected' AND consent_submission IS NULL AND reason IS NOT NULL))
);

CREATE TRIGGER withdrawal_decision_no_delete BEFORE DELETE ON withdrawal_decision
BEGIN
    SELECT RAISE(ABORT, 'withdrawal decisions are append-only');
END;

CREATE TRIGGER withdrawal_decision_only_erasure BEFORE UPDATE ON withdrawal_decision
WHEN NEW.reason IS NOT '' OR OLD.reason IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.school IS NOT OLD.school
  OR NEW.withdrawal_submission IS NOT OLD.withdrawal_submission OR NEW.decision IS NOT OLD.decision
  OR NEW.consent_submission IS NOT OLD.consent_submission OR NEW.staff_user_id IS NOT OLD.staff_user_id
  OR NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_at IS NOT OLD.decided_at
  OR (SELECT erased_at FROM submission WHERE id = OLD.withdrawal_submission) IS NULL
BEGIN
    SELECT RAISE(ABORT, 'withdrawal decisions are append-only: the only change allowed is erasing the reason of an erased request');
END;

-- An incident report's chronology, as the reporting log's "Action taken: what? by whom?" columns
-- ask: actions taken, status changes (open, actioned, closed) and the date staff set until which
-- the report is kept (its retention rule, or a legal hold). Each event is chained to the previous
-- event of the same report: hash = SHA-256(prev_hash + canonical event), so a removed or altered
-- event breaks every link after it.
CREATE TABLE incident_event (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    school         TEXT    NOT NULL,
    submission_id  INTEGER NOT NULL REFERENCES submission (id),
    seq            INTEGER NOT NULL,                 -- 1, 2, 3... within the report
    kind           TEXT    NOT NULL CHECK (kind IN ('action', 'status', 'keep-until')),
    detail         TEXT    NOT NULL,                 -- what was done; open|actioned|closed; YYYY-MM-DD
    staff_user_id  INTEGER REFERENCES staff_user (id),
    recorded_by    TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    prev_hash      TEXT    NOT NULL,
    hash           TEXT    NOT NULL,
    UNIQUE (submission_id, seq),
    CHECK (kind <> 'status' OR detail IN ('open', 'actioned', 'closed'))
);
CREATE INDEX incident_event_by_school ON incident_event (school, submission_id, seq);

CREATE TRIGGER incident_event_no_delete BEFORE DELETE ON incident_event
BEGIN
    SELECT RAISE(ABORT, 'incident events are append-only');
END;

CREATE TRIGGER incident_event_only_erasure BEFORE UPDATE ON incident_event
WHEN OLD.kind <> 'action' OR NEW.detail IS NOT ''
  OR NEW.id IS NOT OLD.id OR NEW.school IS NOT OLD.school OR NEW.submission_id IS NOT OLD.submission_id
  OR NEW.seq IS NOT OLD.seq OR NEW.kind IS NOT OLD.kind OR NEW.staff_user_id IS NOT OLD.staff_user_id
  OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
  OR (SELECT erased_at FROM submission WHERE id = OLD.submission_id) IS NULL
BEGIN
    SELECT RAISE(ABORT, 'incident events are append-only: the only change allowed is erasing an action of an erased report');
END;
