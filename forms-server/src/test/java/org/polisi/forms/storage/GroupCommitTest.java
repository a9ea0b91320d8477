package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    private static NewSubmission submission(String reference) {
        return new NewSubmission("testschool", reference, "parent-agreement", "agreement", "9185fca34835", "en",
                "{\"parent-name\":\"" + reference + "\"}", Instant.now(), false, "f" + reference, null);
    }

    @Test
    void aWriteThatFailsIsUndoneWithoutUndoingTheWritesCommittedWithIt(@TempDir Path temporaryFolder)
            throws Exception {
        try (Database database = Database.connect(temporaryFolder.resolve("polisi.db"));
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            ExecutorService callers = Executors.newFixedThreadPool(16);
            List<Callable<SubmissionRow>> writes = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                String reference = "REF" + (10_000 + i);
                boolean fails = i % 3 == 0;
                writes.add(() -> ledger.inWriteTransaction(transaction -> {
                    SubmissionRow row = ledger.append(transaction, submission(reference));
                    if (fails) {
                        throw new IllegalArgumentException("refused after appending " + row.reference());
                    }
                    return row;
                }));
            }
            int failed = 0;
            for (Future<SubmissionRow> answer : callers.invokeAll(writes)) {
                try {
                    answer.get();
                } catch (ExecutionException e) {
                    assertTrue(e.getCause() instanceof IllegalArgumentException, e.toString());
                    failed++;
                }
            }
            callers.shutdown();

            assertEquals(30, failed);
            List<SubmissionRow> chain = database.jdbi().withExtension(SubmissionDao.class, dao -> dao.chainOf("testschool"));
            assertEquals(60, chain.size());
            assertTrue(chain.stream().noneMatch(row -> (Integer.parseInt(row.reference().substring(3)) - 10_000) % 3 == 0));
            List<ChainVerifier.SchoolResult> verified = new ChainVerifier(database.jdbi()).verifyAll();
            assertTrue(verified.stream().allMatch(r -> r.problem().isEmpty()), verified.toString());
        }
    }

    @Test
    void theRowAnAppendReturnsIsTheRowThatWasStored(@TempDir Path temporaryFolder) {
        try (Database database = Database.connect(temporaryFolder.resolve("polisi.db"));
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            SubmissionRow returned = ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("REF23456")));

            assertEquals(database.jdbi().withExtension(SubmissionDao.class, dao -> dao.findByReference("REF23456"))
                    .orElseThrow(), returned);
        }
    }

    @Test
    void aClosedLedgerRefusesWrites(@TempDir Path temporaryFolder) {
        try (Database database = Database.connect(temporaryFolder.resolve("polisi.db"))) {
            SubmissionLedger ledger = new SubmissionLedger(database.jdbi());
            ledger.close();

            assertThrows(IllegalStateException.class,
                    () -> ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("REF23456"))));
        }
    }
}
