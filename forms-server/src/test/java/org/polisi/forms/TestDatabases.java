package org.polisi.forms;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.polisi.forms.config.DatabaseAddress;

/**
 * The two databases the server runs on, for tests that must hold on both: a parameterised test takes
 * {@link #both()} as its source and asks {@link #fresh} for an empty database of the kind.
 *
 * <p>PostgreSQL comes from {@link PostgresCluster}. Where its tools are missing the PostgreSQL runs
 * are skipped, with one line on the console for the whole run; with
 * {@code -Dpolisi.postgres.required=true} (CI) they fail instead.
 */
public final class TestDatabases {

    /** Which database. */
    public enum Kind { SQLITE, POSTGRESQL }

    private static final AtomicBoolean SAID = new AtomicBoolean();

    private TestDatabases() {
    }

    /** Both kinds, for {@code @MethodSource("org.polisi.forms.TestDatabases#both")}. */
    public static Stream<Kind> both() {
        return Stream.of(Kind.SQLITE, Kind.POSTGRESQL);
    }

    /** An empty database: a new SQLite file in {@code folder}, or a new database in the test cluster. */
    public static DatabaseAddress fresh(Kind kind, Path folder) {
        return kind == Kind.SQLITE ? DatabaseAddress.sqlite(folder.resolve("data/polisi.db")) : postgresql();
    }

    /** A new PostgreSQL database; skips the test (or fails it, when PostgreSQL is required) without one. */
    public static DatabaseAddress postgresql() {
        String reason = PostgresCluster.unavailableBecause();
        if (reason != null) {
            if (Boolean.getBoolean("polisi.postgres.required")) {
                throw new IllegalStateException("PostgreSQL is required (-Dpolisi.postgres.required=true): " + reason);
            }
            if (SAID.compareAndSet(false, true)) {
                System.out.println("Skipping the PostgreSQL tests: " + reason);
            }
            Assumptions.abort("PostgreSQL is not available: " + reason);
        }
        return PostgresCluster.get().orElseThrow().freshDatabase();
    }
}
