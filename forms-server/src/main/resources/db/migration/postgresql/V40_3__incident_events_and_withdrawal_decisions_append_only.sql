-- PostgreSQL's form of sqlite/V40.3 (issue #23, docs/adr/0024-record-chains.md): the same rules.
CREATE UNIQUE INDEX incident_event_chain ON incident_event (school, seq);
CREATE UNIQUE INDEX withdrawal_decision_chain ON withdrawal_decision (school, seq);

CREATE TRIGGER incident_event_chained BEFORE INSERT ON incident_event FOR EACH ROW
WHEN (NEW.seq IS NULL OR NEW.salt IS NULL OR NEW.content_hash IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL)
    EXECUTE FUNCTION polisi_refuse('incident events are chained: record them through Polisi');

CREATE FUNCTION incident_event_only_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.kind <> 'action' OR OLD.salt IS NULL OR NEW.salt IS NOT NULL OR NEW.detail IS DISTINCT FROM ''
       OR NEW.id IS DISTINCT FROM OLD.id OR NEW.school IS DISTINCT FROM OLD.school
       OR NEW.submission_id IS DISTINCT FROM OLD.submission_id OR NEW.report_seq IS DISTINCT FROM OLD.report_seq
       OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.staff_user_id IS DISTINCT FROM OLD.staff_user_id
       OR NEW.recorded_by IS DISTINCT FROM OLD.recorded_by OR NEW.recorded_at IS DISTINCT FROM OLD.recorded_at
       OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
       OR NEW.prev_hash IS DISTINCT FROM OLD.prev_hash OR NEW.hash IS DISTINCT FROM OLD.hash
       OR (SELECT erased_at FROM submission WHERE id = OLD.submission_id) IS NULL THEN
        RAISE EXCEPTION 'incident events are append-only: the only change allowed is erasing an action of an erased report'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER incident_event_only_erasure BEFORE UPDATE ON incident_event FOR EACH ROW
    EXECUTE FUNCTION incident_event_only_erasure();

CREATE TRIGGER withdrawal_decision_chained BEFORE INSERT ON withdrawal_decision FOR EACH ROW
WHEN (NEW.seq IS NULL OR NEW.salt IS NULL OR NEW.content_hash IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL)
    EXECUTE FUNCTION polisi_refuse('withdrawal decisions are chained: record them through Polisi');

CREATE FUNCTION withdrawal_decision_only_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.reason IS NULL OR OLD.salt IS NULL OR NEW.salt IS NOT NULL OR NEW.reason IS DISTINCT FROM ''
       OR NEW.id IS DISTINCT FROM OLD.id OR NEW.school IS DISTINCT FROM OLD.school
       OR NEW.withdrawal_submission IS DISTINCT FROM OLD.withdrawal_submission
       OR NEW.decision IS DISTINCT FROM OLD.decision
       OR NEW.consent_submission IS DISTINCT FROM OLD.consent_submission
       OR NEW.staff_user_id IS DISTINCT FROM OLD.staff_user_id
       OR NEW.decided_by IS DISTINCT FROM OLD.decided_by OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
       OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
       OR NEW.prev_hash IS DISTINCT FROM OLD.prev_hash OR NEW.hash IS DISTINCT FROM OLD.hash
       OR (SELECT erased_at FROM submission WHERE id = OLD.withdrawal_submission) IS NULL THEN
        RAISE EXCEPTION 'withdrawal decisions are append-only: the only change allowed is erasing the reason of an erased request'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER withdrawal_decision_only_erasure BEFORE UPDATE ON withdrawal_decision FOR EACH ROW
    EXECUTE FUNCTION withdrawal_decision_only_erasure();
