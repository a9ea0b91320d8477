package org.polisi.forms.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a batch's writes will need from PostgreSQL, read in one request before they run
 * (docs/adr/0071-one-request-per-step.md), from the look-ups announced with the writes
 * ({@link SubmissionLedger.Resubmission}): for every school of the batch, in this order and in one
 * round trip,
 * <ol>
 *   <li>the chain locks: each school's submission chain, then each chain the writes said they will
 *       append to ({@code consent-event}), each list sorted, so every instance takes them in the same
 *       order ({@link WriteTransaction#lockChain});</li>
 *   <li>the resubmission checks, in one query (ADR 0065), under those locks (ADR 0058);</li>
 *   <li>the chains' heads, {@code FOR UPDATE} (a head with no row yet is the chain's start);</li>
 *   <li>one submission id per announced write, from the table's sequence, drawn under the locks,
 *       so each school's ids still grow with its chain ({@link IdBlocks}).</li>
 * </ol>
 * A write that needs more (an id or chain not announced) still asks for it itself. SQLite answers
 * each look-up in-process, so nothing is read ahead there.
 */
final class BatchOpening {

    private static final String LOCKS = "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(?::text[]) AS k";
    /**
     * Each key's newest row is kept in Java. Each fingerprint is looked up alone, by the index on the
     * fingerprint (V99): the subquery is correlated, and {@code OFFSET 0} keeps the conditions on
     * school, form and time out of it, so the planner has no other index to choose. Given them
     * together, until the table was first analysed it scanned every submission of the form in the
     * window instead (docs/adr/0076-resubmission-check-by-fingerprint.md).
     */
    static final String RECENT_DUPLICATES = """
            SELECT s.* FROM unnest(?::text[]) AS k(fingerprint)
            CROSS JOIN LATERAL (SELECT * FROM submission WHERE submission.fingerprint = k.fingerprint OFFSET 0) AS s
            WHERE s.school = ANY(?) AND s.form_id = ANY(?) AND s.received_at >= ? AND s.erased_at IS NULL
            """;
    private static final String SUBMISSION_HEADS =
            "SELECT school, last_seq, last_hash FROM chain_head WHERE school = ANY(?) FOR UPDATE";
    private static final String RECORD_HEADS = """
            SELECT h.chain, h.school, h.last_seq, h.last_hash FROM record_chain_head h
            JOIN unnest(?::text[], ?::text[]) AS k(chain, school) ON h.chain = k.chain AND h.school = k.school
            FOR UPDATE OF h
            """;
    private static final String IDS = "SELECT nextval(pg_get_serial_sequence('submission', 'id')) FROM generate_series(1, ?)";

    private BatchOpening() {
    }

    /** A chain head read: which chain, and where it stands. */
    private record Head(String chain, ChainHead head) {
    }

    /**
     * Locks, reads and draws what the look-ups announce, and keeps it in the transaction: the locks as
     * held, the heads as known ({@link WriteTransaction#movedHead}), the ids in the schools' blocks,
     * the resubmission checks' rows ({@link WriteTransaction#readAhead}). Nothing on SQLite or for
     * an empty list.
     */
    static void open(WriteTransaction transaction, List<SubmissionLedger.Resubmission> lookUps,
                     WriteTransaction.RowReader<SubmissionRow> submissions) {
        if (lookUps.isEmpty() || !transaction.dialect().postgresql()) {
            return;
        }
        Set<String> schools = new TreeSet<>();
        Set<List<String>> recordChains = new TreeSet<>((one, other) -> String.join("/", one).compareTo(String.join("/", other)));
        for (SubmissionLedger.Resubmission lookUp : lookUps) {
            schools.add(lookUp.school());
            lookUp.recordChains().forEach(chain -> recordChains.add(List.of(chain, lookUp.school())));
        }
        List<String> locks = new ArrayList<>();
        schools.forEach(school -> locks.add(ChainLocks.key(RecordChains.SUBMISSION, school)));
        recordChains.forEach(chain -> locks.add(ChainLocks.key(chain.get(0), chain.get(1))));
        Instant since = lookUps.stream().map(SubmissionLedger.Resubmission::since).map(SubmissionLedger::asStored)
                .min(Instant::compareTo).orElseThrow();

        List<String> queries = new ArrayList<>(List.of(LOCKS, RECENT_DUPLICATES, SUBMISSION_HEADS, IDS));
        List<Object[]> parameters = new ArrayList<>(List.of(new Object[] {locks.toArray(String[]::new)},
                new Object[] {distinct(lookUps, SubmissionLedger.Resubmission::fingerprint),
                        distinct(lookUps, SubmissionLedger.Resubmission::school),
                        distinct(lookUps, SubmissionLedger.Resubmission::formId), since},
                new Object[] {schools.toArray(String[]::new)}, new Object[] {lookUps.size()}));
        WriteTransaction.RowReader<Boolean> locked = row -> true;
        WriteTransaction.RowReader<Head> submissionHead = row -> new Head(RecordChains.SUBMISSION,
                new ChainHead(row.getString(1), row.getLong(2), row.getString(3)));
        WriteTransaction.RowReader<Long> id = row -> row.getLong(1);
        List<WriteTransaction.RowReader<?>> readers = new ArrayList<>(List.of(locked, submissions, submissionHead, id));
        if (!recordChains.isEmpty()) {
            queries.add(RECORD_HEADS);
            parameters.add(new Object[] {recordChains.stream().map(chain -> chain.get(0)).toArray(String[]::new),
                    recordChains.stream().map(chain -> chain.get(1)).toArray(String[]::new)});
            WriteTransaction.RowReader<Head> recordHead = row -> new Head(row.getString(1),
                    new ChainHead(row.getString(2), row.getLong(3), row.getString(4)));
            readers.add(recordHead);
        }
        List<List<Object>> results = transaction.allTogether(queries, parameters, readers);

        Map<List<String>, ChainHead> heads = new LinkedHashMap<>();
        schools.forEach(school -> heads.put(List.of(RecordChains.SUBMISSION, school), new ChainHead(school, 0, ChainHasher.GENESIS)));
        recordChains.forEach(chain -> heads.put(chain, new ChainHead(chain.get(1), 0, ChainHasher.GENESIS)));
        List<Object> found = new ArrayList<>(results.get(2));
        if (results.size() > 4) {
            found.addAll(results.get(4));
        }
        for (Object read : found) {
            Head head = (Head) read;
            heads.put(List.of(head.chain(), head.head().school()), head.head());
        }
        heads.forEach((chain, head) -> transaction.lockedWithHead(chain.get(0), head));
        List<Object> ids = results.get(3);
        for (int i = 0; i < lookUps.size(); i++) {
            transaction.idDrawn("submission", lookUps.get(i).school(), (Long) ids.get(i));
        }
        keepNewest(transaction, lookUps, results.get(1), since);
    }

    private static void keepNewest(WriteTransaction transaction, List<SubmissionLedger.Resubmission> lookUps,
                                   List<Object> rows, Instant since) {
        Set<List<String>> keys = lookUps.stream().map(SubmissionLedger.Resubmission::key).collect(Collectors.toSet());
        Map<List<String>, SubmissionRow> newest = new HashMap<>();
        for (Object read : rows) {
            SubmissionRow row = (SubmissionRow) read;
            List<String> key = List.of(row.school(), row.formId(), row.fingerprint());
            if (keys.contains(key)) {
                newest.merge(key, row, (one, other) -> one.seq() >= other.seq() ? one : other);
            }
        }
        transaction.readAhead(keys, newest, since);
    }

    private static String[] distinct(List<SubmissionLedger.Resubmission> lookUps,
                                     Function<SubmissionLedger.Resubmission, String> value) {
        return lookUps.stream().map(value).distinct().toArray(String[]::new);
    }
}
