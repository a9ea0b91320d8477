package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.storage.LedgerTests.withLedger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;

/**
 * A batch's opening and its flush as one request each on PostgreSQL (docs/adr/0071-one-request-per-step.md):
 * the locks, heads, ids and resubmission checks the writes announced are read before they run, and
 * what they wrote is sent together, so a batch costs the same number of requests whatever its size;
 * and every chain still links in order, on both databases, continuing heads stored before.
 */
class BatchOpeningTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant SINCE = RECEIVED.minusSeconds(600);

    private static NewSubmission submission(String school, String reference) {
        return new NewSubmission(school, reference, "photo-consent", "consent", "v1", "en",
                "{\"pupil\":\"Siân " + reference + "\"}", RECEIVED, false, "f-" + reference, null);
    }

    /** A consent submission as the intake writes it: lock, check, append, two consent events. */
    private static LedgerWork<SubmissionRow> consent(SubmissionLedger ledger, String school, String reference) {
        return transaction -> {
            ledger.lockSchool(transaction, school);
            assertTrue(ledger.recentDuplicate(transaction, school, "photo-consent", "f-" + reference, SINCE).isEmpty());
            SubmissionRow row = ledger.append(transaction, submission(school, reference));
            try (RecordChain.Appender events = RecordChains.CONSENT_EVENT.appender(transaction, school)) {
                for (String statement : List.of("photos.website", "photos.press")) {
                    events.append(row.id(), row.id(), "photo-consent", statement, "given", RECEIVED, "Siân " + reference);
                }
            }
            return row;
        };
    }

    private static SubmissionLedger.Resubmission announced(String school, String reference, boolean consentChain) {
        return new SubmissionLedger.Resubmission(school, "photo-consent", "f-" + reference, SINCE,
                consentChain ? List.of(RecordChains.CONSENT_EVENT.name()) : List.of());
    }

    private static void assertEveryChainVerifies(Jdbi jdbi) {
        List<ChainVerifier.SchoolResult> verified = new ChainVerifier(jdbi).verifyAll();
        assertTrue(verified.stream().allMatch(result -> result.problem().isEmpty()), verified.toString());
    }

    private static int consentEvents(Jdbi jdbi, String school) {
        return count(jdbi, "SELECT count(*) FROM consent_event WHERE school = :school", school);
    }

    private static int count(Jdbi jdbi, String sql, String school) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind("school", school).mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aBatchOfAnnouncedConsentSubmissionsIsTwoRequestsBeforeItsCommitWhateverItsSize(TestDatabases.Kind kind,
                                                                                      @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            // heads stored before: the batch must continue them, not start the chains again
            SubmissionRow first = ledger.inWriteTransaction(consent(ledger, "testschool", "FIRST234"));
            List<Long> requests = new ArrayList<>();
            List<SubmissionRow> returned = new ArrayList<>();
            for (int size : List.of(3, 40)) {
                List<QueuedWrite<?>> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    String reference = "B" + size + "R" + (100 + i);
                    batch.add(new QueuedWrite<>(consent(ledger, "testschool", reference), announced("testschool", reference, true)));
                }
                requests.add(LedgerTests.commitAsTheWriter(database.jdbi(), batch));
                batch.forEach(write -> returned.add((SubmissionRow) write.await(() -> true)));
            }

            if (kind == TestDatabases.Kind.POSTGRESQL) {
                assertEquals(List.of(2L, 2L), requests, "the opening and the flush, for 3 writes as for 40");
            }
            List<SubmissionRow> chain = database.jdbi().withExtension(SubmissionDao.class, dao -> dao.chainOf("testschool"));
            assertEquals(44, chain.size());
            assertEquals(first, chain.get(0));
            assertEquals(returned, chain.subList(1, chain.size()), "each caller got the row stored, id included");
            for (int i = 1; i < chain.size(); i++) {
                assertEquals(chain.get(i - 1).hash(), chain.get(i).prevHash());
                assertTrue(chain.get(i).id() > chain.get(i - 1).id(), "one school's ids grow with its chain");
            }
            assertEquals(88, consentEvents(database.jdbi(), "testschool"));
            assertEveryChainVerifies(database.jdbi());
        });
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void twoSchoolsAndAChainOneWriteDidNotAnnounceEachLinkInBatchOrder(TestDatabases.Kind kind, @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            ledger.inWriteTransaction(consent(ledger, "zschool", "ZFIRST23"));
            List<QueuedWrite<?>> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String school = i % 2 == 0 ? "zschool" : "aschool";
                String reference = "TWO" + (100 + i);
                // the fifth write appends consent events without saying so: it locks and reads that chain itself
                batch.add(new QueuedWrite<>(consent(ledger, school, reference), announced(school, reference, i != 4)));
            }
            // and a write with no announcement at all (an idempotency key, a staff write)
            batch.add(new QueuedWrite<>(consent(ledger, "aschool", "PLAIN234")));
            long requests = LedgerTests.commitAsTheWriter(database.jdbi(), batch);

            if (kind == TestDatabases.Kind.POSTGRESQL) {
                assertTrue(requests <= 2 + 3, "the opening, the flush, and a few for what was not announced: " + requests);
            }
            for (String school : List.of("zschool", "aschool")) {
                List<String> references = database.jdbi().withExtension(SubmissionDao.class, dao -> dao.chainOf(school))
                        .stream().map(SubmissionRow::reference).toList();
                assertEquals(school.equals("zschool") ? List.of("ZFIRST23", "TWO100", "TWO102", "TWO104")
                        : List.of("TWO101", "TWO103", "TWO105", "PLAIN234"), references);
            }
            assertEquals(8, consentEvents(database.jdbi(), "zschool"));
            assertEquals(8, consentEvents(database.jdbi(), "aschool"));
            assertEveryChainVerifies(database.jdbi());
        });
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void moreRowsThanOneStatementTakesAreSplitAndAllStoredInOrder(TestDatabases.Kind kind, @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            int events = MultiRowInsert.MAX_PARAMETERS / 11 + 500;   // 11 parameters a consent event: two statements
            List<Boolean> batchedRuns = new ArrayList<>();
            List<QueuedWrite<?>> batch = List.of(new QueuedWrite<>(transaction -> {
                batchedRuns.add(transaction.batching());
                SubmissionRow row = ledger.append(transaction, submission("testschool", "MANY2345"));
                try (RecordChain.Appender appender = RecordChains.CONSENT_EVENT.appender(transaction, "testschool")) {
                    for (int i = 0; i < events; i++) {
                        appender.append(row.id(), row.id(), "photo-consent", "photos.s" + i, "given", RECEIVED, "Siân");
                    }
                }
                return row;
            }, announced("testschool", "MANY2345", true)));
            LedgerTests.commitAsTheWriter(database.jdbi(), batch);

            batch.get(0).await(() -> true);
            assertEquals(List.of(true), batchedRuns, "sent in the batched pass, not run again one write at a time");
            assertEquals(events, consentEvents(database.jdbi(), "testschool"));
            assertEquals(events, count(database.jdbi(), "SELECT max(seq) FROM consent_event WHERE school = :school", "testschool"));
            assertEveryChainVerifies(database.jdbi());
        });
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anInsertThatCannotBeWrittenAsManyRowsIsStillStoredWithEveryOtherWriteOfTheBatch(TestDatabases.Kind kind,
                                                                                      @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            List<QueuedWrite<?>> batch = new ArrayList<>();
            batch.add(new QueuedWrite<>(consent(ledger, "testschool", "ROWS2345"), announced("testschool", "ROWS2345", true)));
            batch.add(new QueuedWrite<>(transaction -> {
                SubmissionRow row = ledger.append(transaction, submission("testschool", "NOVALUES"));
                // no VALUES list to repeat: PostgreSQL's one-request flush cannot send it
                transaction.insert("INSERT INTO submission_name_key (submission_id, accent_free) SELECT ?, ?", row.id(), "sian");
                return row;
            }));
            // a statement sent at once, in the middle of the batch, sends what waits first
            batch.add(new QueuedWrite<>(transaction -> transaction.update("UPDATE submission SET erased_at = NULL WHERE 1 = 0")));
            batch.add(new QueuedWrite<>(consent(ledger, "testschool", "AFTER234"), announced("testschool", "AFTER234", true)));
            LedgerTests.commitAsTheWriter(database.jdbi(), batch);

            batch.forEach(write -> write.await(() -> true));
            assertEquals(List.of("ROWS2345", "NOVALUES", "AFTER234"), database.jdbi().withExtension(SubmissionDao.class,
                    dao -> dao.chainOf("testschool")).stream().map(SubmissionRow::reference).toList());
            assertEquals(1, count(database.jdbi(), "SELECT count(*) FROM submission_name_key WHERE accent_free = 'sian'"
                    + " AND :school = 'testschool'", "testschool"));
            assertEquals(4, consentEvents(database.jdbi(), "testschool"));
            assertEveryChainVerifies(database.jdbi());
        });
    }
}
