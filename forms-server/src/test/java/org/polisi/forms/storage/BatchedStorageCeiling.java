package org.polisi.forms.storage;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The storage ceiling with group commit: like {@code bench.StorageCeiling} (raw Jdbi inserts of a
 * submission-sized row, the server's settings through {@link Database#connect}), but N rows per
 * transaction on one long-lived handle, as the ledger's writer does. N = 1 is the one-per-commit
 * ceiling on a reused connection. Not a test; run by hand (docs/benchmarks.md, "Form intake"):
 *
 * <pre>java -cp 'forms-server/target/test-classes:forms-server/target/classes:forms-server/target/lib/*' \
 *   org.polisi.forms.storage.BatchedStorageCeiling DB-FILE SECONDS N...</pre>
 */
public final class BatchedStorageCeiling {

    private static final String FIELDS =
            "{\"consent.photos\":\"given\",\"date\":\"2026-11-22\",\"parent-name\":\"Parent 1\",\"pupil-names\":[\"Pupil 1\"]}";

    private BatchedStorageCeiling() {
    }

    static double rowsPerSecond(Database database, int seconds, int perTransaction, long[] seq) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long rows = 0;
        try (var handle = database.jdbi().open()) {
            while (System.nanoTime() < deadline) {
                handle.useTransaction(transaction -> {
                    for (int i = 0; i < perTransaction; i++) {
                        transaction.createUpdate("""
                                INSERT INTO submission (school, seq, reference, form_id, form_kind, form_version, lang,
                                                        fields_json, received_at, urgent, salt, content_hash, prev_hash,
                                                        hash, fingerprint)
                                VALUES ('bench', :seq, :reference, 'digital-images-consent', 'consent', 'abcdef012345',
                                        'en', :fields, '2026-11-22T00:00:00Z', 0, 'salt', 'content', 'prev', 'hash',
                                        :fingerprint)
                                """).bind("seq", ++seq[0]).bind("reference", UUID.randomUUID().toString())
                                .bind("fields", FIELDS).bind("fingerprint", UUID.randomUUID().toString()).execute();
                    }
                });
                rows += perTransaction;
            }
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    public static void main(String[] args) {
        int seconds = Integer.parseInt(args[1]);
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("seconds 1..600");
        }
        long[] seq = {0};
        try (Database database = Database.connect(Path.of(args[0]))) {
            for (int i = 2; i < args.length; i++) {
                int perTransaction = Integer.parseInt(args[i]);
                double rate = rowsPerSecond(database, seconds, perTransaction, seq);
                System.out.printf("storage-ceiling-batch-%d\t%.0f\trows/s\t%.0f\tcommits/s%n", perTransaction, rate,
                        rate / perTransaction);
            }
        }
    }
}
