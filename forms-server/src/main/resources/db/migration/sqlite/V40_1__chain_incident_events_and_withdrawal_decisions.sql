-- Issue #23: incident events (staff actions and status changes on incident reports) and withdrawal-
-- request decisions join the record chains (docs/adr/0024-record-chains.md, "how a table joins").
-- Numbered 40.1, not in the chains' own range (V20-V29): these tables are made by V40, and Flyway
-- runs versions in order, so a V2x step would run before they exist on a new database.
--
-- incident_event had its own chain within each report, in seq and prev_hash/hash; the school's
-- record chain replaces it (one mechanism, verified by verify and covered by the checkpoints). The
-- order within a report stays, as report_seq; seq, prev_hash and hash become the school's chain.
-- Each table's one erasable column (an action's words, a rejection's reason) is hashed on its own
-- with a salt, as consent_event's pupil is, so the chain still verifies after erasure.
DROP TRIGGER incident_event_only_erasure;
ALTER TABLE incident_event RENAME COLUMN seq TO report_seq;
ALTER TABLE incident_event ADD COLUMN seq INTEGER;
ALTER TABLE incident_event ADD COLUMN salt TEXT;
ALTER TABLE incident_event ADD COLUMN content_hash TEXT;

DROP TRIGGER withdrawal_decision_only_erasure;
ALTER TABLE withdrawal_decision ADD COLUMN seq INTEGER;
ALTER TABLE withdrawal_decision ADD COLUMN salt TEXT;
ALTER TABLE withdrawal_decision ADD COLUMN content_hash TEXT;
ALTER TABLE withdrawal_decision ADD COLUMN prev_hash TEXT;
ALTER TABLE withdrawal_decision ADD COLUMN hash TEXT;
