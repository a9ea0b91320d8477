-- Delivery of outbox alerts by e-mail: how many tries, and why the last one failed.
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
