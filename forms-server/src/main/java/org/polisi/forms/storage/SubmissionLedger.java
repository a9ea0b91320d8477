package org.polisi.forms.storage;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Appends submissions to their school's chain. Appends are serialised (one lock in this process,
 * an immediate transaction across processes) because each record needs the hash of the one
 * before it, and because "is this a resubmission?" must be answered and acted on atomically.
 */
public final class SubmissionLedger {

    private final Jdbi jdbi;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final SecureRandom random = new SecureRandom();

    public SubmissionLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A school's record by reference (erased ones included: the caller decides what to show). */
    public java.util.Optional<SubmissionRow> find(String school, String reference) {
        return jdbi.withExtension(SubmissionDao.class, submissions -> submissions.findByReference(reference))
                .filter(row -> row.school().equals(school));
    }

    /** Runs the work in one write transaction, committed before this returns. */
    public <T> T inWriteTransaction(HandleCallback<T, RuntimeException> work) {
        appendLock.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            appendLock.unlock();
        }
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
                submission.lang(), submission.fieldsJson(), submission.receivedAt(), submission.urgent(), salt,
                contentHash, head.lastHash(), "", submission.fingerprint(), submission.idempotencyKey(), null);
        String hash = ChainHasher.linkHash(head.lastHash(), unhashed, contentHash);
        SubmissionRow row = withHash(unhashed, hash);
        long id = dao.insert(row);
        dao.moveChainHead(row.school(), row.seq(), hash);
        return dao.findById(id).orElseThrow();
    }

    private static SubmissionRow withHash(SubmissionRow row, String hash) {
        return new SubmissionRow(row.id(), row.school(), row.seq(), row.reference(), row.formId(), row.formKind(),
                row.formVersion(), row.lang(), row.fieldsJson(), row.receivedAt(), row.urgent(), row.salt(),
                row.contentHash(), row.prevHash(), hash, row.fingerprint(), row.idempotencyKey(), row.erasedAt());
    }
}
