package org.polisi.forms.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Walks each school's chain from its first record and names the first record that was altered or
 * removed. Erased records are tombstones: their answers are gone, so their content hash is taken
 * as stored, but their link must still hold and their erasure must have been logged.
 */
public final class ChainVerifier {

    private final Jdbi jdbi;

    public ChainVerifier(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The result per school; a school with no problem has an empty problem. */
    public record SchoolResult(String school, int records, Optional<ChainProblem> problem) {
    }

    public List<SchoolResult> verifyAll() {
        return jdbi.withHandle(handle -> {
            SubmissionDao submissions = handle.attach(SubmissionDao.class);
            ErasureDao erasures = handle.attach(ErasureDao.class);
            List<SchoolResult> results = new ArrayList<>();
            for (String school : submissions.schools()) {
                List<SubmissionRow> chain = submissions.chainOf(school);
                Optional<ChainHead> head = submissions.chainHead(school);
                results.add(new SchoolResult(school, chain.size(), firstProblem(school, chain, head, erasures)));
            }
            return results;
        });
    }

    static Optional<ChainProblem> firstProblem(String school, List<SubmissionRow> chain, Optional<ChainHead> head,
                                               ErasureDao erasures) {
        String previousHash = ChainHasher.GENESIS;
        long expectedSeq = 1;
        for (SubmissionRow row : chain) {
            if (row.seq() != expectedSeq) {
                return problem(school, expectedSeq, null, "is missing: removed from the database (the next record, "
                        + row.reference() + ", is number " + row.seq() + ")");
            }
            if (!row.prevHash().equals(previousHash)) {
                return problem(row, "its link to the record before it is broken: that record was altered or removed");
            }
            if (row.erased()) {
                if (erasures.forSubmission(row.id()).isEmpty()) {
                    return problem(row, "its answers were removed without an erasure being recorded");
                }
            } else if (!ChainHasher.contentHash(row.salt(), row.fieldsJson()).equals(row.contentHash())) {
                return problem(row, "its answers were altered after it was received");
            }
            if (!ChainHasher.linkHash(row.prevHash(), row, row.contentHash()).equals(row.hash())) {
                return problem(row, "its details (form, date, language, reference) or hash were altered");
            }
            previousHash = row.hash();
            expectedSeq++;
        }
        long lastSeq = expectedSeq - 1;
        if (head.isPresent() && (head.get().lastSeq() != lastSeq || !head.get().lastHash().equals(previousHash))) {
            return problem(school, lastSeq + 1, null, "is missing: the chain should end at record "
                    + head.get().lastSeq() + " but ends at " + lastSeq + " (the newest records were removed)");
        }
        return Optional.empty();
    }

    private static Optional<ChainProblem> problem(SubmissionRow row, String description) {
        return Optional.of(new ChainProblem(row.school(), row.seq(), row.reference(), description));
    }

    private static Optional<ChainProblem> problem(String school, long seq, String reference, String description) {
        return Optional.of(new ChainProblem(school, seq, reference, description));
    }
}
