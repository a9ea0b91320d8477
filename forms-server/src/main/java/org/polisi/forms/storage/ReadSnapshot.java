package org.polisi.forms.storage;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Reads in one deferred transaction: with WAL, a consistent view of the last commit that never
 * takes the write lock (Jdbi's transactions are immediate here, ADR 0012), so a long read such as
 * {@code verify} does not hold up the ledger's writer. On PostgreSQL the same view is a
 * REPEATABLE READ transaction (a snapshot as of its first read; readers never block writers there).
 */
public final class ReadSnapshot {

    private ReadSnapshot() {
    }

    /** Runs the reads; what they return is as of one commit. */
    public static <T> T read(Jdbi jdbi, HandleCallback<T, RuntimeException> reads) {
        return jdbi.withHandle(handle -> {
            if (Dialect.of(handle).postgresql()) {
                return handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, reads::withHandle);
            }
            handle.execute("BEGIN DEFERRED");
            try {
                return reads.withHandle(handle);
            } finally {
                handle.execute("COMMIT");
            }
        });
    }
}
