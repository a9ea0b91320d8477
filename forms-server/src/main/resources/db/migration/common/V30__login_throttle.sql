-- Failed sign-ins, per client address and per account name (issue 23, fault 6). A subject is
-- 'address:<ip>' or 'account:<e-mail as typed, lower-cased>': an address that is no account is
-- counted exactly like one that is, so the answers cannot tell them apart. Kept here rather than
-- in staff_user so that a stranger's failures never change the account's own row.
CREATE TABLE login_throttle (
    subject         TEXT    PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at TEXT    NOT NULL,
    blocked_until   TEXT
);
