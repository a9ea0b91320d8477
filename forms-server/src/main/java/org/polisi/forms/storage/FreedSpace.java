package org.polisi.forms.storage;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what an erasure removed gone from the database's files, not only from its tables.
 *
 * <p>SQLite keeps a deleted row's bytes in the file's free space, and in the write-ahead log, until
 * they are written over: after {@code forms erase} the child's and parent's names could still be read
 * in {@code data/polisi.db} (tester 7's finding 21), and so in any copy of it (a disk snapshot, a
 * {@code cp} of the folder). Every SQLite connection therefore runs with {@code secure_delete} on
 * ({@link Database}: SQLite overwrites freed content with zeros, https://sqlite.org/pragma.html#pragma_secure_delete),
 * and after an erasure {@link #afterErasure} checkpoints the log into the file and truncates it
 * ({@code wal_checkpoint(TRUNCATE)}), so the old page images in the log go too. A checkpoint a
 * reader holds back is finished by SQLite's next one; the log's frames are then written over.
 *
 * <p>PostgreSQL keeps an erased row's old version as a dead tuple until VACUUM reclaims it (autovacuum,
 * within minutes on a busy table); docs/security.md says so, and how to run it at once.
 */
public final class FreedSpace {
    private static final Logger LOG = LoggerFactory.getLogger(FreedSpace.class);

    private FreedSpace() {
    }

    /**
     * After answers were erased: on SQLite, moves the log's pages into the file (where secure_delete
     * has zeroed the freed cells) and truncates the log; on PostgreSQL, nothing.
     *
     * @param jdbi the server's database
     */
    public static void afterErasure(Jdbi jdbi) {
        try {
            jdbi.useHandle(handle -> {
                String product;
                try {
                    product = handle.getConnection().getMetaData().getDatabaseProductName();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                if (product.toLowerCase(java.util.Locale.ROOT).contains("sqlite")) {
                    handle.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list();
                }
            });
        } catch (RuntimeException e) {
            // the erasure is committed; SQLite's next checkpoint moves the zeroed pages into the file
            LOG.warn("After an erasure the database's log could not be checkpointed now: {}", e.getMessage());
        }
    }
}
