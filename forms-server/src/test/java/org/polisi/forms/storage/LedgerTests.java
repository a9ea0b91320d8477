package org.polisi.forms.storage;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.TestDatabases;

/** A fresh database of either kind with its ledger, for the writer's tests; both closed after. */
final class LedgerTests {

    /** A test's body, given a fresh database and its ledger. */
    @FunctionalInterface
    interface LedgerTest {
        void run(Database database, SubmissionLedger ledger);
    }

    private LedgerTests() {
    }

    static void withLedger(TestDatabases.Kind kind, Path folder, LedgerTest test) {
        try (Database database = Database.connect(TestDatabases.fresh(kind, folder));
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            test.run(database, ledger);
        }
    }

    /**
     * Commits the batch exactly as the writer does ({@link GroupCommitWriter#commit}), on a
     * connection and writer transaction of its own; returns the requests that transaction sent.
     */
    static long commitAsTheWriter(Jdbi jdbi, List<QueuedWrite<?>> batch) {
        try (Handle handle = jdbi.open(); WriteTransaction transaction = WriteTransaction.forWriter(handle)) {
            GroupCommitWriter.commit(transaction, batch, SubmissionLedger::readAhead);
            return transaction.roundTrips();
        }
    }
}
