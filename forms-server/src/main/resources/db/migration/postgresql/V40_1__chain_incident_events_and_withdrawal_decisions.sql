-- PostgreSQL's form of sqlite/V40.1 (issue #23): the same columns. V40 made no erasure triggers on
-- PostgreSQL (V40.3 makes them), so there are none to drop here.
ALTER TABLE incident_event RENAME COLUMN seq TO report_seq;
ALTER TABLE incident_event ADD COLUMN seq BIGINT;
ALTER TABLE incident_event ADD COLUMN salt TEXT;
ALTER TABLE incident_event ADD COLUMN content_hash TEXT;

ALTER TABLE withdrawal_decision ADD COLUMN seq BIGINT;
ALTER TABLE withdrawal_decision ADD COLUMN salt TEXT;
ALTER TABLE withdrawal_decision ADD COLUMN content_hash TEXT;
ALTER TABLE withdrawal_decision ADD COLUMN prev_hash TEXT;
ALTER TABLE withdrawal_decision ADD COLUMN hash TEXT;
