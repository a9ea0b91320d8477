-- PostgreSQL's form of sqlite/V10: a CHECK constraint is replaced in place (SQLite rebuilds the table).
ALTER TABLE incident_view DROP CONSTRAINT incident_view_channel;
ALTER TABLE incident_view ADD CONSTRAINT incident_view_channel
    CHECK (channel IN ('page', 'csv', 'command-line', 'search'));
