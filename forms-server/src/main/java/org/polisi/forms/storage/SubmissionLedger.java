package org.polisi.forms.storage;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Appends submissions to their school's chain. Every write goes through one
 * {@link GroupCommitWriter} (one thread, one connection, many writes per commit): each record needs
 * the hash of the one before it, and "is this a resubmission?" must be answered and acted on
 * atomically, so writes run one after another, in order, in the writer's transaction. Across
 * processes (the command line) SQLite's immediate transactions keep them apart.
 */
public final class SubmissionLedger implements AutoCloseable {

    private final Jdbi jdbi;
    private final GroupCommitWriter writer;
    private final SecureRandom random = new SecureRandom();

    public SubmissionLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.writer = new GroupCommitWriter(jdbi);
    }

    /** A school's record by reference (erased ones included: the caller decides what to show). */
    public Optional<SubmissionRow> find(String school, String reference) {
        return jdbi.withExtension(SubmissionDao.class, submissions -> submissions.findByReference(reference))
                .filter(row -> row.school().equals(school));
    }

    /**
     * Runs the work in a write transaction, shared with the other writes waiting at that moment, and
     * returns once it is committed to disk. If the work throws, only its own changes are undone.
     * The work runs on the writer's thread: it must not wait for another write.
     */
    public <T> T inWriteTransaction(HandleCallback<T, RuntimeException> work) {
        return writer.write(work);
    }

    /** Adds the submission as the newest link of its school's chain; call inside {@link #inWriteTransaction}. */
    public SubmissionRow append(Handle handle, NewSubmission submission) {
        SubmissionDao dao = handle.attach(SubmissionDao.class);
        ChainHead head = dao.chainHead(submission.school())
                .orElse(new ChainHead(submission.school(), 0, ChainHasher.GENESIS));
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        String contentHash = ChainHasher.contentHash(salt, submission.fieldsJson());
        SubmissionRow unhashed = new SubmissionRow(0, submission.school(), head.lastSeq() + 1,
                submission.reference(), submission.formId(), submission.formKind(), submission.formVersion(),
                submission.lang(), submission.fieldsJson(), asStored(submission.receivedAt()), submission.urgent(), salt,
                contentHash, head.lastHash(), "", submission.fingerprint(), submission.idempotencyKey(), null);
        String hash = ChainHasher.linkHash(head.lastHash(), unhashed, contentHash);
        SubmissionRow row = withHash(unhashed, hash);
        long id = dao.insert(row);
        dao.moveChainHead(row.school(), row.seq(), hash);
        return withId(row, id);
    }

    /** Finishes the writes already waiting and stops the writer. */
    @Override
    public void close() {
        writer.close();
    }

    /** The instant as it reads back from the table, so the row returned equals the row stored. */
    private static Instant asStored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static SubmissionRow withId(SubmissionRow row, long id) {
        return new SubmissionRow(id, row.school(), row.seq(), row.reference(), row.formId(), row.formKind(),
                row.formVersion(), row.lang(), row.fieldsJson(), row.receivedAt(), row.urgent(), row.salt(),
                row.contentHash(), row.prevHash(), row.hash(), row.fingerprint(), row.idempotencyKey(), row.erasedAt());
    }

    private static SubmissionRow withHash(SubmissionRow row, String hash) {
        return new SubmissionRow(row.id(), row.school(), row.seq(), row.reference(), row.formId(), row.formKind(),
                row.formVersion(), row.lang(), row.fieldsJson(), row.receivedAt(), row.urgent(), row.salt(),
                row.contentHash(), row.prevHash(), hash, row.fingerprint(), row.idempotencyKey(), row.erasedAt());
    }
}
