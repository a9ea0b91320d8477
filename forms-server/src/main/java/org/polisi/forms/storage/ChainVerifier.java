package org.polisi.forms.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Walks every chain of every school from its first record and names the first record of each that
 * was altered or removed: the submissions' chain here, the {@link RecordChains} through
 * {@link RecordChainVerifier}, and each staff account against its history. Erased submissions are
 * tombstones: their answers are gone, so their content hash is taken as stored, but their link must
 * still hold and their erasure must have been logged.
 */
public final class ChainVerifier {

    private final Jdbi jdbi;

    public ChainVerifier(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The result per chain and school; a chain with no problem has an empty problem.
     *
     * @param chain {@link RecordChains#SUBMISSION} or a record chain's name
     */
    public record SchoolResult(String chain, String school, int records, Optional<ChainProblem> problem) {
    }

    /** The submissions' chains first (school by school), then each record chain's. */
    public List<SchoolResult> verifyAll() {
        return ReadSnapshot.read(jdbi, handle -> {
            List<SchoolResult> results = new ArrayList<>(submissionChains(handle));
            for (RecordChain chain : RecordChains.ALL) {
                List<RecordChainVerifier.Walked> walked = RecordChainVerifier.walkAll(handle, chain);
                Map<String, ChainProblem> mismatches = chain == RecordChains.STAFF_ACCOUNT
                        ? StaffAccountHistory.mismatches(handle, walked.stream().collect(Collectors.toMap(
                                RecordChainVerifier.Walked::school, RecordChainVerifier.Walked::verifiedRows)))
                        : Map.of();
                Set<String> reported = new HashSet<>();
                for (RecordChainVerifier.Walked school : walked) {
                    reported.add(school.school());
                    results.add(new SchoolResult(chain.name(), school.school(), school.rows().size(),
                            school.problem().or(() -> Optional.ofNullable(mismatches.get(school.school())))));
                }
                mismatches.forEach((school, problem) -> {
                    if (!reported.contains(school)) {
                        results.add(new SchoolResult(chain.name(), school, 0, Optional.of(problem)));
                    }
                });
            }
            return results;
        });
    }

    private static List<SchoolResult> submissionChains(Handle handle) {
        SubmissionDao submissions = handle.attach(SubmissionDao.class);
        ErasureDao erasures = handle.attach(ErasureDao.class);
        List<SchoolResult> results = new ArrayList<>();
        for (String school : submissions.schools()) {
            List<SubmissionRow> chain = submissions.chainOf(school);
            Optional<ChainHead> head = submissions.chainHead(school);
            results.add(new SchoolResult(RecordChains.SUBMISSION, school, chain.size(),
                    firstProblem(school, chain, head, erasures)));
        }
        return results;
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
        return Optional.of(new ChainProblem(RecordChains.SUBMISSION, row.school(), row.seq(), row.reference(), description));
    }

    private static Optional<ChainProblem> problem(String school, long seq, String reference, String description) {
        return Optional.of(new ChainProblem(RecordChains.SUBMISSION, school, seq, reference, description));
    }
}
