package org.polisi.forms.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One caller's write, waiting in the {@link GroupCommitWriter}'s queue. The writer runs it inside
 * its own savepoint (so a write that fails is undone without undoing its neighbours), and answers
 * the caller only once the whole batch is committed, or has failed.
 */
final class QueuedWrite<T> {

    private final LedgerWork<T> work;
    private final SubmissionLedger.Resubmission lookUp;
    private final CompletableFuture<T> answer = new CompletableFuture<>();
    private T result;
    private RuntimeException failure;

    QueuedWrite(LedgerWork<T> work) {
        this(work, null);
    }

    /** @param lookUp the resubmission check the work will make, read ahead for the whole batch; or null */
    QueuedWrite(LedgerWork<T> work, SubmissionLedger.Resubmission lookUp) {
        this.work = work;
        this.lookUp = lookUp;
    }

    /** The resubmission check the work will make, or null. */
    SubmissionLedger.Resubmission lookUp() {
        return lookUp;
    }

    /**
     * Runs the work inside the batch's open transaction. A failure of the
     * work is kept for its caller; a failure to undo it (the transaction itself is broken) is thrown,
     * so that the whole batch fails.
     *
     * <p>In the writer's batched pass ({@link WriteTransaction#batching}) there is no savepoint (two
     * round trips per write on PostgreSQL): a work that fails having only queued writes is undone in
     * memory ({@link WriteTransaction#rollBackTo}); one that fails after sending a statement at once
     * throws {@link RunAgainOneByOne}, and the writer runs the whole batch again this way, one
     * savepoint per write (docs/adr/0065-batched-writes.md).
     */
    void runIn(WriteTransaction transaction) {
        result = null;
        failure = null;
        if (transaction.batching()) {
            WriteTransaction.Mark mark = transaction.mark();
            try {
                result = work.runIn(transaction);
            } catch (RuntimeException e) {
                if (transaction.changedSince(mark)) {
                    throw new RunAgainOneByOne(e);
                }
                transaction.rollBackTo(mark);
                failure = e;
            }
            return;
        }
        transaction.update("SAVEPOINT queued_write");
        try {
            result = work.runIn(transaction);
            transaction.update("RELEASE queued_write");
        } catch (RuntimeException e) {
            transaction.update("ROLLBACK TO queued_write");
            transaction.rolledBackToSavepoint();
            transaction.update("RELEASE queued_write");
            failure = e;
        }
    }

    /** A batched pass cannot go on: the writer rolls it back and runs the batch again one write at a time. */
    static final class RunAgainOneByOne extends RuntimeException {
        RunAgainOneByOne(Throwable cause) {
            super("the batch must run again one write at a time", cause);
        }
    }

    /** After the commit: the caller gets what its work returned, or how it failed. */
    void committed() {
        if (failure != null) {
            answer.completeExceptionally(failure);
        } else {
            answer.complete(result);
        }
    }

    /** The batch was not committed: nothing of it is stored, whatever the work returned. */
    void notCommitted(Throwable cause) {
        answer.completeExceptionally(new IllegalStateException("not stored: the write transaction failed", cause));
    }

    /** Waits for the answer; gives up only if the writer has stopped without answering. */
    T await(BooleanSupplier writerRunning) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return answer.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (!writerRunning.getAsBoolean() && !answer.isDone()) {
                        throw new IllegalStateException("not stored: the ledger's writer has stopped");
                    }
                } catch (InterruptedException e) {
                    // the work may already be committing: wait for the truth, then restore the flag
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
