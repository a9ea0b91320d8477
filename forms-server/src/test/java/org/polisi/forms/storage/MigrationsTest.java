package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.config.DatabaseAddress;

/**
 * ADR 0049: the same migrations, by version, on SQLite and PostgreSQL, and a database made before
 * the migrations were split into per-database folders still opens.
 */
class MigrationsTest {

    private static List<String> versions(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .mapTo(String.class).list());
    }

    @Test
    void aDatabaseMadeByTheMigrationsBeforeTheSplitStillOpensAndTakesSubmissions(@TempDir Path folder)
            throws IOException {
        // made by main's migrations at 45b7802 (all in db/migration), before this branch moved them
        Path file = folder.resolve("polisi.db");
        try (InputStream fixture = MigrationsTest.class.getResourceAsStream("/fixture/databases/main-v40_3.db")) {
            Files.copy(fixture, file);
        }
        try (Database database = Database.connect(file);
             SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            assertTrue(versions(database.jdbi()).contains("40.3"), versions(database.jdbi()).toString());
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, new NewSubmission("testschool",
                    "REF23456", "photo-consent", "consent", "v1", "cy", "{\"parent-name\":\"Siân\"}", Instant.now(),
                    false, "f1", null)));
            List<ChainVerifier.SchoolResult> results = new ChainVerifier(database.jdbi()).verifyAll();
            assertTrue(results.stream().anyMatch(result -> result.school().equals("testschool") && result.records() == 1),
                    results.toString());
            assertTrue(results.stream().allMatch(result -> result.problem().isEmpty()), results.toString());
        }
    }

    @Test
    void postgresqlRunsTheSameVersionsAsSqlite(@TempDir Path folder) {
        DatabaseAddress postgresql = TestDatabases.postgresql();
        try (Database sqlite = Database.connect(folder.resolve("polisi.db"));
             Database postgres = Database.connect(postgresql)) {
            List<String> onSqlite = versions(sqlite.jdbi());
            assertEquals(onSqlite, versions(postgres.jdbi()));
            assertTrue(onSqlite.size() > 10, onSqlite.toString());
        }
    }

    /** An SQL migration left in db/migration itself would run on neither database: every one is in a folder. */
    @Test
    void everyMigrationIsInTheCommonOrADatabasesFolder() throws Exception {
        Path root = Path.of(MigrationsTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(root)) {
            List<Path> loose = files.filter(file -> file.toString().endsWith(".sql")).toList();
            assertEquals(List.of(), loose, "move these into db/migration/common, or sqlite and postgresql");
        }
        for (String folder : List.of("common", "sqlite", "postgresql")) {
            assertTrue(Files.isDirectory(root.resolve(folder)), folder);
        }
    }
}
