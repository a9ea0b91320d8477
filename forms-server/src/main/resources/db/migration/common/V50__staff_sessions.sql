-- Staff sessions and pending second-factor sign-ins in the database (issue 16, docs/adr/0049-postgresql.md),
-- so that a restart logs nobody out and a session made on one instance works on another. The same
-- idle and absolute timeouts apply as before, checked on every request.
--
-- The cookie's value is never stored: only its SHA-256, so a copy of the database (a backup) cannot
-- be replayed as a live session. The synchroniser token is stored as issued: the page must repeat it.
CREATE TABLE staff_session (
    id_hash        TEXT    PRIMARY KEY,
    staff_user_id  BIGINT  NOT NULL REFERENCES staff_user (id),
    csrf_token     TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    last_seen_at   TEXT    NOT NULL,
    language       TEXT    NOT NULL,
    enrolment_due  INTEGER NOT NULL CHECK (enrolment_due IN (0, 1)),
    pending_secret TEXT                            -- a TOTP secret shown while it is being set up
);
CREATE INDEX staff_session_by_last_seen ON staff_session (last_seen_at);

CREATE TABLE staff_pending_sign_in (
    id_hash        TEXT    PRIMARY KEY,
    staff_user_id  BIGINT  NOT NULL REFERENCES staff_user (id),
    started_at     TEXT    NOT NULL
);
