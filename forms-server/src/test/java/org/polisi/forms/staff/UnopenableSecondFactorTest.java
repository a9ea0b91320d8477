package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.LogCapture;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCliTestAccess;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.ChainVerifier;

/**
 * Tester 3's fault 14: one account's sealed second-factor secret copied from another account (the
 * case the AES-GCM associated data is there to catch) stopped the whole server at its next start,
 * for every school, with advice to restore a key that was right, and no command could help. Now the
 * start-up step refuses only that account (logged as possible tampering), the server starts for
 * everyone else, the copied secret's codes do not sign in to it, and {@code user reset
 * --second-factor} removes it (recorded) so that the account enrols again. On both databases.
 */
class UnopenableSecondFactorTest {

    private static final String HEAD = "head@rumney.example";
    private static final String OTHER = "head@brynford.example";

    /** The person (ADR 0080) whose membership the account is: the second factor is the person's. */
    private static long personOf(TestServer server, long account) {
        return server.jdbi().withHandle(handle -> handle.createQuery("SELECT person_id FROM staff_user WHERE id = :id")
                .bind("id", account).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void oneAlteredSecretRefusesOnlyItsAccountUntilResetAndTheServerStarts(TestDatabases.Kind kind,
                                                                         @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            long head = server.addStaff("testschool", "Rhian Head", HEAD, "headteacher");
            long other = server.addStaff("otherschool", "Bryn Head", OTHER, "headteacher");
            long headPerson = personOf(server, head);
            long otherPerson = personOf(server, other);
            server.jdbi().useHandle(handle -> handle.execute("UPDATE staff_second_factor SET secret = (SELECT secret FROM"
                    + " staff_second_factor WHERE person_id = ?) WHERE person_id = ?", headPerson, otherPerson));

            try (LogCapture log = new LogCapture()) {   // the start-up step: it no longer stops the server
                SecondFactorSecrets.prepare(server.jdbi(), config.secondFactorKeyFile(), Clock.systemUTC());
                assertTrue(log.text().contains("POSSIBLE TAMPERING: the sealed second-factor secret of person "
                        + otherPerson + " (otherschool " + OTHER + ")"), log.text());
                assertTrue(log.text().contains("user reset --second-factor"), log.text());
            }

            // the copied secret's own codes do not sign in to the other account; its holder still signs in
            TestServer.Browser intruder = server.browser();
            HttpResponse<String> codePage = intruder.passwordStep(OTHER, TestServer.PASSWORD);
            assertEquals(200, codePage.statusCode());
            try (LogCapture log = new LogCapture()) {
                HttpResponse<String> refused = intruder.codeStep(codePage, server.secondFactorCode(HEAD));
                assertFalse(refused.statusCode() == 303, "signed in with another account's copied secret");
                assertTrue(log.text().contains("POSSIBLE TAMPERING: refused a sign-in"), log.text());
            }
            assertEquals(200, server.loggedIn(HEAD).get("/staff/").statusCode(), "every other account signs in");
            assertFalse(new ChainVerifier(server.jdbi()).verifyAll().stream().allMatch(result -> result.problem().isEmpty()),
                    "verify names the account whose secret was changed behind Polisi's back");

            if (kind == TestDatabases.Kind.SQLITE) {   // the operator's command, as typed
                FormsCliTestAccess.Run reset = FormsCliTestAccess.run("user", "reset", "--second-factor", "--db",
                        config.database().file().toString(), "--manifests",
                        TestServer.fixture().resolve("manifests").toString(), "--school", "otherschool", "--email", OTHER,
                        "--by", "Operator");
                assertEquals(0, reset.exitCode(), reset.err());
                assertTrue(reset.out().contains("Removed the second factor of " + OTHER), reset.out());
                FormsCliTestAccess.Run again = FormsCliTestAccess.run("user", "reset", "--second-factor", "--db",
                        config.database().file().toString(), "--manifests",
                        TestServer.fixture().resolve("manifests").toString(), "--school", "otherschool", "--email", OTHER,
                        "--by", "Operator");
                assertEquals(2, again.exitCode());
                assertTrue(again.err().startsWith("Not reset: ") && again.err().contains("has no second factor"), again.err());
            } else {   // the same service the command calls, on PostgreSQL
                new AccountService(server.jdbi(), new PasswordHasher(), Clock.systemUTC(),
                        new ManifestCatalog(TestServer.fixture().resolve("manifests")))
                        .removeSecondFactor("otherschool", OTHER, "Operator (command line)");
            }
            HttpResponse<String> signedIn = server.browser().passwordStep(OTHER, TestServer.PASSWORD);
            assertEquals(303, signedIn.statusCode(), "with no second factor, the password leads to setting one up");
            assertTrue(signedIn.headers().firstValue("Location").orElse("").startsWith("/staff/account"),
                    signedIn.headers().map().toString());
            assertTrue(new ChainVerifier(server.jdbi()).verifyAll().stream().allMatch(result -> result.problem().isEmpty()),
                    "the removal is recorded: verify finds nothing changed behind Polisi's back");
            try (LogCapture log = new LogCapture()) {
                SecondFactorSecrets.prepare(server.jdbi(), config.secondFactorKeyFile(), Clock.systemUTC());
                assertFalse(log.text().contains("TAMPERING"), log.text());
            }
        }
    }
}
