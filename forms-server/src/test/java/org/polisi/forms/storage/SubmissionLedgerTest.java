package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lookups the writer runs on its own prepared statements read rows as Jdbi's DAO reads them. */
class SubmissionLedgerTest {

    private static final Instant RECEIVED = Instant.parse("2026-09-07T08:15:30.123Z");

    @Test
    void aResubmissionIsFoundByItsFingerprintWithinTheWindowOnly(@TempDir Path folder) {
        try (Database database = Database.connect(folder.resolve("polisi.db"));
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            SubmissionRow stored = ledger.inWriteTransaction(transaction -> ledger.append(transaction,
                    new NewSubmission("testschool", "REF23456", "photo-consent", "consent", "9185fca34835", "cy",
                            "{\"parent-name\":\"Siân\"}", RECEIVED, true, "fingerprint-1", null)));

            Optional<SubmissionRow> within = ledger.inWriteTransaction(transaction -> ledger.recentDuplicate(
                    transaction, "testschool", "photo-consent", "fingerprint-1", RECEIVED.minus(Duration.ofMinutes(10))));
            Optional<SubmissionRow> after = ledger.inWriteTransaction(transaction -> ledger.recentDuplicate(
                    transaction, "testschool", "photo-consent", "fingerprint-1", RECEIVED.plusMillis(1)));
            Optional<SubmissionRow> otherAnswers = ledger.inWriteTransaction(transaction -> ledger.recentDuplicate(
                    transaction, "testschool", "photo-consent", "fingerprint-2", RECEIVED.minus(Duration.ofMinutes(10))));

            SubmissionRow readByDao = database.jdbi()
                    .withExtension(SubmissionDao.class, dao -> dao.findByReference("REF23456")).orElseThrow();
            assertEquals(readByDao, stored);
            assertEquals(Optional.of(readByDao), within);
            assertTrue(after.isEmpty());
            assertTrue(otherAnswers.isEmpty());
        }
    }

    @Test
    void anIdempotencyKeyAndAReferenceAreFoundOnceStored(@TempDir Path folder) {
        try (Database database = Database.connect(folder.resolve("polisi.db"));
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            boolean takenBefore = ledger.inWriteTransaction(transaction -> ledger.referenceTaken(transaction, "REF23456"));
            assertFalse(takenBefore);
            SubmissionRow stored = ledger.inWriteTransaction(transaction -> ledger.append(transaction,
                    new NewSubmission("testschool", "REF23456", "incident-report", "incident", "bbbbbbbbbbb2", "en",
                            "{}", RECEIVED, false, "fingerprint-1", "key-0123456789")));

            boolean takenAfter = ledger.inWriteTransaction(transaction -> ledger.referenceTaken(transaction, "REF23456"));
            assertTrue(takenAfter);
            assertEquals(Optional.of(stored), ledger.inWriteTransaction(transaction ->
                    ledger.withIdempotencyKey(transaction, "testschool", "incident-report", "key-0123456789")));
            assertTrue(ledger.inWriteTransaction(transaction ->
                    ledger.withIdempotencyKey(transaction, "otherschool", "incident-report", "key-0123456789")).isEmpty());
        }
    }

    @Test
    void eachAppendMovesItsSchoolsChainHead(@TempDir Path folder) {
        try (Database database = Database.connect(folder.resolve("polisi.db"));
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            SubmissionRow first = ledger.inWriteTransaction(transaction -> ledger.append(transaction,
                    new NewSubmission("testschool", "REF23456", "photo-consent", "consent", "v1", "en", "{}", RECEIVED,
                            false, "f1", null)));
            SubmissionRow second = ledger.inWriteTransaction(transaction -> ledger.append(transaction,
                    new NewSubmission("testschool", "REF34567", "photo-consent", "consent", "v1", "en", "{}", RECEIVED,
                            false, "f2", null)));

            assertEquals(1, first.seq());
            assertEquals(2, second.seq());
            assertEquals(first.hash(), second.prevHash());
            assertEquals(new ChainHead("testschool", 2, second.hash()), database.jdbi()
                    .withExtension(SubmissionDao.class, dao -> dao.chainHead("testschool")).orElseThrow());
        }
    }

    @Test
    void aStatementThatFailsLeavesThePreparedStatementsUsableForTheNextWrites(@TempDir Path folder) {
        try (Database database = Database.connect(folder.resolve("polisi.db"));
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            NewSubmission first = new NewSubmission("testschool", "REF23456", "photo-consent", "consent", "v1", "en",
                    "{}", RECEIVED, false, "f1", null);
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, first));

            // the same reference again: the INSERT breaks the UNIQUE constraint inside its savepoint
            assertThrows(IllegalStateException.class,
                    () -> ledger.inWriteTransaction(transaction -> ledger.append(transaction, first)));

            SubmissionRow next = ledger.inWriteTransaction(transaction -> ledger.append(transaction,
                    new NewSubmission("testschool", "REF34567", "photo-consent", "consent", "v1", "en", "{}",
                            RECEIVED, false, "f2", null)));
            assertEquals(2, next.seq());
            List<SubmissionRow> chain = database.jdbi().withExtension(SubmissionDao.class, dao -> dao.chainOf("testschool"));
            assertEquals(List.of("REF23456", "REF34567"), chain.stream().map(SubmissionRow::reference).toList());
            assertTrue(new ChainVerifier(database.jdbi()).verifyAll().stream().allMatch(r -> r.problem().isEmpty()));
        }
    }
}
