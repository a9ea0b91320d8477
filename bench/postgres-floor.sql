-- What PostgreSQL alone does for one batch of the ledger's writer on the intake's rows (issue 16's
-- floor; bench/postgres-intake.sh PARTS=floor). :n submissions per transaction, one school per
-- pgbench client ('pgb' || :client_id), copied from templates made from one real consent
-- submission stored by the server (template_submission, template_name_key, template_event), with
-- the same guarantees as the writer (storage/BatchOpening, storage/WriteTransaction): the chain
-- locks, the resubmission check by fingerprint (V99, ADR 0076), both chain heads FOR UPDATE, the
-- id block, the submissions with their name keys and consent events in one statement, both heads'
-- upserts, and a commit on disk (synchronous_commit on). pgbench sends each statement as its own
-- round trip (eight per transaction; the writer sends three), so this floor is if anything low.
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(ARRAY['submission/pgb' || :client_id, 'consent-event/pgb' || :client_id]) AS k;
SELECT s.* FROM unnest(ARRAY(SELECT md5(random()::text) || 'abcdefghijk' FROM generate_series(1, :n))) AS k(fingerprint)
  CROSS JOIN LATERAL (SELECT * FROM submission WHERE submission.fingerprint = k.fingerprint OFFSET 0) AS s
  WHERE s.school = 'pgb' || :client_id AND s.received_at >= '2026-01-01' AND s.erased_at IS NULL;
SELECT * FROM chain_head WHERE school = 'pgb' || :client_id FOR UPDATE;
SELECT * FROM record_chain_head WHERE chain = 'consent-event' AND school = 'pgb' || :client_id FOR UPDATE;
WITH ids AS (SELECT nextval(pg_get_serial_sequence('submission', 'id')) AS id FROM generate_series(1, :n)),
s AS (INSERT INTO submission (id, school, seq, reference, form_id, form_kind, form_version, lang, fields_json, received_at, urgent, salt, content_hash, prev_hash, hash, fingerprint)
  SELECT ids.id, 'pgb' || :client_id, ids.id, 'P' || ids.id, t.form_id, t.form_kind, t.form_version, t.lang, t.fields_json, t.received_at, t.urgent,
         t.salt, t.content_hash, t.prev_hash, t.hash, md5(ids.id::text) || 'abcdefghijk' FROM ids, template_submission t RETURNING id),
k AS (INSERT INTO submission_name_key (submission_id, accent_free) SELECT s.id, t.accent_free FROM s, template_name_key t),
e AS (INSERT INTO consent_event (school, consent_submission, cause_submission, form_id, pupil, statement, answer, recorded_at, seq, salt, content_hash, prev_hash, hash)
  SELECT 'pgb' || :client_id, s.id, s.id, t.form_id, t.pupil, t.statement, t.answer, t.recorded_at, s.id * 2 + t.o, t.salt, t.content_hash, t.prev_hash, t.hash FROM s, template_event t)
SELECT max(id) AS last FROM s \gset
INSERT INTO chain_head (school, last_seq, last_hash) VALUES ('pgb' || :client_id, :last, repeat('h', 64))
  ON CONFLICT (school) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash;
INSERT INTO record_chain_head (chain, school, last_seq, last_hash) VALUES ('consent-event', 'pgb' || :client_id, :last * 2 + 1, repeat('h', 64))
  ON CONFLICT (chain, school) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash;
COMMIT;
