package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.storage.LedgerTests.withLedger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;

/**
 * The writer's batched pass (docs/adr/0065-batched-writes.md): a batch's inserts and chain-head
 * writes wait in memory and are sent together before the commit. Each test runs one batch exactly
 * as the writer does ({@link GroupCommitWriter#commit}) on a real database, both SQLite and
 * PostgreSQL, and checks what was stored, that every chain verifies, and that a failing write or a
 * refused row loses nobody else's write.
 */
class BatchedWritesTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T09:00:00Z");
    private static final String SCHOOL = "testschool";

    private static NewSubmission submission(String reference, String fingerprint) {
        return new NewSubmission(SCHOOL, reference, "photo-consent", "consent", "v1", "en",
                "{\"pupil\":\"Siân " + reference + "\"}", RECEIVED, false, fingerprint, null);
    }

    /** Runs the works as one batch of the writer, on its own connection and writer transaction. */
    private static List<QueuedWrite<?>> oneBatch(Jdbi jdbi, List<LedgerWork<?>> works) {
        List<QueuedWrite<?>> batch = new ArrayList<>();
        works.forEach(work -> batch.add(new QueuedWrite<>(work)));
        return commit(jdbi, batch);
    }

    private static List<QueuedWrite<?>> commit(Jdbi jdbi, List<QueuedWrite<?>> batch) {
        LedgerTests.commitAsTheWriter(jdbi, batch);
        return batch;
    }

    private static void assertEveryChainVerifies(Jdbi jdbi) {
        List<ChainVerifier.SchoolResult> verified = new ChainVerifier(jdbi).verifyAll();
        assertTrue(verified.stream().allMatch(result -> result.problem().isEmpty()), verified.toString());
    }

    private static List<SubmissionRow> chain(Jdbi jdbi) {
        return jdbi.withExtension(SubmissionDao.class, dao -> dao.chainOf(SCHOOL));
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aBatchOfSubmissionsWithConsentEventsIsOneCommitOfChainedRecordsThatVerify(TestDatabases.Kind kind,
                                                                                 @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            SubmissionRow first = ledger.inWriteTransaction(transaction -> ledger.append(transaction,
                    submission("FIRST234", "f-first")));
            int size = 20;
            List<Integer> waitingSeen = new ArrayList<>();
            List<LedgerWork<?>> works = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String reference = "BATCH" + (100 + i);
                works.add(transaction -> {
                    waitingSeen.add(transaction.waitingSubmissions().size());
                    ledger.lockSchool(transaction, SCHOOL);
                    assertTrue(ledger.recentDuplicate(transaction, SCHOOL, "photo-consent", "f-" + reference,
                            RECEIVED.minusSeconds(60)).isEmpty());
                    SubmissionRow row = ledger.append(transaction, submission(reference, "f-" + reference));
                    try (RecordChain.Appender events = RecordChains.CONSENT_EVENT.appender(transaction, SCHOOL)) {
                        for (String statement : List.of("photos.website", "photos.press")) {
                            events.append(row.id(), row.id(), "photo-consent", statement, "given", RECEIVED,
                                    "Siân " + reference);
                        }
                    }
                    return row;
                });
            }
            List<QueuedWrite<?>> batch = oneBatch(database.jdbi(), works);

            assertEquals(IntStream.range(0, size).boxed().toList(), waitingSeen,
                    "every write ran in one batched pass, nothing sent before the end");
            List<SubmissionRow> returned = batch.stream().map(write -> (SubmissionRow) write.await(() -> true)).toList();
            List<SubmissionRow> stored = chain(database.jdbi());
            assertEquals(size + 1, stored.size());
            assertEquals(first, stored.get(0));
            assertEquals(returned, stored.subList(1, stored.size()), "each caller got the row stored, id included");
            for (int i = 1; i < stored.size(); i++) {
                assertEquals(i + 1, stored.get(i).seq());
                assertEquals(stored.get(i - 1).hash(), stored.get(i).prevHash());
                assertTrue(stored.get(i).id() > stored.get(i - 1).id(), "one school's ids grow with its chain");
            }
            assertEquals(new ChainHead(SCHOOL, size + 1, stored.get(size).hash()), database.jdbi()
                    .withExtension(SubmissionDao.class, dao -> dao.chainHead(SCHOOL)).orElseThrow(),
                    "the head is written once, at the last row");
            int events = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT count(*) FROM consent_event WHERE school = :school").bind("school", SCHOOL).mapTo(Integer.class).one());
            assertEquals(2 * size, events);
            assertEveryChainVerifies(database.jdbi());

            SubmissionRow later = ledger.inWriteTransaction(transaction -> ledger.append(transaction,
                    submission("LATER234", "f-later")));
            assertEquals(stored.get(size).hash(), later.prevHash(), "the next transaction starts from the head written");
            assertTrue(later.id() > stored.get(size).id());
            assertEveryChainVerifies(database.jdbi());
        });
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aWriteThatFailsHavingOnlyQueuedIsUndoneAloneAndTheNextOneTakesItsPlace(TestDatabases.Kind kind,
                                                                              @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            List<LedgerWork<?>> works = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String reference = "UNDONE" + (10 + i);
                boolean fails = i == 2;
                works.add(transaction -> {
                    SubmissionRow row = ledger.append(transaction, submission(reference, "f-" + reference));
                    try (RecordChain.Appender events = RecordChains.CONSENT_EVENT.appender(transaction, SCHOOL)) {
                        events.append(row.id(), row.id(), "photo-consent", "photos.website", "given", RECEIVED, "Siân");
                    }
                    if (fails) {
                        throw new IllegalArgumentException("refused after appending " + reference);
                    }
                    return row;
                });
            }
            List<QueuedWrite<?>> batch = oneBatch(database.jdbi(), works);

            assertThrows(IllegalArgumentException.class, () -> batch.get(2).await(() -> true));
            List<String> stored = chain(database.jdbi()).stream().map(SubmissionRow::reference).toList();
            assertEquals(List.of("UNDONE10", "UNDONE11", "UNDONE13", "UNDONE14"), stored);
            assertEquals(List.of(1L, 2L, 3L, 4L), chain(database.jdbi()).stream().map(SubmissionRow::seq).toList());
            assertEquals(Integer.valueOf(4), database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM consent_event")
                    .mapTo(Integer.class).one()), "the failed write's consent event is gone with it");
            assertEveryChainVerifies(database.jdbi());
        });
    }

    /**
     * One batch of {@code count} writes, each appending a submission {@code prefix + (10 + i)}, except
     * the one at {@code failing}, which runs {@code failure}; each records in {@code batchedRuns}
     * whether it ran in the batched pass.
     */
    private static List<QueuedWrite<?>> batchWithOneFailure(Database database, SubmissionLedger ledger, String prefix,
                                                            int count, int failing, LedgerWork<?> failure,
                                                            List<Boolean> batchedRuns) {
        List<LedgerWork<?>> works = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String reference = prefix + (10 + i);
            LedgerWork<?> write = i == failing ? failure
                    : transaction -> ledger.append(transaction, submission(reference, "f-" + reference));
            works.add(transaction -> {
                batchedRuns.add(transaction.batching());
                return write.runIn(transaction);
            });
        }
        return oneBatch(database.jdbi(), works);
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aWriteThatFailsAfterSendingAStatementMakesTheBatchRunAgainOneWriteAtATime(TestDatabases.Kind kind,
                                                                                 @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            List<Boolean> batchedRuns = new ArrayList<>();
            List<QueuedWrite<?>> batch = batchWithOneFailure(database, ledger, "AGAIN", 4, 1, transaction -> {
                SubmissionRow row = ledger.append(transaction, submission("AGAIN11", "f-AGAIN11"));
                // a statement sent at once: only a rollback can undo it
                transaction.update("INSERT INTO submission_name_key (submission_id, accent_free) VALUES (?, ?)",
                        row.id(), "sian");
                throw new IllegalArgumentException("refused after a statement");
            }, batchedRuns);

            assertEquals(List.of(true, true, false, false, false, false), batchedRuns,
                    "the batched pass stopped at the failure; the batch ran again one write at a time");
            assertThrows(IllegalArgumentException.class, () -> batch.get(1).await(() -> true));
            List<SubmissionRow> stored = chain(database.jdbi());
            assertEquals(List.of("AGAIN10", "AGAIN12", "AGAIN13"), stored.stream().map(SubmissionRow::reference).toList());
            assertEquals(stored, List.of(batch.get(0).await(() -> true), batch.get(2).await(() -> true),
                    batch.get(3).await(() -> true)), "each caller got the row stored in the second run");
            assertEquals(Integer.valueOf(0), database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT count(*) FROM submission_name_key").mapTo(Integer.class).one()), "the failed write's statement is undone");
            assertEveryChainVerifies(database.jdbi());
        });
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aLookUpTheDatabaseRefusesMakesTheBatchRunAgainSinceThePostgresqlTransactionIsAborted(TestDatabases.Kind kind,
                                                                                           @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            List<Boolean> batchedRuns = new ArrayList<>();
            // a look-up sends nothing waiting, but the database refuses it
            List<QueuedWrite<?>> batch = batchWithOneFailure(database, ledger, "LOOKUP", 3, 1,
                    transaction -> transaction.lookUp("SELECT no_such_column FROM submission", row -> true), batchedRuns);

            assertEquals(List.of(true, true, false, false, false), batchedRuns);
            assertThrows(IllegalStateException.class, () -> batch.get(1).await(() -> true));
            assertEquals(List.of("LOOKUP10", "LOOKUP12"),
                    chain(database.jdbi()).stream().map(SubmissionRow::reference).toList());
            assertEveryChainVerifies(database.jdbi());
        });
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aRowTheDatabaseRefusesWhenTheBatchIsSentFailsOnlyItsOwnWrite(TestDatabases.Kind kind, @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("TAKEN234", "f-taken")));
            List<LedgerWork<?>> works = new ArrayList<>();
            for (String reference : List.of("FRESH234", "TAKEN234", "FRESH345")) {   // the unique index refuses TAKEN234
                works.add(transaction -> ledger.append(transaction, submission(reference, "f2-" + reference)));
            }
            List<QueuedWrite<?>> batch = oneBatch(database.jdbi(), works);

            assertThrows(IllegalStateException.class, () -> batch.get(1).await(() -> true));
            assertEquals(List.of("TAKEN234", "FRESH234", "FRESH345"),
                    chain(database.jdbi()).stream().map(SubmissionRow::reference).toList());
            assertEveryChainVerifies(database.jdbi());
        });
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aReferenceStoredAlreadyIsNeverGivenAgainThoughTheBatchedPassDoesNotReadTheTable(TestDatabases.Kind kind,
                                                                                       @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("TAKEN234", "f-taken")));
            // the candidates the write draws, in order: the batched pass takes TAKEN234 (it reads no table),
            // the database refuses it when the batch is sent, and the second run reads the table and skips it
            Iterator<String> candidates = List.of("TAKEN234", "TAKEN234", "FRESH234").iterator();
            List<QueuedWrite<?>> batch = oneBatch(database.jdbi(), List.of(
                    transaction -> ledger.append(transaction, submission("OTHER234", "f-a")),
                    transaction -> ledger.append(transaction, submission(ledger.unusedReference(transaction,
                            candidates::next), "f-b"))));

            assertEquals("FRESH234", ((SubmissionRow) batch.get(1).await(() -> true)).reference());
            assertEquals(List.of("TAKEN234", "OTHER234", "FRESH234"),
                    chain(database.jdbi()).stream().map(SubmissionRow::reference).toList());

            // within one batched pass, a candidate waiting in the batch already is skipped without a clash
            Iterator<String> others = List.of("SECOND23", "SECOND23", "SECOND34").iterator();
            List<Boolean> batched = new ArrayList<>();
            LedgerWork<SubmissionRow> drawing = transaction -> {
                batched.add(transaction.batching());
                return ledger.append(transaction, submission(ledger.unusedReference(transaction, others::next),
                        "f-" + batched.size()));
            };
            List<QueuedWrite<?>> second = oneBatch(database.jdbi(), List.of(drawing, drawing));

            assertEquals(List.of(true, true), batched, "no second run");
            assertEquals(List.of("SECOND23", "SECOND34"),
                    second.stream().map(write -> ((SubmissionRow) write.await(() -> true)).reference()).toList());
            assertEveryChainVerifies(database.jdbi());
        });
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theResubmissionChecksOfABatchAreReadAheadOnPostgresqlAndFindWhatEachCheckAloneWouldFind(
            TestDatabases.Kind kind, @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            Instant since = RECEIVED.minusSeconds(60);
            SubmissionRow stored = ledger.inWriteTransaction(transaction -> ledger.append(transaction,
                    submission("STORED23", "f-stored")));
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, new NewSubmission(SCHOOL, "OLDER234",
                    "photo-consent", "consent", "v1", "en", "{}", since.minusMillis(1), false, "f-older", null)));
            List<Boolean> answeredAhead = new ArrayList<>();
            List<QueuedWrite<?>> batch = new ArrayList<>();
            for (String[] write : List.of(new String[] {"f-stored", "AGAIN234"}, new String[] {"f-new", "NEW23456"},
                    new String[] {"f-new", "NEW34567"}, new String[] {"f-older", "OLDER345"})) {
                String fingerprint = write[0];
                batch.add(new QueuedWrite<>(transaction -> {
                    answeredAhead.add(transaction.readAhead(List.of(SCHOOL, "photo-consent", fingerprint), since).isPresent());
                    return ledger.recentDuplicate(transaction, SCHOOL, "photo-consent", fingerprint, since)
                            .orElseGet(() -> ledger.append(transaction, submission(write[1], fingerprint)));
                }, new SubmissionLedger.Resubmission(SCHOOL, "photo-consent", fingerprint, since)));
            }
            commit(database.jdbi(), batch);

            boolean postgresql = kind == TestDatabases.Kind.POSTGRESQL;
            assertEquals(List.of(postgresql, postgresql, postgresql, postgresql), answeredAhead,
                    "PostgreSQL reads the batch's checks ahead in one query; SQLite checks each in-process");
            List<String> given = batch.stream().map(write -> ((SubmissionRow) write.await(() -> true)).reference()).toList();
            assertEquals(List.of(stored.reference(), "NEW23456", "NEW23456", "OLDER345"), given,
                    "the stored copy, a new one, the batch's own copy, and none older than the window");
            assertEquals(List.of("STORED23", "OLDER234", "NEW23456", "OLDER345"),
                    chain(database.jdbi()).stream().map(SubmissionRow::reference).toList());
            assertEveryChainVerifies(database.jdbi());
        });
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theSameAnswersTwiceInOneBatchAreStoredOnceAndBothGetTheFirstReference(TestDatabases.Kind kind,
                                                                             @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            List<LedgerWork<?>> works = new ArrayList<>();
            for (String reference : List.of("SAME2345", "SAME3456")) {
                works.add(transaction -> {
                    Optional<SubmissionRow> earlier = ledger.recentDuplicate(transaction, SCHOOL, "photo-consent",
                            "f-same", RECEIVED.minusSeconds(60));
                    return earlier.orElseGet(() -> ledger.append(transaction, submission(reference, "f-same")));
                });
            }
            List<QueuedWrite<?>> batch = oneBatch(database.jdbi(), works);

            assertEquals(batch.get(0).await(() -> true), batch.get(1).await(() -> true));
            assertEquals(List.of("SAME2345"), chain(database.jdbi()).stream().map(SubmissionRow::reference).toList());
            assertEveryChainVerifies(database.jdbi());
        });
    }
}
