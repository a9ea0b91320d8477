/**
 * Storage: the SQLite database, its migrations, and the append-only, hash-chained ledger of
 * submissions.
 *
 * <p><b>Input:</b> a database file path; {@link org.polisi.forms.storage.NewSubmission}s from the intake.
 * <p><b>Output:</b> a migrated {@link org.jdbi.v3.core.Jdbi}; stored
 * {@link org.polisi.forms.storage.SubmissionRow}s; a chain verification naming the first altered or
 * removed record; online backups.
 * <p><b>Why:</b> schools must be able to show that what they hold is what was sent. Records are
 * never updated except to erase their answers (a tombstone keeps the chain whole), triggers refuse
 * deletes, and each school's records are chained by SHA-256 so that a change made behind the
 * server's back is found by {@code verify}. Migrations are plain SQL run by Flyway (ADR 0010).
 * Writes go through one writer thread that commits many submissions with one fsync and answers
 * them only after the commit (group commit, ADR 0014); reads borrow from a few long-lived
 * connections.
 */
package org.polisi.forms.storage;
