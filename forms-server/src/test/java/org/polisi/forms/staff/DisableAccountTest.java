package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCliTestAccess;
import org.polisi.forms.config.ServerConfig;

/**
 * The 23:40 tester, fault 2: there was no way to cut off a staff member's access, and {@code reset}
 * left sessions signed in (sessions live in the database for up to 8 hours). {@code user disable}
 * ends every session of the account at once and stops it signing in, with the same answer as a wrong
 * password; {@code enable} gives access back; {@code reset} ends the sessions too. Each change is in
 * the account's chained history, and a change behind Polisi's back is named by verify.
 */
class DisableAccountTest {

    private static final String EMAIL = "lead@test.example";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aDisabledAccountIsSignedOutEverywhereAndCannotSignIn(TestDatabases.Kind kind, @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.addStaff("testschool", "Dafydd Lead", EMAIL, "safeguarding-lead");
            server.addStaff("testschool", "Other Staff", "other@test.example", "safeguarding-lead");
            TestServer.Browser desk = server.loggedIn(EMAIL);
            TestServer.Browser phone = server.loggedIn(EMAIL);
            TestServer.Browser colleague = server.loggedIn("other@test.example");
            assertEquals(200, desk.get("/staff/").statusCode());

            FormsCliTestAccess.Run disable = cli(server, config, kind, "disable", "testschool", EMAIL);
            assertEquals(0, disable.exitCode(), disable.out());
            assertTrue(disable.out().contains("2 sessions"), disable.out());

            assertNotEquals(200, desk.get("/staff/").statusCode(), "the session ended at once");
            assertNotEquals(200, phone.get("/staff/").statusCode());
            assertEquals(200, colleague.get("/staff/").statusCode(), "no other account's");
            assertEquals(0, server.count("SELECT count(*) FROM staff_session s JOIN staff_user u ON u.id = s.staff_user_id"
                    + " WHERE u.email = '" + EMAIL + "'"));

            HttpResponse<String> disabled = server.browser().login(EMAIL, TestServer.PASSWORD);
            HttpResponse<String> wrong = server.browser().login("other@test.example", "not the password at all 123");
            assertEquals(wrong.statusCode(), disabled.statusCode(), "the same answer as a wrong password");
            assertEquals(Jsoup.parse(wrong.body()).select(".error-summary").text(),
                    Jsoup.parse(disabled.body()).select(".error-summary").text());
            assertEquals(2, cli(server, config, kind, "disable", "testschool", EMAIL).exitCode(), "already disabled");
            assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE change = 'disabled'"
                    + " AND value = 'yes' AND changed_by = 'Heledd Pennaeth (command line)'"));
            assertTrue(verified(server), "the account's history matches it");

            assertEquals(0, cli(server, config, kind, "enable", "testschool", EMAIL).exitCode());
            assertEquals(303, server.browser().login(EMAIL, TestServer.PASSWORD).statusCode(), "enabled again");
            assertTrue(verified(server));

            // behind Polisi's back: the flag cleared without its event
            assertEquals(0, cli(server, config, kind, "disable", "testschool", EMAIL).exitCode());
            server.jdbi().useHandle(handle -> handle.execute("UPDATE staff_user SET disabled = 0 WHERE email = ?", EMAIL));
            assertTrue(!verified(server), "verify names an account enabled behind Polisi's back");
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aNewPasswordEndsEverySessionOfTheAccount(TestDatabases.Kind kind, @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            TestServer.Browser old = server.loggedIn("office@test.example");
            FormsCliTestAccess.Run reset = FormsCliTestAccess.runWithInput("mae’r gwenoliaid yn ôl ym mis ebrill\n",
                    "user", "reset", "--db", db(server, config, kind), "--manifests", manifests(), "--school", "testschool",
                    "--email", "office@test.example", "--by", "Heledd Pennaeth");
            assertEquals(0, reset.exitCode(), reset.out());
            assertNotEquals(200, old.get("/staff/").statusCode(), "whoever knew the old password is signed out");
        }
    }

    /** A disabled account is not e-mailed alerts; an account of another school or an unknown one is "no such account". */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aDisabledAccountIsSentNoAlertsAndOnlyTheSchoolsOwnAccountIsFound(TestDatabases.Kind kind, @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.addStaff("testschool", "Dafydd Lead", EMAIL, "safeguarding-lead");
            assertEquals(2, cli(server, config, kind, "disable", "otherschool", EMAIL).exitCode());
            assertEquals(2, cli(server, config, kind, "disable", "testschool", "nobody@test.example").exitCode());
            assertEquals(0, cli(server, config, kind, "disable", "testschool", EMAIL).exitCode());
            assertEquals(0, server.jdbi().withExtension(org.polisi.forms.intake.OutboxDao.class,
                    outbox -> outbox.staffEmails("testschool", "safeguarding-lead")).size());
        }
    }

    private static boolean verified(TestServer server) {
        return AccountCommands.verified(server);
    }

    private static FormsCliTestAccess.Run cli(TestServer server, ServerConfig config, TestDatabases.Kind kind,
                                              String command, String school, String email) {
        return AccountCommands.run(server, config, kind, command, school, email);
    }

    private static String db(TestServer server, ServerConfig config, TestDatabases.Kind kind) {
        return AccountCommands.db(server, config, kind);
    }

    private static String manifests() {
        return AccountCommands.manifests();
    }
}
