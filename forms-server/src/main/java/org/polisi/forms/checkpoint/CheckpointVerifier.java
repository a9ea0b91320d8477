package org.polisi.forms.checkpoint;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.storage.ReadSnapshot;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.Times;

/**
 * Checks the database against signed checkpoints: that no record acknowledged before the last
 * checkpoint was altered, removed, reordered or inserted.
 *
 * <ul>
 *   <li>Each checkpoint's Ed25519 signature verifies with the trusted public key, each names the
 *       hash of the one before it, and their numbers follow on.</li>
 *   <li>For every head in every checkpoint, the record with that number in that chain is still
 *       there with that hash. Since each record's hash covers the one before it, this proves the
 *       whole chain up to there unchanged (with {@code verify}'s own walk of each chain).</li>
 *   <li>No record past a checkpoint's head claims a time more than {@link #GRACE} before that
 *       checkpoint: such a record would have been in it, so it was inserted afterwards.</li>
 * </ul>
 *
 * Records made after the last checkpoint are covered only by the chains themselves.
 */
public final class CheckpointVerifier {

    /**
     * How much earlier than a checkpoint a record made after it may say it was made: a record's
     * time is taken as its request arrives, and it may commit just after the heads were read.
     */
    public static final Duration GRACE = Duration.ofMinutes(1);

    private CheckpointVerifier() {
    }

    /** Every problem found, in words an operator can act on; empty when the database matches the checkpoints. */
    public static List<String> problems(Jdbi jdbi, List<Checkpoint> checkpoints, PublicKey trusted) {
        List<String> problems = new ArrayList<>(logProblems(checkpoints, trusted));
        if (!problems.isEmpty()) {
            return problems; // a checkpoint that is not genuine proves nothing about the database
        }
        Set<String> inserted = new HashSet<>();
        ReadSnapshot.read(jdbi, handle -> {
            for (Checkpoint checkpoint : checkpoints) {
                problems.addAll(databaseProblems(handle, checkpoint, inserted));
            }
            return null;
        });
        return problems;
    }

    static List<String> logProblems(List<Checkpoint> checkpoints, PublicKey trusted) {
        List<String> problems = new ArrayList<>();
        if (checkpoints.isEmpty()) {
            problems.add("the file holds no checkpoint");
        }
        String fingerprint = CheckpointKey.fingerprint(trusted);
        Checkpoint previous = null;
        for (Checkpoint checkpoint : checkpoints) {
            String name = "checkpoint " + checkpoint.number();
            if (!CheckpointKey.verify(trusted, checkpoint) || !fingerprint.equals(checkpoint.key())) {
                problems.add(name + ": its signature does not verify with the public key " + fingerprint
                        + " (it was altered, or signed by another key)");
            }
            if (previous == null && checkpoint.number() == 1 && !checkpoint.previous().matches("0{64}")) {
                problems.add(name + ": the first checkpoint names a previous one");
            }
            if (previous != null && (checkpoint.number() != previous.number() + 1
                    || !checkpoint.previous().equals(previous.hash()))) {
                problems.add(name + ": does not follow checkpoint " + previous.number()
                        + " (a checkpoint between them was removed, or one was altered or reordered)");
            }
            if (previous != null && checkpoint.time().compareTo(previous.time()) < 0) {
                problems.add(name + ": is dated before checkpoint " + previous.number());
            }
            previous = checkpoint;
        }
        return problems;
    }

    /** What the database no longer matches of one checkpoint; {@code inserted} keeps a record reported as inserted once. */
    private static List<String> databaseProblems(Handle handle, Checkpoint checkpoint, Set<String> inserted) {
        List<String> problems = new ArrayList<>();
        String name = "checkpoint " + checkpoint.number() + " (" + checkpoint.time() + ")";
        Map<String, Map<String, Long>> covered = new HashMap<>();
        for (Checkpoint.Head head : checkpoint.heads()) {
            covered.computeIfAbsent(head.chain(), chain -> new HashMap<>()).put(head.school(), head.seq());
            Optional<Table> table = Table.of(head.chain());
            if (table.isEmpty()) {
                problems.add(name + ": names a chain this version does not know: " + head.chain());
                continue;
            }
            Optional<String> hash = handle.createQuery("SELECT hash FROM " + table.get().name
                            + " WHERE school = :school AND seq = :seq")
                    .bind("school", head.school()).bind("seq", head.seq()).mapTo(String.class).findOne();
            if (hash.isEmpty()) {
                problems.add(head.school() + " " + head.chain() + ": record " + head.seq() + " is missing, but " + name
                        + " signed it: records were removed");
            } else if (!hash.get().equals(head.hash())) {
                problems.add(head.school() + " " + head.chain() + ": record " + head.seq() + " is not the one " + name
                        + " signed: the chain up to it was rewritten (records altered, removed, inserted or reordered)");
            }
        }
        String before = Times.format(Instant.parse(checkpoint.time()).minus(GRACE));
        for (Table table : Table.all()) {
            Map<String, Long> seqs = covered.getOrDefault(table.chain, Map.of());
            for (String school : handle.createQuery("SELECT DISTINCT school FROM " + table.name
                    + " WHERE school IS NOT NULL").mapTo(String.class).list()) {
                handle.createQuery("SELECT seq FROM " + table.name + " WHERE school = :school AND seq > :seq AND "
                                + table.time + " < :before ORDER BY seq LIMIT 1")
                        .bind("school", school).bind("seq", seqs.getOrDefault(school, 0L)).bind("before", before)
                        .mapTo(Long.class).findOne()
                        .filter(seq -> inserted.add(school + " " + table.chain + " " + seq))
                        .ifPresent(seq -> problems.add(school + " " + table.chain + ": record " + seq
                                + " is dated before " + name + " but is not in it: it was inserted afterwards"));
            }
        }
        return problems;
    }

    /** A chain's table and time column. */
    private record Table(String chain, String name, String time) {
        static List<Table> all() {
            List<Table> tables = new ArrayList<>();
            tables.add(new Table(RecordChains.SUBMISSION, "submission", "received_at"));
            for (RecordChain chain : RecordChains.ALL) {
                tables.add(new Table(chain.name(), chain.table(), chain.timeColumn()));
            }
            return tables;
        }

        static Optional<Table> of(String chain) {
            return all().stream().filter(table -> table.chain.equals(chain)).findFirst();
        }
    }
}
