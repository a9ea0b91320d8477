package org.polisi.forms.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread, holding one connection, does every write of the ledger. It takes all
 * the writes waiting (up to {@link #MAX_BATCH}), runs them in order in one transaction, commits
 * once, and only then answers their callers. One flush to disk acknowledges the whole batch, so
 * throughput grows with the number of callers instead of being one fsync per submission.
 *
 * <p>One thread also keeps each school's hash chain in order: every append reads the chain head
 * its predecessor in the batch has just moved, on the same connection, in the same transaction.
 * See docs/adr/0014-group-commit.md.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Enough to share one fsync among all the callers of a busy moment; small enough to keep a batch short. */
    static final int MAX_BATCH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** Reads, for a whole batch at once, what its writes will look up (ADR 65); may do nothing. */
    @FunctionalInterface
    interface ReadAhead {
        void read(WriteTransaction transaction, List<SubmissionLedger.Resubmission> lookUps);
    }

    private final Jdbi jdbi;
    private final ReadAhead readAhead;
    // Unbounded on purpose: each caller waits for its own write, so the queue never holds more than
    // one write per request thread (Jetty's pool bounds those).
    private final LinkedBlockingQueue<QueuedWrite<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    GroupCommitWriter(Jdbi jdbi, ReadAhead readAhead) {
        this.jdbi = jdbi;
        this.readAhead = readAhead;
        // A daemon: a command-line run ends when its work is done; every caller has had its answer
        // by then, and a write never acknowledged is one nobody was told was stored.
        this.thread = new Thread(this::run, "polisi-ledger-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Runs the work in the next batch; returns once that batch is committed to disk.
     *
     * @param lookUp the resubmission check the work will make, read for the whole batch at once; or null
     */
    <T> T write(LedgerWork<T> work, SubmissionLedger.Resubmission lookUp) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write cannot wait for another write from inside the writer");
        }
        if (closing) {
            throw new IllegalStateException("not stored: the ledger is closed");
        }
        QueuedWrite<T> queued = new QueuedWrite<>(work, lookUp);
        queue.add(queued);
        return queued.await(thread::isAlive);
    }

    private void run() {
        Connected connected = null;
        try {
            while (!closing || !queue.isEmpty()) {
                QueuedWrite<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<QueuedWrite<?>> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (connected != null && !connected.usable()) {
                    connected.close();      // a database restarted, failed over or upgraded ended it (tester 7's finding 18)
                    connected = null;
                }
                if (connected == null) {
                    try {
                        connected = Connected.open(jdbi);
                    } catch (RuntimeException unreachable) {
                        LOG.warn("The database cannot be reached: {} write(s) not stored, and their senders told so ({})",
                                batch.size(), firstLine(unreachable));
                        batch.forEach(write -> write.notCommitted(unreachable));
                        continue;
                    }
                }
                if (!commit(connected.transaction(), batch, readAhead)) {
                    connected.suspect();     // checked before the next batch
                } else {
                    connected.used();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The ledger's writer stopped: submissions cannot be stored until the server restarts", e);
        } finally {
            if (connected != null) {
                connected.close();
            }
        }
        List<QueuedWrite<?>> unanswered = new ArrayList<>();
        queue.drainTo(unanswered);
        unanswered.forEach(write -> write.notCommitted(new IllegalStateException("the ledger is closed")));
    }

    /**
     * The writer's one connection and its transaction. It is checked before a batch when it has been
     * idle for {@link #CHECK_AFTER_IDLE_NANOS} or its last batch failed, and replaced when the
     * database has ended it: a PostgreSQL restart, failover or minor upgrade closes every connection,
     * and a writer that kept its own refused every form until the server restarted (tester 7's
     * finding 18). A batch runs on a connection known to be open; one that fails mid-way is answered
     * "not stored" as before (it may not be run again: its commit may have reached the database).
     */
    private static final class Connected {
        private final Handle handle;
        private final WriteTransaction transaction;
        private long lastUsed = System.nanoTime();

        private Connected(Handle handle, WriteTransaction transaction) {
            this.handle = handle;
            this.transaction = transaction;
        }

        static Connected open(Jdbi jdbi) {
            Handle handle = jdbi.open();
            try {
                return new Connected(handle, WriteTransaction.forWriter(handle));
            } catch (RuntimeException e) {
                handle.close();
                throw e;
            }
        }

        WriteTransaction transaction() {
            return transaction;
        }

        void used() {
            lastUsed = System.nanoTime();
        }

        /** After a failed batch: ask the database before the next one. */
        void suspect() {
            lastUsed = System.nanoTime() - CHECK_AFTER_IDLE_NANOS;
        }

        /** Whether the connection is open; asks the database (one round trip) only after an idle spell. */
        boolean usable() {
            try {
                java.sql.Connection connection = handle.getConnection();
                if (connection.isClosed()) {
                    return false;
                }
                return System.nanoTime() - lastUsed < CHECK_AFTER_IDLE_NANOS || connection.isValid(CHECK_SECONDS);
            } catch (java.sql.SQLException e) {
                return false;
            }
        }

        void close() {
            try {
                transaction.close();
            } catch (RuntimeException gone) {
                // its statements die with the connection
            }
            try {
                handle.close();
            } catch (RuntimeException gone) {
                // the pool drops a closed connection
            }
        }
    }

    /** After this much idleness the writer asks the database whether its connection still stands (one round trip, not one per batch). */
    static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int CHECK_SECONDS = 5;

    private static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = String.valueOf(root.getMessage());
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /**
     * Commits the batch. First pass, batched (docs/adr/0065-batched-writes.md): the writes run with
     * their inserts and head writes waiting in memory, sent together before the commit, so a commit
     * costs a handful of round trips rather than several per write. If that pass cannot finish (a
     * write failed after sending a statement, or the database refused a batched row, e.g. a reference
     * taken meanwhile by another instance), it is rolled back, nothing of it stored, and the batch
     * runs again as before batching: one savepoint per write, every statement sent at once, so a
     * failing write is undone alone. A failure of the commit itself is not run again (it may have
     * been stored): every caller of the batch is told it was not stored, as before.
     *
     * @return whether the batch was committed
     */
    static boolean commit(WriteTransaction transaction, List<QueuedWrite<?>> batch, ReadAhead readAhead) {
        boolean[] committing = {false};
        try {
            transaction.handle().useTransaction(open -> {
                transaction.beginBatch();
                readAhead.read(transaction, batch.stream().map(QueuedWrite::lookUp).filter(Objects::nonNull).toList());
                for (int i = 0; i < batch.size(); i++) {
                    transaction.writesLeft(batch.size() - i);
                    batch.get(i).runIn(transaction);
                }
                transaction.flush();
                committing[0] = true;
            });
        } catch (RuntimeException e) {
            transaction.transactionEnded();
            if (committing[0]) {
                LOG.error("A batch of {} write(s) was not committed", batch.size(), e);
                batch.forEach(write -> write.notCommitted(e));
                return false;
            }
            LOG.info("A batch of {} write(s) runs again one write at a time: {}", batch.size(), e.toString());
            return commitOneByOne(transaction, batch);
        } catch (Error e) {
            transaction.transactionEnded();
            LOG.error("A batch of {} write(s) was not committed", batch.size(), e);
            batch.forEach(write -> write.notCommitted(e));
            return false;
        }
        transaction.transactionEnded();
        batch.forEach(QueuedWrite::committed);
        return true;
    }

    /** The batch as it ran before batching: each write in its own savepoint, every statement sent at once. */
    private static boolean commitOneByOne(WriteTransaction transaction, List<QueuedWrite<?>> batch) {
        try {
            transaction.handle().useTransaction(open -> {
                for (int i = 0; i < batch.size(); i++) {
                    transaction.writesLeft(batch.size() - i);
                    batch.get(i).runIn(transaction);
                }
            });
        } catch (RuntimeException | Error e) {
            LOG.error("A batch of {} write(s) was not committed", batch.size(), e);
            batch.forEach(write -> write.notCommitted(e));
            return false;
        } finally {
            transaction.transactionEnded();
        }
        batch.forEach(QueuedWrite::committed);
        return true;
    }

    /** Finishes the writes already queued, refuses new ones, and releases the connection. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
