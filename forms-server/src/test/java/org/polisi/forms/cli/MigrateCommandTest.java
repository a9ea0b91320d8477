package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.retention.ErasureService;
import org.polisi.forms.storage.ChainVerifier;
import org.polisi.forms.storage.Database;

/**
 * Issue 16: {@code forms migrate --from SQLITE_FILE --to JDBC_URL} moves a real SQLite database, with
 * records of every kind, to a real PostgreSQL database: every row of every table arrives as it was,
 * every chain and the signed checkpoints verify on the target, a staff session made before the move
 * still works on a server started on the target, and the target takes new records after the copied ids.
 */
class MigrateCommandTest {

    private static final String HEAD = "head@test.example";
    private static final String OFFICE = "office@test.example";

    /**
     * Every kind of record the server keeps, in two schools, then a checkpoint; returns a live staff
     * session cookie and the urgent report's reference.
     */
    private static String[] recordsOfEveryKind(TestServer server) {
        server.addStaff("testschool", "Heledd Head", HEAD, "headteacher");
        server.addStaff("testschool", "Olwen Office", OFFICE, "office");
        server.addStaff("otherschool", "Gwen Head", "gwen@other.example", "headteacher");
        server.addStaff("testschool", "Gwen Head", "gwen@other.example", "office");   // one person, two schools
        TestServer.Browser parent = server.browser();
        reference(parent.post("/forms/testschool/parent-agreement", form(agreement("cy"))));
        reference(parent.post("/forms/testschool/images-consent", form(consent("en", "Dewi Rees", "given", "refused"))));
        String erased = reference(parent.post("/forms/testschool/images-consent",
                form(consent("cy", "Siân Jones", "given", "given"))));
        String urgent = reference(parent.post("/forms/testschool/incident-report",
                form(incident("en", "immediate-risk", "Someone was hurt"))));
        reference(parent.post("/forms/otherschool/incident-report", form("form-lang", "en", "form-version", "b0f4de80f903",
                "reporter-name", "Other Reporter", "urgent-concern", "none", "what-happened", "At the other school")));
        TestServer.Browser head = server.browser();
        assertEquals(303, head.login(HEAD, TestServer.PASSWORD).statusCode());
        assertEquals(200, head.get("/staff/submissions/" + urgent).statusCode());
        assertEquals(303, head.post("/staff/submissions/" + urgent + "/chronology",
                form("csrf-token", head.csrf(), "kind", "action", "detail", "Parents phoned")).statusCode());
        assertEquals(303, head.post("/staff/roster", form("csrf-token", head.csrf(),
                "roster-text", "Pupil,Class\nDewi Rees,Class 3\n")).statusCode());
        String rejected = reference(parent.post("/forms/testschool/consent-withdrawal",
                form(withdrawing("en", "", "Nobody Known", "all"))));
        reference(parent.post("/forms/testschool/consent-withdrawal", form(withdrawing("en", "", "Dewi Rees", "all"))));
        TestServer.Browser office = server.browser();
        assertEquals(303, office.login(OFFICE, TestServer.PASSWORD).statusCode());
        assertEquals(303, office.post("/staff/submissions/" + rejected + "/reject",
                form("csrf-token", office.csrf(), "reason", "Sent by mistake")).statusCode());
        assertInstanceOf(ErasureService.Outcome.Erased.class, server.erasure().eraseOnRequest("testschool", erased,
                Optional.of("Asked for by the parent"), "test", Instant.now()));
        server.checkpoints().take("command");
        return new String[] {head.cookie("polisi_staff"), urgent};
    }

