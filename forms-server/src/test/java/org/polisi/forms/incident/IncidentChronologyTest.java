package org.polisi.forms.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Issue 14, "staff act on incidents": an incident report's chronology of actions (what, by whom, when),
 * its status open, actioned or closed as chained events that cannot be changed or removed, and the
 * governors' summary counting open and closed reports by month.
 */
class IncidentChronologyTest {

    private static HttpResponse<String> add(TestServer.Browser staff, String reference, String kind, String detail) {
        return staff.post("/staff/submissions/" + reference + "/chronology",
                form("csrf-token", staff.csrf(), "kind", kind, "detail", detail));
    }

    @Test
    void staffAddActionsAndChangeTheStatusAndEveryEntryIsChained(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            String reference = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "A message on a tablet"))));
            TestServer.Browser lead = server.browser();
            lead.login("lead@testschool.example", TestServer.PASSWORD);
            Document before = Jsoup.parse(lead.get("/staff/submissions/" + reference).body());
            assertEquals("Status: Open", before.selectFirst(".incident-status").text());

            assertEquals(303, add(lead, reference, "action", "Tablet taken out of use; parents phoned").statusCode());
            assertEquals(303, add(lead, reference, "status", "actioned").statusCode());
            assertEquals(303, add(lead, reference, "status", "closed").statusCode());

            Document after = Jsoup.parse(lead.get("/staff/submissions/" + reference).body());
            assertEquals("Status: Closed", after.selectFirst(".incident-status").text());
            List<List<String>> rows = after.select("h2#chronology ~ table").first().select("tbody tr").stream()
                    .map(row -> row.select("td").eachText()).toList();
            assertEquals(3, rows.size(), after.outerHtml());
            assertEquals("Gwen Safeguarding <lead@testschool.example>", rows.get(0).get(1));
            assertEquals("Tablet taken out of use; parents phoned", rows.get(0).get(2));
            assertEquals("Status changed to Closed", rows.get(2).get(2));

            long id = server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT id FROM submission WHERE reference = :r").bind("r", reference).mapTo(Long.class).one());
            List<IncidentEvent> events = new IncidentChronology(server.jdbi(), null).of(id);
            assertTrue(IncidentChronology.intact(events));
            assertEquals(List.of(1L, 2L, 3L), events.stream().map(IncidentEvent::seq).toList());
            for (String change : List.of("DELETE FROM incident_event", "UPDATE incident_event SET detail = 'open'"
                    + " WHERE kind = 'status'", "UPDATE incident_event SET detail = '' WHERE kind = 'action'")) {
                try {
                    server.jdbi().useHandle(handle -> handle.execute(change));
                    throw new AssertionError("not refused: " + change);
                } catch (RuntimeException refused) {
                    assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused.getMessage());
                }
            }
        }
    }

    @Test
    void aBrokenOrForgedEntryIsRefusedInBothLanguagesAndOthersMayNotWrite(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            server.addStaff("testschool", "Olwen Office", "office@testschool.example", "office");
            String reference = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "A message on a tablet"))));
            TestServer.Browser lead = server.browser();
            lead.login("lead@testschool.example", TestServer.PASSWORD);
            HttpResponse<String> empty = add(lead, reference, "action", "  ");
            assertEquals(422, empty.statusCode());
            assertTrue(empty.body().contains("Describe what was done"), empty.body());
            assertEquals(422, add(lead, reference, "status", "solved").statusCode());
            assertEquals(422, add(lead, reference, "keep-until", "2031-02-30").statusCode());
            HttpResponse<String> welsh = lead.post("/staff/submissions/" + reference + "/chronology?lang=cy",
                    form("csrf-token", lead.csrf(), "kind", "keep-until", "detail", "someday"));
            assertTrue(welsh.body().contains("Rhowch ddyddiad go iawn"), welsh.body());
            assertEquals(403, lead.post("/staff/submissions/" + reference + "/chronology",
                    form("csrf-token", "forged", "kind", "status", "detail", "closed")).statusCode());

            TestServer.Browser office = server.browser();
            office.login("office@testschool.example", TestServer.PASSWORD);
            assertEquals(403, add(office, reference, "status", "closed").statusCode());
            assertEquals(0, server.count("SELECT count(*) FROM incident_event"));
        }
    }

    @Test
    void theGovernorsSummaryCountsOpenActionedAndClosedReportsByMonth(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaff("testschool", "Eleri Head", "head@testschool.example", "headteacher");
            List<String> references = List.of(
                    reference(server.browser().post("/forms/testschool/incident-report", form(incident("en", "none", "One")))),
                    reference(server.browser().post("/forms/testschool/incident-report", form(incident("en", "none", "Two")))),
                    reference(server.browser().post("/forms/testschool/incident-report", form(incident("cy", "none", "Tri")))));
            TestServer.Browser head = server.browser();
            head.login("head@testschool.example", TestServer.PASSWORD);
            add(head, references.get(0), "status", "closed");
            add(head, references.get(1), "status", "actioned");
            Document summary = Jsoup.parse(head.get("/staff/governors").body());
            List<String> row = summary.select("h2:contains(by month and status) + table tbody tr").first()
                    .select("td").eachText();
            assertEquals(List.of("1", "1", "1"), row.subList(1, 4), summary.outerHtml());
            assertTrue(!summary.text().contains("One") && !summary.text().contains("Tri"), "counts only");
            Document welsh = Jsoup.parse(head.get("/staff/governors?lang=cy").body());
            assertTrue(welsh.text().contains("Adroddiadau am ddigwyddiadau fesul mis a statws"), welsh.text());
        }
    }

}
