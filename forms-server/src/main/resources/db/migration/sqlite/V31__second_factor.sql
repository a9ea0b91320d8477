-- TOTP second factor (RFC 6238) and single-use recovery codes (issue 23, fault 7).
-- The shared secret must be readable to check a code, so it is stored as issued (Base32); the
-- database file is private to the server's user. last_step is the newest 30-second time step
-- accepted, so a code is never accepted twice (RFC 6238 §5.2).
CREATE TABLE staff_second_factor (
    staff_user_id INTEGER PRIMARY KEY REFERENCES staff_user (id),
    secret        TEXT    NOT NULL,
    enrolled_at   TEXT    NOT NULL,
    last_step     INTEGER NOT NULL DEFAULT 0
);

-- Recovery codes: only an Argon2id hash of each is kept; used_at is set when one is spent.
CREATE TABLE staff_recovery_code (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    staff_user_id INTEGER NOT NULL REFERENCES staff_user (id),
    code_hash     TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    used_at       TEXT
);
CREATE INDEX staff_recovery_code_by_user ON staff_recovery_code (staff_user_id);
