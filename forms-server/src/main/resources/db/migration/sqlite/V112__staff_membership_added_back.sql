-- A person removed from a school (user remove, ADR 0094) can be added back there (tester 7, ADR 0101):
-- a new membership, with its own id and history, beside the removed one, which stays as it is (the
-- records it made name it as their author, and its chain must still verify). V100's UNIQUE (school,
-- person_id) becomes one live membership per person and school: a partial unique index over the rows
-- not removed. A removed row stays removed (V111's trigger), so it can never collide with a live one.
--
-- SQLite cannot drop a table's UNIQUE constraint in place: staff_user is re-created under its own
-- name as V100 did, with every row, id and the sequence, its index and its three triggers (V100's
-- and V111's). The other tables' foreign keys name it by name and stay as they are; their checks wait
-- for the commit.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE staff_user_v111 AS SELECT * FROM staff_user;
CREATE TABLE staff_user_sequence_v111 AS SELECT seq FROM sqlite_sequence WHERE name = 'staff_user';
DROP TABLE staff_user;
CREATE TABLE staff_user (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    school         TEXT    NOT NULL,
    person_id      INTEGER NOT NULL REFERENCES staff_person (id),
    name           TEXT    NOT NULL,
    email          TEXT    NOT NULL COLLATE NOCASE,
    role           TEXT    NOT NULL CHECK (role IN ('headteacher', 'safeguarding-lead', 'online-safety-coordinator', 'office')),
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   TEXT,
    created_at     TEXT    NOT NULL,
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    removed_at     TEXT
);
INSERT INTO staff_user (id, school, person_id, name, email, role, failed_logins, locked_until, created_at, disabled,
                        removed_at)
    SELECT id, school, person_id, name, email, role, failed_logins, locked_until, created_at, disabled, removed_at
    FROM staff_user_v111 ORDER BY id;
INSERT INTO sqlite_sequence (name, seq) SELECT 'staff_user', seq FROM staff_user_sequence_v111
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'staff_user');
UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(seq), 0) FROM staff_user_sequence_v111))
    WHERE name = 'staff_user';
DROP TABLE staff_user_v111;
DROP TABLE staff_user_sequence_v111;
CREATE INDEX staff_user_by_person ON staff_user (person_id);
CREATE UNIQUE INDEX staff_user_one_live_per_school ON staff_user (school, person_id) WHERE removed_at IS NULL;

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
CREATE TRIGGER staff_user_removed_for_good BEFORE UPDATE ON staff_user
WHEN OLD.removed_at IS NOT NULL AND (NEW.removed_at IS NOT OLD.removed_at OR NEW.disabled <> 1)
BEGIN
    SELECT RAISE(ABORT, 'a removed staff account stays removed and disabled');
END;
