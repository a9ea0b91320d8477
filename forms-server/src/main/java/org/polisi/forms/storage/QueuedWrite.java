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
    private final CompletableFuture<T> answer = new CompletableFuture<>();
    private T result;
    private RuntimeException failure;

    QueuedWrite(LedgerWork<T> work) {
        this.work = work;
    }

    /**
     * Runs the work inside the batch's open transaction. A failure of the
     * work is kept for its caller; a failure to undo it (the transaction itself is broken) is thrown,
     * so that the whole batch fails.
     */
    void runIn(WriteTransaction transaction) {
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
