package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.FormsServer;
import org.polisi.forms.LogCapture;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCli;
import org.polisi.forms.config.SealingKey;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.storage.ChainVerifier;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.StaffAccountHistory;
import org.polisi.forms.storage.WriteTransaction;

/**
 * Issue 23 (a tester, 23:40): the second-factor secrets were stored in the database in plain text.
 * They are sealed with AES-256-GCM under a key in a file outside the database, bound to their
 * column and account; secrets written before are sealed at the first start (and recorded in the
 * account's history, so verify still passes); a missing or wrong key stops the server with one
 * line naming the file.
 */
class SecondFactorSealingTest {

    private static final String EMAIL = "lead@seal.example";
    private static final String OTHER = "head@seal.example";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void secretsAreSealedBoundToTheirAccountAndTheKeyIsPrivate(TestDatabases.Kind kind, @TempDir Path folder)
            throws Exception {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            // the second factor and its seal are the person's (docs/adr/0080)
            server.addStaff("testschool", "Dafydd Lead", EMAIL, "safeguarding-lead");
            server.addStaff("testschool", "Heledd Head", OTHER, "headteacher");
            long lead = server.staffUser(EMAIL).personId();
            long head = server.staffUser(OTHER).personId();
            String stored = storedSecret(server, lead);
            assertTrue(stored.startsWith(SealingKey.PREFIX), stored);
            assertFalse(stored.matches(".*[A-Z2-7]{32}.*"), "no Base32 secret in the column: " + stored);
            assertEquals(303, server.browser().login(EMAIL, TestServer.PASSWORD).statusCode(), "the sealed secret opens");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.secondFactorKeyFile())));
            assertEquals("rwx------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(config.secondFactorKeyFile().getParent())));

            // a sealed secret copied to another account's row does not open there
            server.jdbi().useHandle(handle -> handle.execute(
                    "UPDATE staff_second_factor SET secret = ? WHERE person_id = ?", stored, head));
            TestServer.Browser browser = server.browser();
            HttpResponse<String> codePage = browser.passwordStep(OTHER, TestServer.PASSWORD);
            String leadsCode = server.secondFactor().codeFor(
                    server.sealingKey().open(SecondFactor.SECRET_COLUMN, lead, stored), currentStep());
            assertEquals(401, browser.codeStep(codePage, leadsCode).statusCode(), "a copied secret is refused");
            assertThrows(SealingKey.Unusable.class, () -> server.sealingKey().open(SecondFactor.SECRET_COLUMN, head, stored));
            assertThrows(SealingKey.Unusable.class,
                    () -> server.sealingKey().open(SessionStore.PENDING_SECRET_COLUMN, lead, stored), "another column");
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aSecretStoredInPlainTextIsSealedAtStartAndStillVerifies(TestDatabases.Kind kind, @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        String secret;
        long lead;
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.addStaffWithoutSecondFactor("testschool", "Dafydd Lead", EMAIL, "safeguarding-lead");
            lead = server.staffUser(EMAIL).personId();
            SecondFactor factors = server.secondFactor();
            secret = factors.newSecret();
            assertTrue(factors.enrol(lead, secret, factors.codeFor(secret, currentStep() - 1)).isPresent());
            writtenAsBeforeSealing(server, lead, secret);
            assertEquals(secret, storedSecret(server, lead), "as a server before issue 23's sealing left it");
        }
        try (LogCapture log = new LogCapture(); TestServer server = TestServer.start(config, Clock.systemUTC())) {
            String stored = storedSecret(server, lead);
            assertTrue(stored.startsWith(SealingKey.PREFIX) && !stored.contains(secret), stored);
            assertTrue(log.text().contains("Sealed 1 second-factor secrets"), log.text());
            assertTrue(new ChainVerifier(server.jdbi()).verifyAll().stream().allMatch(result -> result.problem().isEmpty()),
                    "verify passes: the sealing is in the account's history");
            assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE changed_by = '"
                    + SecondFactorSecrets.BY + "'"));
            TestServer.Browser browser = server.browser();
            HttpResponse<String> codePage = browser.passwordStep(EMAIL, TestServer.PASSWORD);
            assertEquals(303, browser.codeStep(codePage, server.secondFactor().codeFor(secret, currentStep()))
                    .statusCode(), "the app's codes still work");
        }
        try (TestServer again = TestServer.start(config, Clock.systemUTC())) {
            assertEquals(1, again.count("SELECT count(*) FROM staff_account_event WHERE changed_by = '"
                    + SecondFactorSecrets.BY + "'"), "a second start finds nothing to seal");
        }
    }

    @Test
    void aMissingOrWrongKeyStopsTheServerWithOneLineNamingTheFile(@TempDir Path folder) throws Exception {
        ServerConfig config = TestServer.settings(folder).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.addStaff("testschool", "Dafydd Lead", EMAIL, "safeguarding-lead");
        }
        Path key = config.secondFactorKeyFile();
        Path kept = folder.resolve("kept.key");
        Files.move(key, kept);
        String missing = serve(folder);
        assertTrue(missing.contains(key.toString()) && missing.contains("missing"), missing);
        assertFalse(Files.exists(key), "no new key was made in its place");

        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        Files.writeString(key, Base64.getEncoder().encodeToString(other));
        String wrong = serve(folder);
        assertTrue(wrong.contains(key.toString()) && wrong.contains("does not open"), wrong);

        Files.delete(key);
        Files.move(kept, key);
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            assertEquals(200, server.browser().get("/staff/login").statusCode(), "the right key starts it again");
        }
        assertThrows(SealingKey.Unusable.class, () -> {
            Files.writeString(key, "not a key");
            FormsServer.create(config);
        });
    }

    /**
     * Runs {@code serve} on the folder's database; it must refuse with exit code 2, one "Not started"
     * line and no stack trace. Returns that line.
     */
    private static String serve(Path folder) {
        PrintStream standardError = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = FormsCli.commandLine().execute("serve", "--port", "0", "--db", folder.resolve("data/polisi.db").toString(),
                    "--agreed-texts", TestServer.fixture().resolve("agreed-texts").toString(),
                    "--site", TestServer.fixture().resolve("site").toString(),
                    "--manifests", TestServer.fixture().resolve("manifests").toString());
        } finally {
            System.setErr(standardError);
        }
        String message = said.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, message);
        assertFalse(message.contains("\tat ") || message.contains("Exception"), "no stack trace: " + message);
        List<String> refusals = message.lines().filter(line -> line.startsWith("Not started: ")).toList();
        assertEquals(1, refusals.size(), message);
        return refusals.get(0);
    }

    /** What a server before sealing stored: the plain secret, and its history's digest of it. */
    private static void writtenAsBeforeSealing(TestServer server, long account, String secret) {
        long membership = server.count("SELECT id FROM staff_user WHERE person_id = " + account);
        server.jdbi().useTransaction(handle -> {
            handle.execute("UPDATE staff_second_factor SET secret = ? WHERE person_id = ?", secret, account);
            List<String> codes = handle.createQuery("SELECT code_hash FROM staff_recovery_code WHERE person_id = :id")
                    .bind("id", account).mapTo(String.class).list();
            try (WriteTransaction transaction = WriteTransaction.over(handle);
                 RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, "testschool")) {
                StaffAccountHistory.changed(events, membership, StaffAccountHistory.SECOND_FACTOR,
                        StaffAccountHistory.secondFactorDigest(secret, codes), "the account holder", Instant.now());
            }
        });
    }

    private static String storedSecret(TestServer server, long account) {
        return server.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT secret FROM staff_second_factor WHERE person_id = :id").bind("id", account)
                .mapTo(String.class).one());
    }

    private static long currentStep() {
        return Math.floorDiv(Instant.now().getEpochSecond(), 30);
    }
}
