package org.polisi.forms.checkpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.polisi.forms.storage.RecordChains;

/** Reads every chain's head: the submissions' {@code chain_head} and the record chains' {@code record_chain_head}. */
final class ChainHeads {

    private ChainHeads() {
    }

    /** Every head, by chain then school; call inside one read transaction so that they are of one moment. */
    static List<Checkpoint.Head> read(Handle handle) {
        List<Checkpoint.Head> heads = new ArrayList<>(handle.createQuery(
                        "SELECT school, last_seq, last_hash FROM chain_head")
                .map((row, context) -> new Checkpoint.Head(RecordChains.SUBMISSION, row.getString(1), row.getLong(2),
                        row.getString(3)))
                .list());
        heads.addAll(handle.createQuery("SELECT chain, school, last_seq, last_hash FROM record_chain_head")
                .map((row, context) -> new Checkpoint.Head(row.getString(1), row.getString(2), row.getLong(3),
                        row.getString(4)))
                .list());
        heads.sort(Comparator.comparing(Checkpoint.Head::chain).thenComparing(Checkpoint.Head::school));
        return heads;
    }
}
