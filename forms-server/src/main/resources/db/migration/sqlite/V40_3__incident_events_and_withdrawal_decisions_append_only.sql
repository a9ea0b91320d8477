-- Issue #23: incident events and withdrawal decisions are append-only record chains, as V22 made
-- the others (docs/adr/0024-record-chains.md). Every row must carry its link; nothing may be
-- deleted (V40's delete triggers stay); the one update allowed is erasure of the free text once the
-- submission it belongs to has been erased, which clears the salt with it (verify then requires a
-- recorded erasure of that submission).
--
-- PostgreSQL: as V22 says, one function per trigger, "IS NOT" becomes "IS DISTINCT FROM".
CREATE UNIQUE INDEX incident_event_chain ON incident_event (school, seq);
CREATE UNIQUE INDEX withdrawal_decision_chain ON withdrawal_decision (school, seq);

CREATE TRIGGER incident_event_chained BEFORE INSERT ON incident_event
WHEN NEW.seq IS NULL OR NEW.salt IS NULL OR NEW.content_hash IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'incident events are chained: record them through Polisi');
END;

CREATE TRIGGER incident_event_only_erasure BEFORE UPDATE ON incident_event
WHEN OLD.kind <> 'action' OR OLD.salt IS NULL OR NEW.salt IS NOT NULL OR NEW.detail IS NOT ''
  OR NEW.id IS NOT OLD.id OR NEW.school IS NOT OLD.school OR NEW.submission_id IS NOT OLD.submission_id
  OR NEW.report_seq IS NOT OLD.report_seq OR NEW.kind IS NOT OLD.kind OR NEW.staff_user_id IS NOT OLD.staff_user_id
  OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.seq IS NOT OLD.seq OR NEW.content_hash IS NOT OLD.content_hash
  OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
  OR (SELECT erased_at FROM submission WHERE id = OLD.submission_id) IS NULL
BEGIN
    SELECT RAISE(ABORT, 'incident events are append-only: the only change allowed is erasing an action of an erased report');
END;

CREATE TRIGGER withdrawal_decision_chained BEFORE INSERT ON withdrawal_decision
WHEN NEW.seq IS NULL OR NEW.salt IS NULL OR NEW.content_hash IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'withdrawal decisions are chained: record them through Polisi');
END;

CREATE TRIGGER withdrawal_decision_only_erasure BEFORE UPDATE ON withdrawal_decision
WHEN OLD.reason IS NULL OR OLD.salt IS NULL OR NEW.salt IS NOT NULL OR NEW.reason IS NOT ''
  OR NEW.id IS NOT OLD.id OR NEW.school IS NOT OLD.school
  OR NEW.withdrawal_submission IS NOT OLD.withdrawal_submission OR NEW.decision IS NOT OLD.decision
  OR NEW.consent_submission IS NOT OLD.consent_submission OR NEW.staff_user_id IS NOT OLD.staff_user_id
  OR NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_at IS NOT OLD.decided_at
  OR NEW.seq IS NOT OLD.seq OR NEW.content_hash IS NOT OLD.content_hash
  OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
  OR (SELECT erased_at FROM submission WHERE id = OLD.withdrawal_submission) IS NULL
BEGIN
    SELECT RAISE(ABORT, 'withdrawal decisions are append-only: the only change allowed is erasing the reason of an erased request');
END;
