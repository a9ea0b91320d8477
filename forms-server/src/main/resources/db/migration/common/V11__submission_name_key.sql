-- A derived search key per submission, for finding a person's records (subject access) without
-- reading and folding every answer: PersonNames' accent-free key of all the submission's answers.
-- It is derived, never evidence: not part of the chain's hashes, written with the submission in the
-- same transaction, removed when the submission is erased. V12 fills it for earlier submissions.
CREATE TABLE submission_name_key (
    submission_id INTEGER PRIMARY KEY REFERENCES submission (id),
    accent_free   TEXT    NOT NULL
);
