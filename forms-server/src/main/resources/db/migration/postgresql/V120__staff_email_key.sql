-- PostgreSQL's form of sqlite/V120 (tester 7's finding 11, docs/adr/0107): the key the application
-- computes (EmailKey: NFC, Unicode case-folded) and the mark of a clash an older version left; V121
-- fills both and makes email_key unique among the people not marked. The unique index on
-- lower(email) goes: lower() follows the database's locale (it may hold "İ" and "i" as one where the
-- key does not), so the key alone decides, as on SQLite.
ALTER TABLE staff_person ADD COLUMN email_key TEXT;
ALTER TABLE staff_person ADD COLUMN email_clash INTEGER NOT NULL DEFAULT 0 CHECK (email_clash IN (0, 1));
DROP INDEX staff_person_email;
