-- PostgreSQL's form of sqlite/V87 (issue 15, docs/adr/0057): a notice of objection is filed as kind
-- 'objection', and its ticks are consent events 'objects' or 'no-objection'. PostgreSQL changes a
-- CHECK constraint in place (the names are the ones V1 gave the column checks); the tables, their
-- rows and their triggers stay as they are.
ALTER TABLE submission DROP CONSTRAINT submission_form_kind_check;
ALTER TABLE submission ADD CONSTRAINT submission_form_kind_check
    CHECK (form_kind IN ('agreement', 'consent', 'incident', 'withdrawal', 'objection'));
ALTER TABLE consent_event DROP CONSTRAINT consent_event_answer_check;
ALTER TABLE consent_event ADD CONSTRAINT consent_event_answer_check
    CHECK (answer IN ('given', 'refused', 'withdrawn', 'objects', 'no-objection'));
