package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCliTestAccess;
import org.polisi.forms.config.ServerConfig;

/**
 * Tester 7's finding 11 (ADR 0107): one rule for "the same e-mail address" on SQLite and PostgreSQL,
 * the key {@link EmailKey} (NFC, Unicode case-folded). Before it SQLite kept "siân@…" and
 * "SIÂN@…" as two people and PostgreSQL refused the second. The real command line, a real server and
 * both databases.
 */
class SameStaffAddressTest {

    private static final String SIAN = "siân@example.org";
    private static final String SIAN_UPPER = "SIÂN@example.org";
    private static final String SIAN_NFD = "sia\u0302n@example.org";

    /** The tester's two adds: the second is refused on both databases, and the message names the account held. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theSecondSpellingIsRefusedAndTheMessageNamesTheAccount(TestDatabases.Kind kind, @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            FormsCliTestAccess.Run first = add(server, config, kind, SIAN);
            assertEquals(0, first.exitCode(), first.err());
            FormsCliTestAccess.Run second = add(server, config, kind, SIAN_UPPER);
            assertEquals(2, second.exitCode(), second.out());
            assertTrue(second.err().contains("already has an account at testschool (office), as " + SIAN
                    + " (addresses that differ only in letter case are one address)"), second.err());
            assertEquals(1, server.count("SELECT count(*) FROM staff_person"));
            assertEquals(SIAN, server.jdbi().withHandle(handle -> handle.createQuery("SELECT email FROM staff_person")
                    .mapTo(String.class).one()), "stored as typed");
        }
    }

    /**
     * Variants of the kind: ß and SS, NFD and NFC spellings, Greek final sigma, the dotted capital İ
     * and its folding; each second spelling is refused on both databases, and stored addresses are
     * as typed (NFC only). The dotless ı is another letter than i: two people.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void everySpellingOfOneAddressIsOneAddress(TestDatabases.Kind kind, @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            AccountService accounts = server.accounts();
            List<String[]> same = List.of(
                    new String[] {SIAN_NFD, SIAN_UPPER},
                    new String[] {"straße@example.org", "STRASSE@example.org"},
                    new String[] {"οδυσσεας@example.org", "ΟΔΥΣΣΕΑΣ@example.org"},
                    new String[] {"odysseas@ΕΛΛΑΣ.example", "odysseas@ελλας.example"},
                    new String[] {"İpek@example.org", "i\u0307pek@example.org"},
                    new String[] {"ILGAZ@example.org", "ilgaz@example.org"});
            for (String[] pair : same) {
                accounts.add("testschool", "First", pair[0], "office", TestServer.PASSWORD);
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> accounts.add("testschool", "Second", pair[1], "office", TestServer.PASSWORD), pair[1]);
                assertTrue(refused.getMessage().contains("already has an account at testschool"), refused.getMessage());
            }
            assertEquals(same.size(), server.count("SELECT count(*) FROM staff_person"));
            assertEquals(1, server.count("SELECT count(*) FROM staff_person WHERE email = 'siân@example.org'"),
                    "an NFD spelling is stored in NFC, nothing else changed");
            assertEquals(1, server.count("SELECT count(*) FROM staff_person WHERE email = 'straße@example.org'"));

            // other letters, other people: the dotless ı, and ı beside I (whose folding is i)
            accounts.add("testschool", "Other", "ılgaz@example.org", "office", TestServer.PASSWORD);
            accounts.add("testschool", "Other", "ipek@example.org", "office", TestServer.PASSWORD);
            assertEquals(same.size() + 2, server.count("SELECT count(*) FROM staff_person"));
            // the database refuses a second row with one key, whoever writes it
            assertThrows(RuntimeException.class, () -> server.jdbi().useHandle(handle -> handle.execute(
                    "INSERT INTO staff_person (email, email_key, password_hash, created_at) VALUES (?, ?, 'x', 'now')",
                    SIAN_UPPER, EmailKey.of(SIAN_UPPER))));
        }
    }

    /** Sign-in finds the account by any spelling of its address, and change-email compares by key too. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void signInAndChangeEmailUseTheKey(TestDatabases.Kind kind, @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.addStaff("testschool", "Siân", SIAN, "office");
            server.addStaff("testschool", "Straße", "straße@example.org", "office");
            assertEquals(303, server.browser().login(SIAN_UPPER, TestServer.PASSWORD).statusCode(), "upper case");
            assertEquals(303, server.browser().login(SIAN, TestServer.PASSWORD).statusCode(), "as stored");
            for (String spelling : List.of(SIAN_NFD, "STRASSE@example.org", "Strasse@EXAMPLE.org")) {
                assertTrue(passwordAccepted(server, spelling), spelling + " reaches the second factor");
            }
            assertTrue(!passwordAccepted(server, "sian@example.org"), "â is not a");

            AccountService accounts = server.accounts();
            IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                    () -> accounts.changeEmail("testschool", SIAN, "STRASSE@example.org", "test"));
            assertTrue(taken.getMessage().contains("as straße@example.org"), taken.getMessage());
            accounts.changeEmail("testschool", SIAN_NFD, SIAN_UPPER, "test");   // one's own address, in capitals
            assertEquals(SIAN_UPPER, server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT email FROM staff_person WHERE email_key = :key").bind("key", EmailKey.of(SIAN))
                    .mapTo(String.class).one()));
        }
    }

    /** The password step of the sign-in: the code page (the account was found and the password matched). */
    private static boolean passwordAccepted(TestServer server, String email) {
        TestServer.Browser browser = server.browser();
        HttpResponse<String> page = browser.get("/staff/login");
        String token = org.jsoup.Jsoup.parse(page.body()).select("input[name=csrf-token]").attr("value");
        HttpResponse<String> response = browser.post("/staff/login", form("csrf-token", token, "email", email,
                "password", TestServer.PASSWORD));
        assertNotEquals(500, response.statusCode());
        return response.statusCode() == 200 && response.body().contains("action=\"/staff/login/code");
    }

    private static FormsCliTestAccess.Run add(TestServer server, ServerConfig config, TestDatabases.Kind kind,
                                              String email) {
        return FormsCliTestAccess.runWithInput(TestServer.PASSWORD + "\n", "user", "add",
                "--db", AccountCommands.db(server, config, kind), "--manifests", AccountCommands.manifests(),
                "--school", "testschool", "--name", "Sian", "--email", email, "--role", "office");
    }
}
