package org.polisi.forms.bench;

import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.storage.Database;

/**
 * The storage ceiling: raw Jdbi insert transactions per second into a fresh SQLite file opened as
 * the server opens it ({@link Database#open}: WAL, synchronous=FULL, immediate transactions), one
 * submission-sized row per transaction, one writer (the server serialises its appends too).
 *
 * <p>With {@code NORMAL} as third argument the same runs with {@code synchronous=NORMAL} instead: what
 * the ceiling would be if commits in WAL mode were not flushed to disk one by one (safe against a
 * process crash, not against a power cut).
 *
 * <pre>java ... org.polisi.forms.bench.StorageCeiling DB-FILE SECONDS [NORMAL]</pre>
 */
public final class StorageCeiling {
    private StorageCeiling() {
    }

    public static double insertsPerSecond(Path database, int seconds, boolean normal) {
        if (seconds < 1 || seconds > LoadGenerator.MAX_SECONDS) {
            throw new IllegalArgumentException("seconds 1.." + LoadGenerator.MAX_SECONDS);
        }
        Jdbi jdbi = Database.open(database);
        if (normal) {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(10_000);
            config.enforceForeignKeys(true);
            config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
            org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + database.toAbsolutePath());
            jdbi = Jdbi.create(dataSource);
        }
        String fields = "{\"consent.photos\":\"given\",\"date\":\"2026-11-22\",\"parent-name\":\"Parent 1\",\"pupil-names\":[\"Pupil 1\"]}";
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < deadline) {
            long seq = ++count;
            jdbi.useTransaction(handle -> handle.createUpdate("""
                    INSERT INTO submission (school, seq, reference, form_id, form_kind, form_version, lang, fields_json,
                                            received_at, urgent, salt, content_hash, prev_hash, hash, fingerprint)
                    VALUES ('bench', :seq, :reference, 'digital-images-consent', 'consent', 'abcdef012345', 'en', :fields,
                            '2026-11-22T00:00:00Z', 0, 'salt', 'content', 'prev', 'hash', :fingerprint)
                    """).bind("seq", seq).bind("reference", UUID.randomUUID().toString()).bind("fields", fields)
                    .bind("fingerprint", UUID.randomUUID().toString()).execute());
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    public static void main(String[] args) {
        boolean normal = args.length > 2 && args[2].equalsIgnoreCase("NORMAL");
        double rate = insertsPerSecond(Path.of(args[0]), Integer.parseInt(args.length > 1 ? args[1] : "10"), normal);
        System.out.printf("storage-ceiling%s\t%.0f\tinsert transactions/s%n", normal ? "-synchronous-NORMAL" : "", rate);
    }
}
