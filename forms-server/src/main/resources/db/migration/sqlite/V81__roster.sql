-- Issue 20, fault 6: the school's optional roster of pupils and classes, uploaded by the headteacher
-- on a staff page so the dashboard can show who has not returned a form and consents by class. It
-- never leaves the server (no page or export shows it whole) and is replaced whole on each upload.
-- Each upload is recorded (who, when, how many pupils) in roster_upload, which is append-only.
CREATE TABLE roster_pupil (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,   -- PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY
    school     TEXT    NOT NULL,
    pupil      TEXT    NOT NULL CHECK (length(pupil) > 0),
    class_name TEXT    NOT NULL,
    line       INTEGER NOT NULL                     -- its line in the uploaded file, for messages
);
CREATE INDEX roster_pupil_by_school ON roster_pupil (school, class_name, id);

CREATE TABLE roster_upload (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    school        TEXT    NOT NULL,
    staff_user_id INTEGER NOT NULL REFERENCES staff_user (id),
    uploaded_by   TEXT    NOT NULL,
    pupils        INTEGER NOT NULL,
    uploaded_at   TEXT    NOT NULL
);

CREATE TRIGGER roster_upload_no_update BEFORE UPDATE ON roster_upload
BEGIN
    SELECT RAISE(ABORT, 'roster uploads are a record: append-only');
END;

CREATE TRIGGER roster_upload_no_delete BEFORE DELETE ON roster_upload
BEGIN
    SELECT RAISE(ABORT, 'roster uploads are a record: append-only');
END;
