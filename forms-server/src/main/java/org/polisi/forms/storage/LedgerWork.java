package org.polisi.forms.storage;

/** A write run by the ledger's writer, inside the transaction it shares with the writes queued beside it. */
@FunctionalInterface
public interface LedgerWork<T> {
    T runIn(WriteTransaction transaction);
}
