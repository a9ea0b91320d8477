package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCli;

/**
 * Issue 13: {@link StaffRecords} is the one place that decides what a user may read and records
 * the incident views, for the pages, the CSV export and the command line alike. Each route's answer
 * is checked against the decision StaffRecords gives for the same user, and each channel's views
 * against the record it leaves, on a real server and database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffRecordsTest {

    private static final Instant EVER_FROM = Instant.EPOCH;
    private static final Instant EVER_TO = Instant.parse("9999-12-31T00:00:00Z");

    TestServer server;
    StaffRecords records;
    String incidentReference;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
        Map.of("head", "headteacher", "safe", "safeguarding-lead", "office", "office").forEach((who, role) ->
                server.addStaff("testschool", "Staff " + who, who + "@test.example", role));
        incidentReference = reference(server.browser().post("/forms/testschool/incident-report",
                form(incident("en", "none", "Rhys was pushed"))));
        reference(server.browser().post("/forms/testschool/images-consent", form(consent("en", "Dewi Rees", "given",
                "refused"))));
        records = server.staffRecords();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private StaffUser user(String email) {
        return server.staffUser(email);
    }

    private static int status(StaffRecords.Decision<?> decision) {
        return decision instanceof StaffRecords.Decision.Granted<?> ? 200
                : decision instanceof StaffRecords.Decision.Forbidden<?> ? 403 : 404;
    }

    private int views(String channel) {
        return server.count("SELECT count(*) FROM incident_view v JOIN submission s ON s.id = v.submission_id"
                + " WHERE s.reference = '" + incidentReference + "' AND v.channel = '" + channel + "'");
    }

    @Test
    void everyStaffRouteAnswersAsStaffRecordsDecides() {
        for (String email : List.of("head@test.example", "safe@test.example", "office@test.example")) {
            StaffUser user = user(email);
            TestServer.Browser browser = server.loggedIn(email);
            Map<String, StaffRecords.Decision<?>> decisions = Map.of(
                    "/staff/consents", records.consentForms(user),
                    "/staff/governors", records.governorSummary(user),
                    "/staff/submissions?form=incident-report",
                    records.submissions(user, Optional.of("incident-report"), EVER_FROM, EVER_TO),
                    "/staff/submissions?form=images-consent",
                    records.submissions(user, Optional.of("images-consent"), EVER_FROM, EVER_TO),
                    "/staff/export.csv?form=incident-report",
                    records.submissions(user, Optional.of("incident-report"), EVER_FROM, EVER_TO),
                    "/staff/export.csv?form=images-consent",
                    records.submissions(user, Optional.of("images-consent"), EVER_FROM, EVER_TO));
            decisions.forEach((path, decision) ->
                    assertEquals(status(decision), browser.get(path).statusCode(), email + " " + path));
        }
        // the decisions themselves: each role as RecordAccess says
        assertInstanceOf(StaffRecords.Decision.Forbidden.class, records.consentForms(user("safe@test.example")));
        assertInstanceOf(StaffRecords.Decision.Forbidden.class, records.governorSummary(user("office@test.example")));
        assertInstanceOf(StaffRecords.Decision.Forbidden.class, records.csvExport(user("office@test.example"),
                Optional.of("incident-report"), EVER_FROM, EVER_TO));
        assertInstanceOf(StaffRecords.Decision.Granted.class, records.consentForms(user("office@test.example")));
    }

    @Test
    void theCsvExportRecordsEachIncidentViewAndARefusalRecordsNone() {
        int before = views("csv");
        assertEquals(403, server.loggedIn("office@test.example").get("/staff/export.csv?form=incident-report")
                .statusCode());
        assertEquals(before, views("csv"), "a refused export views nothing");
        assertEquals(200, server.loggedIn("safe@test.example").get("/staff/export.csv?form=incident-report")
                .statusCode());
        assertEquals(before + 1, views("csv"));
        // the list of submissions shows no content, so it is no view
        int pages = views("page");
        assertEquals(200, server.loggedIn("safe@test.example").get("/staff/submissions").statusCode());
        assertEquals(pages, views("page"));
    }

    @Test
    void theCommandLineExportsAreDecidedAndRecordedByStaffRecords() {
        String db = server.database.toString();
        String manifests = TestServer.fixture().resolve("manifests").toString();
        int before = views("command-line");
        assertEquals(2, cli("export", "--db", db, "--manifests", manifests, "--school", "nosuchschool"));
        assertEquals(2, cli("export", "--db", db, "--manifests", manifests, "--school", "testschool", "--form", "nope"));
        assertEquals(before, views("command-line"), "a refused export views nothing");
        assertEquals(0, cli("export", "--db", db, "--manifests", manifests, "--school", "testschool"));
        assertEquals(before + 1, views("command-line"));
        assertEquals(0, cli("export", "--db", db, "--manifests", manifests, "--person", "Rhys"));
        assertEquals(before + 2, views("command-line"));
        String viewer = server.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT viewer FROM incident_view WHERE channel = 'command-line' ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        assertEquals("command line (" + System.getProperty("user.name") + ")", viewer);
        // and the same call as the command line makes, directly: granted, and recorded
        assertInstanceOf(StaffRecords.Decision.Granted.class,
                records.commandLineExport("testschool", Optional.of("incident-report"), "tester"));
        assertEquals(before + 3, views("command-line"));
        assertTrue(records.commandLinePersonExport("Rhys", "tester").count() > 0);
        assertEquals(before + 4, views("command-line"));
    }

    private static int cli(String... args) {
        PrintStream originalOut = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return FormsCli.commandLine().execute(args);
        } finally {
            System.setOut(originalOut);
        }
    }
}
