-- The resubmission check finds earlier copies by their fingerprint alone (docs/adr/0076-resubmission-check-by-fingerprint.md).
-- The fingerprint is an HMAC of the school, the form, the language and the answers, so it picks
-- out the same rows as (school, form_id, fingerprint) did. Keyed on school and form first, the old
-- index left PostgreSQL's planner a choice, and with a fresh table's statistics (autovacuum had
-- not analysed it yet) it took submission_by_school_form's range on received_at instead: every
-- submission of the form in the window read and filtered, per batch, growing with the table.
-- The same index on SQLite as on PostgreSQL (docs/adr/0049-postgresql.md); SQLite names it with
-- INDEXED BY (SubmissionLedger), so its plan was never in question here.
DROP INDEX submission_by_fingerprint;
CREATE INDEX submission_by_fingerprint ON submission (fingerprint);
