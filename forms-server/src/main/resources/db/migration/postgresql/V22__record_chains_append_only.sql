-- PostgreSQL's form of sqlite/V22 (issue #23, docs/adr/0024-record-chains.md): the same rules.
-- consent_event's links become NOT NULL in place (SQLite rebuilds the table). A trigger whose
-- condition reads another table is a function of its own, since PostgreSQL allows no subquery in a
-- trigger's WHEN (docs/adr/0049-postgresql.md).
ALTER TABLE consent_event ALTER COLUMN seq SET NOT NULL;
ALTER TABLE consent_event ALTER COLUMN content_hash SET NOT NULL;
ALTER TABLE consent_event ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE consent_event ALTER COLUMN hash SET NOT NULL;
ALTER TABLE consent_event ADD CHECK (salt IS NOT NULL OR pupil = '');
CREATE UNIQUE INDEX consent_event_chain ON consent_event (school, seq);

CREATE UNIQUE INDEX erasure_chain ON erasure (school, seq);
CREATE UNIQUE INDEX incident_view_chain ON incident_view (school, seq);
CREATE UNIQUE INDEX staff_account_event_chain ON staff_account_event (school, seq);

CREATE TRIGGER consent_event_only_erasure BEFORE UPDATE ON consent_event FOR EACH ROW
WHEN (OLD.salt IS NULL OR NEW.salt IS NOT NULL OR NEW.pupil <> ''
  OR NEW.id IS DISTINCT FROM OLD.id OR NEW.school IS DISTINCT FROM OLD.school
  OR NEW.consent_submission IS DISTINCT FROM OLD.consent_submission
  OR NEW.cause_submission IS DISTINCT FROM OLD.cause_submission
  OR NEW.form_id IS DISTINCT FROM OLD.form_id OR NEW.statement IS DISTINCT FROM OLD.statement
  OR NEW.answer IS DISTINCT FROM OLD.answer OR NEW.recorded_at IS DISTINCT FROM OLD.recorded_at
  OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
  OR NEW.prev_hash IS DISTINCT FROM OLD.prev_hash OR NEW.hash IS DISTINCT FROM OLD.hash)
    EXECUTE FUNCTION polisi_refuse('consent events are append-only: the only change allowed is removing the pupil''s name on erasure');

CREATE TRIGGER erasure_chained BEFORE INSERT ON erasure FOR EACH ROW
WHEN (NEW.school IS NULL OR NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL)
    EXECUTE FUNCTION polisi_refuse('erasures are chained: erase through Polisi');
CREATE TRIGGER erasure_no_update BEFORE UPDATE ON erasure FOR EACH ROW
    EXECUTE FUNCTION polisi_refuse('erasures are append-only');
CREATE TRIGGER erasure_no_delete BEFORE DELETE ON erasure FOR EACH ROW
    EXECUTE FUNCTION polisi_refuse('erasures are append-only');

CREATE TRIGGER incident_view_chained BEFORE INSERT ON incident_view FOR EACH ROW
WHEN (NEW.school IS NULL OR NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL)
    EXECUTE FUNCTION polisi_refuse('incident views are chained: record them through Polisi');
CREATE TRIGGER incident_view_no_update BEFORE UPDATE ON incident_view FOR EACH ROW
    EXECUTE FUNCTION polisi_refuse('incident views are append-only');
CREATE TRIGGER incident_view_no_delete BEFORE DELETE ON incident_view FOR EACH ROW
    EXECUTE FUNCTION polisi_refuse('incident views are append-only');

CREATE TRIGGER staff_account_event_chained BEFORE INSERT ON staff_account_event FOR EACH ROW
WHEN (NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL)
    EXECUTE FUNCTION polisi_refuse('staff account changes are chained: make them through Polisi');
CREATE TRIGGER staff_account_event_no_update BEFORE UPDATE ON staff_account_event FOR EACH ROW
    EXECUTE FUNCTION polisi_refuse('staff account changes are append-only');
CREATE TRIGGER staff_account_event_no_delete BEFORE DELETE ON staff_account_event FOR EACH ROW
    EXECUTE FUNCTION polisi_refuse('staff account changes are append-only');

CREATE TRIGGER staff_user_no_delete BEFORE DELETE ON staff_user FOR EACH ROW
    EXECUTE FUNCTION polisi_refuse('staff accounts are never deleted');
CREATE TRIGGER staff_user_fixed BEFORE UPDATE ON staff_user FOR EACH ROW
WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.school IS DISTINCT FROM OLD.school
  OR NEW.created_at IS DISTINCT FROM OLD.created_at)
    EXECUTE FUNCTION polisi_refuse('a staff account keeps its id, school and creation time');

CREATE TRIGGER chain_head_forward BEFORE UPDATE ON chain_head FOR EACH ROW
WHEN (NEW.school IS DISTINCT FROM OLD.school OR NEW.last_seq <= OLD.last_seq)
    EXECUTE FUNCTION polisi_refuse('a chain head only moves forward');
CREATE TRIGGER chain_head_no_delete BEFORE DELETE ON chain_head FOR EACH ROW
    EXECUTE FUNCTION polisi_refuse('a chain head is never removed');
CREATE TRIGGER record_chain_head_forward BEFORE UPDATE ON record_chain_head FOR EACH ROW
WHEN (NEW.chain IS DISTINCT FROM OLD.chain OR NEW.school IS DISTINCT FROM OLD.school
  OR NEW.last_seq <= OLD.last_seq)
    EXECUTE FUNCTION polisi_refuse('a chain head only moves forward');
CREATE TRIGGER record_chain_head_no_delete BEFORE DELETE ON record_chain_head FOR EACH ROW
    EXECUTE FUNCTION polisi_refuse('a chain head is never removed');

-- Erasing a submission needs its erasure recorded first (in the erasure chain).
CREATE FUNCTION submission_only_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.erased_at IS NOT NULL
       OR NEW.erased_at IS NULL
       OR NEW.fields_json <> '{}'
       OR NEW.salt IS NOT NULL
       OR NEW.id IS DISTINCT FROM OLD.id OR NEW.school IS DISTINCT FROM OLD.school
       OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.reference IS DISTINCT FROM OLD.reference
       OR NEW.form_id IS DISTINCT FROM OLD.form_id OR NEW.form_kind IS DISTINCT FROM OLD.form_kind
       OR NEW.form_version IS DISTINCT FROM OLD.form_version OR NEW.lang IS DISTINCT FROM OLD.lang
       OR NEW.received_at IS DISTINCT FROM OLD.received_at OR NEW.urgent IS DISTINCT FROM OLD.urgent
       OR NEW.content_hash IS DISTINCT FROM OLD.content_hash OR NEW.prev_hash IS DISTINCT FROM OLD.prev_hash
       OR NEW.hash IS DISTINCT FROM OLD.hash
       OR NOT EXISTS (SELECT 1 FROM erasure e WHERE e.submission_id = OLD.id) THEN
        RAISE EXCEPTION 'submissions are append-only: the only change allowed is erasure, recorded first'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER submission_only_erasure BEFORE UPDATE ON submission FOR EACH ROW
    EXECUTE FUNCTION submission_only_erasure();