    private static Map<String, List<Map<String, Object>>> everyRow(Jdbi jdbi, List<String> tables) {
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
        for (String table : tables) {
            rows.put(table, jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM " + table + " ORDER BY 1, 2")
                    .mapToMap().list().stream().map(row -> {
                        Map<String, Object> text = new TreeMap<>();
                        row.forEach((column, value) -> text.put(column, value == null ? null : value.toString()));
                        return text;
                    }).toList()));
        }
        return rows;
    }

    @Test
    void everyRecordMovesToPostgresqlAsItWasAndVerifies(@TempDir Path folder) {
        DatabaseAddress target = TestDatabases.postgresql();
        ServerConfig sqlite = TestServer.settings(folder).load();
        String[] made;
        try (TestServer server = TestServer.start(sqlite, Clock.systemUTC())) {
            made = recordsOfEveryKind(server);
        }
        Jdbi source = Database.open(sqlite.database());
        List<String> tables = source.withHandle(handle -> handle.createQuery("SELECT name FROM sqlite_master "
                + "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history' ORDER BY name")
                .mapTo(String.class).list());
        Map<String, List<Map<String, Object>>> before = everyRow(source, tables);
        for (String table : List.of("submission", "consent_event", "erasure", "erasure_explanation", "incident_view",
                "incident_event", "withdrawal_decision", "staff_person", "staff_user", "staff_account_event", "staff_session",
                "outbox", "roster_pupil", "roster_upload", "submission_name_key", "login_throttle")) {
            assertTrue(!before.get(table).isEmpty() || table.equals("login_throttle"), table + " has rows to move");
        }

        FormsCliTest.Run run = FormsCliTest.run("", "migrate", "--agreed-texts", sqlite.agreedTextsDir().toString(),
                "--from", sqlite.database().file().toString(), "--to", target.jdbcUrl() + "?user=" + target.user());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("copied school otherschool") && run.out().contains("copied school testschool"),
                run.out());
        assertTrue(run.out().contains("checkpoint(s) verified"), "the source's checkpoints hold on the target: " + run.out());
        assertTrue(!run.out().contains("BROKEN"), run.out());

        Jdbi copy = Database.open(target);
        assertEquals(before, everyRow(copy, tables), "every row of every table, as it was");
        assertTrue(new ChainVerifier(copy).verifyAll().stream().allMatch(result -> result.problem().isEmpty()));

        ServerConfig postgres = TestServer.onDatabase(TestServer.settings(folder), target, folder)
                .set("secret-key-file", sqlite.secretKeyFile())
                .set("checkpoint.key-file", sqlite.checkpoints().keyFile())
                .set("checkpoint.log-file", sqlite.checkpoints().logFile()).load();
        try (TestServer moved = TestServer.start(postgres, Clock.systemUTC())) {
            assertEquals(200, moved.browser().get("/staff/submissions/" + made[1], "Cookie", "polisi_staff=" + made[0]).statusCode(),
                    "a session made before the move still works after it");
            reference(moved.browser().post("/forms/testschool/parent-agreement", form(agreement("en"))));
            moved.addStaff("otherschool", "Newydd", "new@other.example", "office");
            moved.addStaff("testschool", "Newydd", "new@other.example", "office");   // people and memberships carry on
            assertTrue(new ChainVerifier(moved.jdbi()).verifyAll().stream().allMatch(result -> result.problem().isEmpty()),
                    "new records follow the copied ones (the ids and chains carry on)");
        }

        FormsCliTest.Run again = FormsCliTest.run("", "migrate", "--from", sqlite.database().file().toString(),
                "--to", target.jdbcUrl() + "?user=" + target.user());
        assertEquals(2, again.exitCode(), again.out());
        assertTrue(again.err().contains("not empty"), again.err());
    }

    @Test
    void aTargetWithOtherTablesOrNotPostgresqlOrNoSourceIsRefusedBeforeAnythingIsWritten(@TempDir Path folder) {
        ServerConfig sqlite = TestServer.settings(folder).load();
        try (TestServer server = TestServer.start(sqlite, Clock.systemUTC())) {
            reference(server.browser().post("/forms/testschool/parent-agreement", form(agreement("en"))));
        }
        String from = sqlite.database().file().toString();
        DatabaseAddress target = TestDatabases.postgresql();
        Jdbi copy = Database.open(target);
        copy.useHandle(handle -> handle.execute("CREATE TABLE not_polisis (id BIGINT)"));

        FormsCliTest.Run otherTables = FormsCliTest.run("", "migrate", "--from", from,
                "--to", target.jdbcUrl() + "?user=" + target.user());
        assertEquals(2, otherTables.exitCode(), otherTables.out() + otherTables.err());
        assertTrue(otherTables.err().contains("tables differ") && otherTables.err().contains("not_polisis"),
                otherTables.err());
        int written = copy.withHandle(handle -> handle.createQuery("SELECT count(*) FROM submission")
                .mapTo(Integer.class).one());
        assertEquals(0, written, "nothing was written");

        FormsCliTest.Run toSqlite = FormsCliTest.run("", "migrate", "--from", from, "--to", folder.resolve("b.db").toString());
        assertEquals(2, toSqlite.exitCode());
        assertTrue(toSqlite.err().contains("must be a PostgreSQL JDBC URL"), toSqlite.err());

        FormsCliTest.Run noSource = FormsCliTest.run("", "migrate", "--from", folder.resolve("none.db").toString(),
                "--to", target.jdbcUrl() + "?user=" + target.user());
        assertEquals(2, noSource.exitCode());
        assertTrue(noSource.err().contains("there is no SQLite database"), noSource.err());
    }
}
