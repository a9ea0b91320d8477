/**
 * Storage: the database (an SQLite file, or PostgreSQL for several instances: ADR 49), its migrations, the append-only, hash-chained records, and the
 * files that must stay private.
 *
 * <p><b>Input:</b> a database file path or PostgreSQL JDBC URL ({@link org.polisi.forms.config.DatabaseAddress}); {@link org.polisi.forms.storage.NewSubmission}s from the
 * intake; rows of the other record-making tables through {@link org.polisi.forms.storage.RecordChain#appender}.
 * <p><b>Output:</b> a migrated {@link org.jdbi.v3.core.Jdbi}; stored
 * {@link org.polisi.forms.storage.SubmissionRow}s; a verification of every chain naming the first
 * altered, removed, reordered or inserted record of each; online backups (SQLite's VACUUM INTO, or
 * {@link org.polisi.forms.storage.PostgresDump}); a copy of an SQLite database into PostgreSQL
 * ({@link org.polisi.forms.storage.DatabaseCopy}, ADR 54); files with mode 0600 in
 * folders with mode 0700 ({@link org.polisi.forms.storage.PrivateFiles}).
 * <p><b>Why:</b> schools must be able to show that what they hold is what was sent. Submissions
 * are never updated except to erase their answers (a tombstone keeps the chain whole), and each
 * school's submissions are chained by SHA-256 (ADR 13). Every other table that makes a record
 * (consent events, erasures, incident views, staff account changes, incident events, withdrawal-request
 * decisions) is a chain of its own kind per school, append-only by trigger (ADR 24); the heads of all chains are signed outside the database
 * by {@code checkpoint} (ADR 25). Migrations are plain SQL run by Flyway (ADR 10), with one Java
 * steps ({@code db.migration.V21__Link_existing_records}, {@code V40_2__Link_incident_events_and_withdrawal_decisions})
 * where SHA-256 is needed; SQL both databases accept is in {@code db/migration/common}, each
 * database's form of a step whose SQL differs in {@code db/migration/sqlite} and
 * {@code db/migration/postgresql} with the same version, and {@link org.polisi.forms.storage.Dialect}
 * picks the few statements that differ (ADR 49). Writes go through
 * one writer thread that commits many submissions with one fsync and answers them only after the
 * commit (group commit, ADR 14), sending each batch's inserts and chain-head writes together
 * (ADR 65); on PostgreSQL a batch is three requests whatever its size: its locks, heads, ids and
 * resubmission checks ({@code BatchOpening}), its rows as multi-row INSERTs ({@code MultiRowInsert}),
 * its commit (ADR 71); the writer's PostgreSQL connection plans each statement for each run, and
 * the resubmission checks look each fingerprint up alone by its own index (ADR 76). Reads borrow
 * from a few long-lived connections.
 *
 * <p><b>How a new record-making table joins the chains</b> (as incident events and withdrawal-request
 * decisions did in V40.1-V40.3; staff sessions…):
 * <ol>
 *   <li>Its migration adds {@code school}, {@code seq}, {@code prev_hash}, {@code hash} as
 *       {@code NOT NULL} (and {@code salt}, {@code content_hash} for one column erasure may clear),
 *       a unique index on {@code (school, seq)}, and the triggers of
 *       {@code V22__record_chains_append_only.sql} (update, delete: refused), written for both
 *       databases (in {@code sqlite/} and {@code postgresql/}, ADR 49).</li>
 *   <li>One {@link org.polisi.forms.storage.RecordChain} constant in
 *       {@link org.polisi.forms.storage.RecordChains}, added to {@code RecordChains.ALL}: verify and
 *       the checkpoints cover it with no other change.</li>
 *   <li>Rows are written only through {@code try (RecordChain.Appender rows =
 *       RecordChains.X.appender(transaction, school)) { rows.append(…); }}, inside
 *       {@code ledger.inWriteTransaction} or over a Jdbi handle in a transaction
 *       ({@link org.polisi.forms.storage.WriteTransaction#over}).</li>
 * </ol>
 * See docs/adr/0024-record-chains.md.
 */
package org.polisi.forms.storage;
