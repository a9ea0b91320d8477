package org.polisi.forms.storage;

import org.junit.jupiter.api.Test;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.config.DatabaseAddress;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After PostgreSQL ends every connection (a restart, a failover, a minor upgrade: here
 * {@code pg_terminate_backend}, which ends them as a restart does, in this test's own database only),
 * the server takes forms again without being restarted itself (tester 7's finding 18: every submission
 * was a 500 until the server restarted, because the ledger's writer kept its dead connection).
 */
class DatabaseRestartTest {

    private static NewSubmission submission(String reference) {
        return new NewSubmission("testschool", reference, "parent-agreement", "agreement", "9185fca34835", "en",
                "{\"parent-name\":\"" + reference + "\"}", Instant.now(), false, "f" + reference, null);
    }

    /** Ends every connection to the database but the caller's, as the server's restart does; returns how many. */
    private static int endEveryConnection(DatabaseAddress address) throws Exception {
        try (Connection admin = DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
             PreparedStatement end = admin.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
             ResultSet ended = end.executeQuery()) {
            ended.next();
            return ended.getInt(1);
        }
    }

    private static int rows(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM submission").mapTo(Integer.class).one());
    }

    @Test
    void aWriterIdleAcrossTheRestartStoresTheNextFormAtOnce() throws Exception {
        DatabaseAddress address = TestDatabases.postgresql();
        try (Database database = Database.connect(address); SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("BEFORE01")));
            assertEquals(1, rows(database));
            assertTrue(endEveryConnection(address) >= 2, "the writer's and the pool's connections were ended");
            Thread.sleep(GroupCommitWriter.CHECK_AFTER_IDLE_NANOS / 1_000_000 + 200);     // idle, as between two forms at a school
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("AFTER001")));
            assertEquals(2, rows(database), "stored, and read back on a pooled connection checked after its idle spell");
            List<ChainVerifier.SchoolResult> verified = new ChainVerifier(database.jdbi()).verifyAll();
            assertTrue(verified.stream().allMatch(r -> r.problem().isEmpty()), verified.toString());
        }
    }

    @Test
    void aWriteCaughtByTheRestartIsToldItWasNotStoredAndTheNextOneIsStored() throws Exception {
        DatabaseAddress address = TestDatabases.postgresql();
        try (Database database = Database.connect(address); SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("BEFORE02")));
            endEveryConnection(address);
            boolean firstStored;
            try {
                ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("CAUGHT01")));
                firstStored = true;
            } catch (IllegalStateException notStored) {
                assertTrue(notStored.getMessage().startsWith("not stored"), notStored.getMessage());
                firstStored = false;
            }
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("AFTER002")));
            assertEquals(firstStored ? 3 : 2, rows(database), "whatever the first was told is what was stored; the second is stored");
        }
    }
}
