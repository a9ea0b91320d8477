-- One rule for "the same e-mail address" on both databases (tester 7's finding 11, docs/adr/0107):
-- an address's key is its NFC form, Unicode case-folded, computed by the application (EmailKey), as
-- SQLite's COLLATE NOCASE folds ASCII letters only and PostgreSQL's lower() follows its locale.
-- email_key holds it; email_clash marks the people an older version let share one (V121 fills both
-- and then makes email_key unique among the people not marked).
--
-- staff_person.email keeps its UNIQUE COLLATE NOCASE: two addresses it holds as one (they differ only
-- in ASCII letter case) always have one key too, so it never refuses what the key allows, and
-- dropping it would mean re-creating the table.
ALTER TABLE staff_person ADD COLUMN email_key TEXT;
ALTER TABLE staff_person ADD COLUMN email_clash INTEGER NOT NULL DEFAULT 0 CHECK (email_clash IN (0, 1));
