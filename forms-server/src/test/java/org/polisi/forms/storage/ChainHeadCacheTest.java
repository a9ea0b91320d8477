package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;

/**
 * The writer's transaction locks a chain and reads its head once, then follows the heads it moves
 * itself (fewer round trips on PostgreSQL, docs/adr/0058-postgresql-group-commit.md). What it
 * remembers must be forgotten with what a savepoint undoes, on both databases.
 */
class ChainHeadCacheTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T09:00:00Z");

    private static NewSubmission submission(String reference) {
        return new NewSubmission("testschool", reference, "photo-consent", "consent", "v1", "en", "{}", RECEIVED,
                false, "f-" + reference, null);
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void manyAppendsInOneTransactionMakeOneChainThatVerifies(TestDatabases.Kind kind, @TempDir Path folder) {
        try (Database database = Database.connect(TestDatabases.fresh(kind, folder));
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            List<SubmissionRow> rows = ledger.inWriteTransaction(transaction -> List.of(
                    ledger.append(transaction, submission("REF23456")),
                    ledger.append(transaction, submission("REF34567")),
                    ledger.append(transaction, submission("REF45678"))));
            SubmissionRow later = ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("REF56789")));

            assertEquals(List.of(1L, 2L, 3L), rows.stream().map(SubmissionRow::seq).toList());
            assertEquals(rows.get(2).hash(), later.prevHash(), "the next transaction reads the head the last one wrote");
            assertEquals(new ChainHead("testschool", 4, later.hash()), database.jdbi()
                    .withExtension(SubmissionDao.class, dao -> dao.chainHead("testschool")).orElseThrow());
            assertTrue(new ChainVerifier(database.jdbi()).verifyAll().stream().allMatch(r -> r.problem().isEmpty()));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aWriteUndoneAfterItsAppendLeavesTheNextWriteInTheBatchOnTheHeadBeforeIt(TestDatabases.Kind kind,
                                                                               @TempDir Path folder) {
        try (Database database = Database.connect(TestDatabases.fresh(kind, folder));
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            SubmissionRow first = ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("REF23456")));
            // three writes in one batch, as the writer runs them: the middle one appends, then fails
            QueuedWrite<SubmissionRow> before = new QueuedWrite<>(transaction -> ledger.append(transaction, submission("REF34567")));
            QueuedWrite<SubmissionRow> undone = new QueuedWrite<>(transaction -> {
                ledger.append(transaction, submission("REF45678"));
                throw new IllegalStateException("fails after its append");
            });
            QueuedWrite<SubmissionRow> after = new QueuedWrite<>(transaction -> ledger.append(transaction, submission("REF56789")));
            try (Handle handle = database.jdbi().open(); WriteTransaction transaction = WriteTransaction.forWriter(handle)) {
                handle.useTransaction(open -> List.of(before, undone, after).forEach(write -> write.runIn(transaction)));
                transaction.transactionEnded();
            }
            before.committed();
            after.committed();

            SubmissionRow second = before.await(() -> true);
            SubmissionRow third = after.await(() -> true);
            assertEquals(first.hash(), second.prevHash());
            assertEquals(3, third.seq(), "the undone append's seq is free again");
            assertEquals(second.hash(), third.prevHash(), "linked to the head before the undone append");
            List<SubmissionRow> chain = database.jdbi().withExtension(SubmissionDao.class, dao -> dao.chainOf("testschool"));
            assertEquals(List.of("REF23456", "REF34567", "REF56789"), chain.stream().map(SubmissionRow::reference).toList());
            assertTrue(new ChainVerifier(database.jdbi()).verifyAll().stream().allMatch(r -> r.problem().isEmpty()));
        }
    }
}
