package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCliTestAccess;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.intake.OutboxDao;

/**
 * ADR 0080's two "Not built" items, built by ADR 0094 through the command line: {@code user remove}
 * ends a membership for good (a person who left a school: it cannot be enabled again, its sessions
 * end, its records keep it as their author; the person may be added back as a new membership, ADR 0101) and {@code user change-email} changes a person's address
 * at every school (their sessions end, the old address no longer signs in, an address another person
 * has is refused). Each is in every school's staff account history, verify stays clean, and a change
 * behind Polisi's back is named or refused. Rhys is headteacher at one school and safeguarding lead
 * at the other (ADR 0087); a real server and the real command line on both databases.
 */
class RemoveAndChangeEmailTest {

    private static final String RHYS = "rhys@cluster.example";
    private static final String NEW = "rhys.pritchard-jones@cluster.example";
    private static final String OTHER = "other@cluster.example";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aRemovedMembershipIsGoneForGoodAndItsRecordsKeepTheirAuthor(TestDatabases.Kind kind, @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            Rhys rhys = Rhys.signedInAtBoth(server);
            long here = rhys.here();
            String report = rhys.report();
            TestServer.Browser atHere = rhys.atHere();
            TestServer.Browser atOther = rhys.atOther();

            FormsCliTestAccess.Run removed = cli(server, config, kind, "remove", "testschool", RHYS);
            assertEquals(0, removed.exitCode(), removed.err());
            assertTrue(removed.out().contains("1 session") && removed.out().contains("another school stays"),
                    removed.out());
            assertNotEquals(200, atHere.get("/staff/").statusCode(), "its session ended at once");
            assertEquals(200, atOther.get("/staff/").statusCode(), "the other school's stays");
            assertEquals(List.of(), server.jdbi().withExtension(OutboxDao.class,
                    outbox -> outbox.staffEmails("testschool", "headteacher")), "no alerts to a removed account");

            // the person signs in to the school left only: no choice is asked
            TestServer.Browser again = server.browser();
            assertEquals(303, again.login(RHYS, TestServer.PASSWORD).statusCode());
            assertEquals(404, again.get("/staff/submissions/" + report).statusCode());

            assertEquals(2, cli(server, config, kind, "enable", "testschool", RHYS).exitCode(), "not enabled again");
            assertEquals(2, cli(server, config, kind, "remove", "testschool", RHYS).exitCode(), "already removed");
            // adding the person back makes a new membership (AddedBackAfterRemovalTest, ADR 0101); this one stays removed

            assertEquals(1, server.count("SELECT count(*) FROM incident_view WHERE staff_user_id = " + here
                    + " AND viewer = 'Rhys Pritchard <" + RHYS + ">'"), "the record still names its author");
            assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE staff_user_id = " + here
                    + " AND change = 'removed' AND value = 'yes' AND changed_by = 'Heledd Pennaeth (command line)'"));
            assertTrue(verified(server), "the history says what the account is");

            // behind Polisi's back: a removal cannot be undone, and one made without its event is named
            assertThrows(RuntimeException.class, () -> server.jdbi().useHandle(handle -> handle.execute(
                    "UPDATE staff_user SET removed_at = NULL, disabled = 0 WHERE id = ?", here)));
            server.addStaff("testschool", "Olwen Office", OTHER, "office");
            server.jdbi().useHandle(handle -> handle.execute(
                    "UPDATE staff_user SET removed_at = '2026-12-01T09:00:00.000Z', disabled = 1 WHERE email = ?", OTHER));
            assertTrue(!verified(server), "verify names an account removed behind Polisi's back");
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aNewAddressChangesAtEverySchoolEndsTheSessionsAndAnotherPersonsAddressIsRefused(TestDatabases.Kind kind,
                                                                                       @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            Rhys rhys = Rhys.signedInAtBoth(server);
            long here = rhys.here();
            long there = rhys.there();
            server.addStaff("otherschool", "Olwen Office", OTHER, "safeguarding-lead");
            TestServer.Browser atHere = rhys.atHere();
            TestServer.Browser atOther = rhys.atOther();

            for (String taken : List.of(OTHER, "OTHER@Cluster.Example")) {
                FormsCliTestAccess.Run refused = change(server, config, kind, RHYS, taken);
                assertEquals(2, refused.exitCode());
                assertTrue(refused.err().contains("another person's staff account has the address"), refused.err());
            }
            assertEquals(2, change(server, config, kind, RHYS, "not an address").exitCode());
            assertEquals(2, change(server, config, kind, RHYS, RHYS).exitCode(), "the same address");
            assertEquals(200, atHere.get("/staff/").statusCode(), "a refused change ends nothing");
            assertEquals(2, server.count("SELECT count(*) FROM staff_user WHERE email = '" + RHYS + "'"));

            FormsCliTestAccess.Run changed = change(server, config, kind, RHYS, " " + NEW + " ");
            assertEquals(0, changed.exitCode(), changed.err());
            assertTrue(changed.out().contains("2 sessions"), changed.out());
            server.addressChanged(RHYS, NEW);
            assertNotEquals(200, atHere.get("/staff/").statusCode(), "signed out at one school");
            assertNotEquals(200, atOther.get("/staff/").statusCode(), "and at the other");
            assertEquals(1, server.count("SELECT count(*) FROM staff_person WHERE email = '" + NEW + "'"));
            assertEquals(2, server.count("SELECT count(*) FROM staff_user WHERE email = '" + NEW + "'"));
            assertEquals(List.of(NEW), server.jdbi().withExtension(OutboxDao.class,
                    outbox -> outbox.staffEmails("testschool", "headteacher")), "alerts go to the new address");
            for (long membership : List.of(here, there)) {
                assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE staff_user_id = "
                        + membership + " AND change = 'email' AND value = '" + NEW + "'"), "in each school's history");
            }
            assertEquals(1, server.count("SELECT count(*) FROM incident_view WHERE staff_user_id = " + here
                    + " AND viewer = 'Rhys Pritchard <" + RHYS + ">'"), "a record made before keeps what was true then");
            assertTrue(verified(server), "every chain, the views' included, still verifies");

            HttpResponse<String> old = server.browser().login(RHYS, TestServer.PASSWORD);
            HttpResponse<String> wrong = server.browser().login(OTHER, "not the password at all 123");
            assertEquals(wrong.statusCode(), old.statusCode(), "the old address signs in nowhere");
            assertEquals(Jsoup.parse(wrong.body()).select(".error-summary").text(),
                    Jsoup.parse(old.body()).select(".error-summary").text());
            TestServer.Browser renewed = server.browser();
            assertEquals(303, renewed.login(NEW, TestServer.PASSWORD, "testschool").statusCode(),
                    "the same password and second factor, with the new address");
            assertEquals(200, renewed.get("/staff/").statusCode());

            // a change of case only is the same person's address
            assertEquals(0, change(server, config, kind, NEW, NEW.toUpperCase(java.util.Locale.ROOT)).exitCode());
            assertTrue(verified(server));
            // behind Polisi's back: an address changed without its event is named by verify
            server.jdbi().useHandle(handle -> handle.execute("UPDATE staff_user SET email = 'x@cluster.example'"
                    + " WHERE id = ?", there));
            assertTrue(!verified(server), "verify names an address changed behind Polisi's back");
        }
    }

    /**
     * Rhys, headteacher at testschool ({@code here}) and safeguarding lead at otherschool ({@code
     * there}), signed in at each in a browser of its own, having viewed an incident report at testschool.
     */
    private record Rhys(long here, long there, String report, TestServer.Browser atHere, TestServer.Browser atOther) {

        static Rhys signedInAtBoth(TestServer server) {
            long here = server.addStaff("testschool", "Rhys Pritchard", RHYS, "headteacher");
            long there = server.addStaff("otherschool", "Rhys Pritchard", RHYS, "safeguarding-lead");
            String report = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "A message on a tablet"))));
            TestServer.Browser atHere = server.browser();
            assertEquals(303, atHere.login(RHYS, TestServer.PASSWORD, "testschool").statusCode());
            assertEquals(200, atHere.get("/staff/submissions/" + report).statusCode(), "a view recorded by him");
            TestServer.Browser atOther = server.browser();
            assertEquals(303, atOther.login(RHYS, TestServer.PASSWORD, "otherschool").statusCode());
            return new Rhys(here, there, report, atHere, atOther);
        }
    }

    private static boolean verified(TestServer server) {
        return AccountCommands.verified(server);
    }

    private static FormsCliTestAccess.Run change(TestServer server, ServerConfig config, TestDatabases.Kind kind,
                                                 String email, String newEmail) {
        return AccountCommands.run(server, config, kind, "change-email", "otherschool", email, "--new-email", newEmail);
    }

    private static FormsCliTestAccess.Run cli(TestServer server, ServerConfig config, TestDatabases.Kind kind,
                                              String command, String school, String email) {
        return AccountCommands.run(server, config, kind, command, school, email);
    }
}
