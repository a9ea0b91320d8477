package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Tester 2, finding 12 (the server's part): the governors' summary counted an incident of 30 November
 * reported on 1 December in December, and showed the catch-all option as "Something else (describe it
 * below)". Reports are now counted by the incident's date where the form asks for one (and each row
 * says which month it is), and the catch-all is named "Something else", in English and Welsh.
 */
class GovernorSummaryTest {

    private static final String REPORTER = "{\"name\": \"reporter-name\", \"type\": \"name\"";
    private static final String OTHER_EN = "{\"en\": \"Something else\", \"cy\": \"Rhywbeth arall\"}";

    /** The fixture's incident form with an optional date of the incident, and the catch-all's note. */
    private static TestServer server(Path folder) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path file = manifests.resolve("testschool.json");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int incident = text.indexOf("\"id\": \"incident-report\"");
        int reporter = text.indexOf(REPORTER, incident);
        assertTrue(incident > 0 && reporter > incident && text.contains(OTHER_EN), "the fixture is as expected");
        String dated = text.substring(0, reporter) + "{\"name\": \"date\", \"type\": \"date\", \"required\": false, "
                + "\"label\": {\"en\": \"Date of the incident\", \"cy\": \"Dyddiad y digwyddiad\"}, \"options\": [], "
                + "\"statements\": []},\n        " + text.substring(reporter);
        Files.writeString(file, dated.replace(OTHER_EN, "{\"en\": \"Something else (describe it below)\", "
                + "\"cy\": \"Rhywbeth arall (disgrifiwch ef isod)\"}"), StandardCharsets.UTF_8);
        return TestServer.start(TestServer.settings(folder).set("manifest-dir", manifests).load(),
                Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void reportsAreCountedInTheMonthOfTheIncidentWhereTheyGiveItAndSaySo(@TempDir Path folder) throws IOException {
        try (TestServer server = server(folder)) {
            server.addStaff("testschool", "Nia Head", "head@testschool.example", "headteacher");
            String[] report = with(incident("en", "none", "Unkind messages"), "category", "other");
            reference(server.browser().post("/forms/testschool/incident-report", form(with(report, "date", "2026-11-30"))));
            reference(server.browser().post("/forms/testschool/incident-report", form(with(report, "date", "2026-11-02"))));
            reference(server.browser().post("/forms/testschool/incident-report", form(with(report, "date", ""))));
            TestServer.Browser head = server.loggedIn("head@testschool.example");

            List<List<String>> rows = rows(head.get("/staff/governors?lang=en").body());
            assertEquals(List.of(
                    List.of("November 2026 (month of the incident)", "Something else", "2"),
                    List.of("December 2026 (month received)", "Something else", "1")),
                    rows, rows.toString());

            List<List<String>> welsh = rows(head.get("/staff/governors?lang=cy").body());
            assertEquals("Rhywbeth arall", welsh.get(0).get(1), welsh.toString());
            assertTrue(welsh.get(0).get(0).startsWith("Tachwedd 2026"), welsh.toString());
            assertFalse(welsh.toString().contains("disgrifiwch"), welsh.toString());
        }
    }

    /** Month, category and count of each row of the first table (the form's title left out). */
    private static List<List<String>> rows(String page) {
        return Jsoup.parse(page).select("table").first().select("tbody tr").stream()
                .map(row -> row.select("td, th").eachText())
                .map(cells -> List.of(cells.get(0), cells.get(2), cells.get(3))).toList();
    }
}
