-- A staff search for a person ("Find everything about a person", and its JSON download) lists
-- incident reports that name them: each is recorded as a view, under its own channel 'search'.
-- SQLite cannot change a CHECK constraint, so the table is rebuilt with the same rows.
CREATE TABLE incident_view_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id INTEGER NOT NULL REFERENCES submission (id),
    staff_user_id INTEGER REFERENCES staff_user (id),
    viewer        TEXT    NOT NULL,
    channel       TEXT    NOT NULL CHECK (channel IN ('page', 'csv', 'command-line', 'search')),
    viewed_at     TEXT    NOT NULL
);
INSERT INTO incident_view_new (id, submission_id, staff_user_id, viewer, channel, viewed_at)
    SELECT id, submission_id, staff_user_id, viewer, channel, viewed_at FROM incident_view;
DROP TABLE incident_view;
ALTER TABLE incident_view_new RENAME TO incident_view;
CREATE INDEX incident_view_by_submission ON incident_view (submission_id);
