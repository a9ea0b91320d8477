package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

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
import org.polisi.forms.intake.OutboxDao;

/**
 * Tester 7: a person removed from a school ({@code user remove}, ADR 0094) could not be added back
 * there: the one-membership-per-school constraint, and the lookup, still saw the removed row. Now
 * (ADR 0101) the person is added back as a new membership beside the removed one, which stays
 * removed with its records and history; verify stays clean; re-adding works as often as removing;
 * one live membership per person and school still holds, in the database too. A real server and the
 * real command line on both databases; {@code storage.StaffMembershipAddedBackMigrationTest} migrates a
 * database filled before V112.
 */
class AddedBackAfterRemovalTest {

    private static final String RHYS = "rhys@cluster.example";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aRemovedPersonIsAddedBackAsANewMembershipAndTheRemovalStaysOnRecord(TestDatabases.Kind kind,
                                                                             @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            long first = server.addStaff("testschool", "Rhys Pritchard", RHYS, "headteacher");
            String report = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "A message on a tablet"))));
            TestServer.Browser before = server.browser();
            assertEquals(303, before.login(RHYS, TestServer.PASSWORD).statusCode());
            assertEquals(200, before.get("/staff/submissions/" + report).statusCode(), "a view recorded by him");
            assertEquals(0, cli(server, config, kind, "remove", RHYS).exitCode());

            FormsCliTestAccess.Run back = add(server, config, kind, RHYS, "office");
            assertEquals(0, back.exitCode(), back.err());
            assertTrue(!back.out().contains("at another school"), "he has no other school: " + back.out());
            long second = server.membershipId(RHYS, "testschool");
            assertNotEquals(first, second, "a new membership, with its own history");
            assertEquals(1, server.count("SELECT count(*) FROM staff_user WHERE id = " + first
                    + " AND removed_at IS NOT NULL AND disabled = 1"), "the removed one stays removed");
            assertEquals(1, server.count("SELECT count(*) FROM incident_view WHERE staff_user_id = " + first),
                    "its records still name it");
            assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE staff_user_id = " + first
                    + " AND change = 'removed' AND value = 'yes'"), "and its history says it was removed");
            assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE staff_user_id = " + second
                    + " AND change = 'role' AND value = 'office'"));
            assertTrue(AccountCommands.verified(server), "every chain and account verifies");

            // he signs in to his new membership, with the password he had, in its role
            TestServer.Browser after = server.browser();
            assertEquals(303, after.login(RHYS, TestServer.PASSWORD).statusCode());
            assertEquals(200, after.get("/staff/").statusCode());
            assertEquals(404, after.get("/staff/submissions/" + report).statusCode(), "an office account reads no report");
            assertEquals(List.of(), server.jdbi().withExtension(OutboxDao.class,
                    outbox -> outbox.staffEmails("testschool", "headteacher")), "the removed role is sent no alert");

            // one live membership per school: a second is refused, by the command and by the database
            FormsCliTestAccess.Run twice = add(server, config, kind, RHYS, "headteacher");
            assertEquals(2, twice.exitCode());
            assertTrue(twice.err().contains("already has an account at testschool (office)"), twice.err());
            assertThrows(RuntimeException.class, () -> server.jdbi().useHandle(handle -> handle.execute(
                    "INSERT INTO staff_user (school, person_id, name, email, role, created_at)"
                            + " SELECT school, person_id, name, email, role, created_at FROM staff_user WHERE id = ?",
                    second)), "the database keeps one live membership per person and school");
            assertThrows(RuntimeException.class, () -> server.jdbi().useHandle(handle -> handle.execute(
                    "UPDATE staff_user SET removed_at = NULL, disabled = 0 WHERE id = ?", first)),
                    "a removal is never undone");

            // removed and added back again, as often as it happens; each removal stays on record
            assertEquals(0, cli(server, config, kind, "remove", RHYS).exitCode(), "the live one is removed");
            assertEquals(2, cli(server, config, kind, "enable", RHYS).exitCode(), "a removed one is not enabled");
            assertEquals(0, add(server, config, kind, RHYS, "headteacher").exitCode());
            long third = server.membershipId(RHYS, "testschool");
            assertEquals(3, server.count("SELECT count(*) FROM staff_user WHERE school = 'testschool'"
                    + " AND lower(email) = '" + RHYS + "'"));
            assertEquals(2, server.count("SELECT count(*) FROM staff_user WHERE school = 'testschool'"
                    + " AND lower(email) = '" + RHYS + "' AND removed_at IS NOT NULL"));
            assertEquals(List.of(RHYS), server.jdbi().withExtension(OutboxDao.class,
                    outbox -> outbox.staffEmails("testschool", "headteacher")), "the live membership is alerted");
            assertEquals(0, cli(server, config, kind, "disable", RHYS).exitCode(), "the commands name the live one");
            FormsCliTestAccess.Run disabled = add(server, config, kind, RHYS, "office");
            assertEquals(2, disabled.exitCode(), "a disabled membership is enabled, not added again");
            assertTrue(disabled.err().contains("'user enable' gives it back"), disabled.err());
            assertEquals(0, cli(server, config, kind, "enable", RHYS).exitCode());
            assertEquals(third, server.membershipId(RHYS, "testschool"));
            assertTrue(AccountCommands.verified(server), "every chain and account still verifies");
        }
    }

    private static FormsCliTestAccess.Run add(TestServer server, ServerConfig config, TestDatabases.Kind kind,
                                              String email, String role) {
        return FormsCliTestAccess.run("user", "add", "--db", AccountCommands.db(server, config, kind), "--manifests",
                AccountCommands.manifests(), "--school", "testschool", "--email", email, "--name", "Rhys Pritchard",
                "--role", role);
    }

    private static FormsCliTestAccess.Run cli(TestServer server, ServerConfig config, TestDatabases.Kind kind,
                                              String command, String email) {
        return AccountCommands.run(server, config, kind, command, "testschool", email);
    }
}
