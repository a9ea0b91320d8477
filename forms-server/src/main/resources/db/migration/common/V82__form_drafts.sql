-- Answers not yet recorded (issue 20, docs/adr/0052-form-drafts-and-check-your-answers.md): a form
-- shown again with its errors, or a check-your-answers page, has a GET address that can be reloaded,
-- reopened and switched to the other language. What was typed is kept here, in the database so that
-- every instance and a restart know it, for a short time only: a row expires (expires_at) and is
-- deleted at the next form post, view or purge after that; once the answers are recorded, the
-- answers are removed at once and only the reference is kept until expiry (so that a second "Send"
-- finds the same receipt).
--
-- The token in the address is never stored: only its SHA-256, so a copy of the database (a backup)
-- cannot open anyone's answers.
CREATE TABLE form_draft (
    token_hash  TEXT    PRIMARY KEY,
    school      TEXT    NOT NULL,
    form_id     TEXT    NOT NULL,
    state       TEXT    NOT NULL,            -- JSON: language, step, the posted parameters, the field being added to
    reference   TEXT,                        -- the record made from it, once sent (the answers are then removed)
    expires_at  TEXT    NOT NULL
);
CREATE INDEX form_draft_by_expiry ON form_draft (expires_at);
