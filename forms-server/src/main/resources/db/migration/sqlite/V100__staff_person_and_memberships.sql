-- One person, several schools (issue 25 fault 2, docs/adr/0080): what belongs to the human (e-mail
-- address, password, second factor, recovery codes) moves to staff_person; staff_user stays the
-- membership it already is everywhere (sessions, views, decisions, chronology and account events
-- keep their staff_user_id, so no record's chain changes), one per (school, person), each with its
-- own role and disabled flag. Every existing account becomes one person with the same id, so each
-- sealed second-factor secret (whose seal names that id, ADR 0075) still opens.
--
-- staff_user loses its global unique e-mail and its password hash: SQLite cannot drop either in place,
-- so the table is re-created under its own name (as V87 did), with every row, id and the sequence, and
-- its append-only triggers (V22) re-created, now also keeping a membership's person. The other tables'
-- foreign keys name it by name and stay as they are; their checks wait for the commit.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE staff_person (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
INSERT INTO staff_person (id, email, password_hash, created_at)
    SELECT id, email, password_hash, created_at FROM staff_user ORDER BY id;

CREATE TABLE staff_user_v99 AS SELECT * FROM staff_user;
CREATE TABLE staff_user_sequence_v99 AS SELECT seq FROM sqlite_sequence WHERE name = 'staff_user';
DROP TABLE staff_user;
CREATE TABLE staff_user (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    school         TEXT    NOT NULL,
    person_id      INTEGER NOT NULL REFERENCES staff_person (id),
    name           TEXT    NOT NULL,
    email          TEXT    NOT NULL COLLATE NOCASE,   -- the person's address, kept with the membership for its alerts
    role           TEXT    NOT NULL CHECK (role IN ('headteacher', 'safeguarding-lead', 'online-safety-coordinator', 'office')),
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   TEXT,
    created_at     TEXT    NOT NULL,
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    UNIQUE (school, person_id)
);
INSERT INTO staff_user (id, school, person_id, name, email, role, failed_logins, locked_until, created_at, disabled)
    SELECT id, school, id, name, email, role, failed_logins, locked_until, created_at, disabled
    FROM staff_user_v99 ORDER BY id;
INSERT INTO sqlite_sequence (name, seq) SELECT 'staff_user', seq FROM staff_user_sequence_v99
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'staff_user');
UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(seq), 0) FROM staff_user_sequence_v99))
    WHERE name = 'staff_user';
DROP TABLE staff_user_v99;
DROP TABLE staff_user_sequence_v99;
CREATE INDEX staff_user_by_person ON staff_user (person_id);

CREATE TRIGGER staff_user_no_delete BEFORE DELETE ON staff_user
BEGIN
    SELECT RAISE(ABORT, 'staff accounts are never deleted');
END;
CREATE TRIGGER staff_user_fixed BEFORE UPDATE ON staff_user
WHEN NEW.id IS NOT OLD.id OR NEW.school IS NOT OLD.school OR NEW.created_at IS NOT OLD.created_at
  OR NEW.person_id IS NOT OLD.person_id
BEGIN
    SELECT RAISE(ABORT, 'a staff account keeps its id, school, person and creation time');
END;
CREATE TRIGGER staff_person_no_delete BEFORE DELETE ON staff_person
BEGIN
    SELECT RAISE(ABORT, 'staff people are never deleted');
END;
CREATE TRIGGER staff_person_fixed BEFORE UPDATE ON staff_person
WHEN NEW.id IS NOT OLD.id OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'a staff person keeps its id and creation time');
END;

-- The second factor and recovery codes are the person's (V31's tables, keyed by person from now on).
CREATE TABLE staff_second_factor_v99 AS SELECT * FROM staff_second_factor;
CREATE TABLE staff_recovery_code_v99 AS SELECT * FROM staff_recovery_code;
CREATE TABLE staff_recovery_code_sequence_v99 AS SELECT seq FROM sqlite_sequence WHERE name = 'staff_recovery_code';
DROP TABLE staff_second_factor;
DROP TABLE staff_recovery_code;
CREATE TABLE staff_second_factor (
    person_id     INTEGER PRIMARY KEY REFERENCES staff_person (id),
    secret        TEXT    NOT NULL,
    enrolled_at   TEXT    NOT NULL,
    last_step     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE staff_recovery_code (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id     INTEGER NOT NULL REFERENCES staff_person (id),
    code_hash     TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    used_at       TEXT
);
CREATE INDEX staff_recovery_code_by_person ON staff_recovery_code (person_id);
INSERT INTO staff_second_factor (person_id, secret, enrolled_at, last_step)
    SELECT staff_user_id, secret, enrolled_at, last_step FROM staff_second_factor_v99;
INSERT INTO staff_recovery_code (id, person_id, code_hash, created_at, used_at)
    SELECT id, staff_user_id, code_hash, created_at, used_at FROM staff_recovery_code_v99 ORDER BY id;
INSERT INTO sqlite_sequence (name, seq) SELECT 'staff_recovery_code', seq FROM staff_recovery_code_sequence_v99
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'staff_recovery_code');
UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(seq), 0) FROM staff_recovery_code_sequence_v99))
    WHERE name = 'staff_recovery_code';
DROP TABLE staff_second_factor_v99;
DROP TABLE staff_recovery_code_v99;
DROP TABLE staff_recovery_code_sequence_v99;

-- A sign-in under way is the person's: after the password, the second factor, then (with several
-- live memberships) the choice of school. Those under way now (five minutes at most) are forgotten.
DROP TABLE staff_pending_sign_in;
CREATE TABLE staff_pending_sign_in (
    id_hash        TEXT    PRIMARY KEY,
    person_id      BIGINT  NOT NULL REFERENCES staff_person (id),
    step           TEXT    NOT NULL CHECK (step IN ('second-factor', 'school')),
    started_at     TEXT    NOT NULL
);
