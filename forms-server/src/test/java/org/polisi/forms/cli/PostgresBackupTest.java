package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.config.ServerConfig;

/**
 * Issue 16: {@code backup} on PostgreSQL writes a private pg_dump custom-format file, and the restore
 * steps of docs/deploy.md (pg_restore into an empty database, then verify) bring back every record
 * with its chains intact.
 */
class PostgresBackupTest {

    private static String url(DatabaseAddress address) {
        return address.jdbcUrl() + "?user=" + address.user();
    }

    @Test
    void aBackupIsPrivateAndRestoresToADatabaseThatVerifies(@TempDir Path folder) throws Exception {
        DatabaseAddress live = TestDatabases.postgresql();
        ServerConfig config = TestServer.onDatabase(TestServer.settings(folder), live, folder).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.addStaff("testschool", "Heledd Head", "head@test.example", "headteacher");
            reference(server.browser().post("/forms/testschool/parent-agreement", form(agreement("en"))));
            reference(server.browser().post("/forms/testschool/images-consent",
                    form(consent("cy", "Siân Jones", "given", "refused"))));

            Path backup = folder.resolve("backups/polisi.dump");
            FormsCliTest.Run run = FormsCliTest.run("", "backup", "--db", url(live), "--to", backup.toString(),
                    "--agreed-texts", config.agreedTextsDir().toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            assertTrue(Files.isDirectory(folder.resolve("backups/polisi.dump.agreed-texts")), "agreed texts beside it");
            assertEquals(2, FormsCliTest.run("", "backup", "--db", url(live), "--to", backup.toString()).exitCode(),
                    "never over an existing file");

            // docs/deploy.md's restore: pg_restore into a new, empty database, then verify
            DatabaseAddress restored = TestDatabases.postgresql();
            URI uri = URI.create(restored.jdbcUrl().substring("jdbc:".length()));
            Process restore = new ProcessBuilder(List.of("pg_restore", "--no-owner", "--exit-on-error",
                    "--single-transaction", "--host=" + uri.getHost(), "--port=" + uri.getPort(),
                    "--username=" + restored.user(), "--dbname=" + uri.getPath().substring(1), backup.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(restore.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, restore.exitValue(), output);

            FormsCliTest.Run verify = FormsCliTest.run("", "verify", "--db", url(restored),
                    "--agreed-texts", config.agreedTextsDir().toString());
            assertEquals(0, verify.exitCode(), verify.out() + verify.err());
            assertTrue(verify.out().contains("OK testschool submission: 2 record(s), chain intact"), verify.out());
        }
    }
}
