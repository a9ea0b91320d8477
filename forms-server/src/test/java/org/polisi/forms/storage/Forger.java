package org.polisi.forms.storage;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What someone with write access to the database file and Polisi's source can do: drop the
 * triggers, change rows, and recompute every hash after the change so that each chain is
 * consistent again. The tests use it to show what only the checkpoints can catch.
 */
public final class Forger {

    private Forger() {
    }

    /** Drops every trigger (the append-only rules). */
    public static void dropTriggers(Handle handle) {
        for (String trigger : handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                .mapTo(String.class).list()) {
            handle.execute("DROP TRIGGER " + trigger);
        }
    }

    /**
     * Renumbers the school's submissions 1, 2, 3… in their current {@code seq} order (a fractional
     * seq puts an inserted row between two), recomputes content hashes and links, and moves the head.
     */
    public static void relinkSubmissions(Handle handle, String school) {
        List<SubmissionRow> rows = handle.attach(SubmissionDao.class).chainOf(school);
        handle.execute("UPDATE submission SET seq = -id WHERE school = ?", school);
        String previous = ChainHasher.GENESIS;
        long seq = 0;
        for (SubmissionRow row : rows) {
            seq++;
            String content = row.erased() ? row.contentHash() : ChainHasher.contentHash(row.salt(), row.fieldsJson());
            SubmissionRow renumbered = new SubmissionRow(row.id(), row.school(), seq, row.reference(), row.formId(),
                    row.formKind(), row.formVersion(), row.lang(), row.fieldsJson(), row.receivedAt(), row.urgent(),
                    row.salt(), content, previous, "", row.fingerprint(), row.idempotencyKey(), row.erasedAt());
            String hash = ChainHasher.linkHash(previous, renumbered, content);
            handle.execute("UPDATE submission SET seq = ?, content_hash = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    seq, content, previous, hash, row.id());
            previous = hash;
        }
        handle.execute("INSERT OR REPLACE INTO chain_head (school, last_seq, last_hash) VALUES (?, ?, ?)",
                school, seq, previous);
    }

    /** The same for one school's rows of a record chain. */
    public static void relinkRecords(Handle handle, RecordChain chain, String school) {
        List<ChainRow> rows = RecordChainVerifier.walkSchool(handle, chain, school).rows();
        handle.execute("UPDATE " + chain.table() + " SET seq = -id WHERE school = ?", school);
        String previous = ChainHasher.GENESIS;
        long seq = 0;
        for (ChainRow row : rows) {
            seq++;
            String content = row.salt() == null ? row.contentHash() : ChainHasher.contentHash(row.salt(), row.erasableValue());
            String hash = chain.linkHash(previous, school, seq, row.values(), content);
            if (chain.erasable() == null) {
                handle.execute("UPDATE " + chain.table() + " SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?",
                        seq, previous, hash, row.id());
            } else {
                handle.execute("UPDATE " + chain.table() + " SET seq = ?, content_hash = ?, prev_hash = ?, hash = ?"
                        + " WHERE id = ?", seq, content, previous, hash, row.id());
            }
            previous = hash;
        }
        handle.execute("INSERT OR REPLACE INTO record_chain_head (chain, school, last_seq, last_hash) VALUES (?, ?, ?, ?)",
                chain.name(), school, seq, previous);
    }
}
