package org.polisi.forms.storage;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads in one deferred transaction: with WAL, a consistent view of the last commit that never
 * takes the write lock (Jdbi's transactions are immediate here, ADR 0012), so a long read such as
 * {@code verify} does not hold up the ledger's writer.
 */
public final class ReadSnapshot {

    private ReadSnapshot() {
    }

    /** Runs the reads; what they return is as of one commit. */
    public static <T> T read(Jdbi jdbi, HandleCallback<T, RuntimeException> reads) {
        return jdbi.withHandle(handle -> {
            handle.execute("BEGIN DEFERRED");
            try {
                return reads.withHandle(handle);
            } finally {
                handle.execute("COMMIT");
            }
        });
    }
}
