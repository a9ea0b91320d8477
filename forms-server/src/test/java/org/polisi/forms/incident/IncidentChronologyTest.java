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
import org.polisi.forms.storage.RecordChainVerifier;
import org.polisi.forms.storage.RecordChains;
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

    private static TestServer.Browser signedIn(TestServer server, String email, String role) {
        server.addStaff("testschool", "Gwen " + role, email, role);
        TestServer.Browser staff = server.browser();
        staff.login(email, TestServer.PASSWORD);
        return staff;
    }

    private static String report(TestServer server, String whatHappened) {
        return reference(server.browser().post("/forms/testschool/incident-report",
                form(incident("en", "none", whatHappened))));
    }

    @Test
    void staffAddActionsAndChangeTheStatusAndEveryEntryIsChained(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            String reference = report(server, "A message on a tablet");
            TestServer.Browser lead = signedIn(server, "lead@testschool.example", "safeguarding-lead");
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
            assertEquals("Gwen safeguarding-lead <lead@testschool.example>", rows.get(0).get(1));
            assertEquals("Tablet taken out of use; parents phoned", rows.get(0).get(2));
            assertEquals("Status changed to Closed", rows.get(2).get(2));

            long id = server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT id FROM submission WHERE reference = :r").bind("r", reference).mapTo(Long.class).one());
            List<IncidentEvent> events = new IncidentChronology(server.jdbi(), null).of("testschool", id).value();
            assertEquals(List.of(1L, 2L, 3L), events.stream().map(IncidentEvent::reportSeq).toList());
            assertEquals(List.of(), server.jdbi().withHandle(handle -> RecordChainVerifier.walkSchool(handle,
                    RecordChains.INCIDENT_EVENT, "testschool")).problem().stream().toList());
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
            String reference = report(server, "A message on a tablet");
            TestServer.Browser lead = signedIn(server, "lead@testschool.example", "safeguarding-lead");
            HttpResponse<String> empty = add(lead, reference, "action", "  ");
            assertEquals(422, empty.statusCode());
            assertTrue(empty.body().contains("Describe what was done"), empty.body());
            assertEquals(422, add(lead, reference, "status", "solved").statusCode());
            assertEquals(422, add(lead, reference, "keep-until", "2031-02-30").statusCode());
            // a day that has passed would lift the legal hold at once; yesterday too, and in Welsh
            HttpResponse<String> past = add(lead, reference, "keep-until", "2020-01-01");
            assertEquals(422, past.statusCode());
            assertTrue(past.body().contains("a day that has already passed"), past.body());
            String yesterday = java.time.LocalDate.now(org.polisi.forms.i18n.Dates.SCHOOL_TIME).minusDays(1).toString();
            HttpResponse<String> pastWelsh = lead.post("/staff/submissions/" + reference + "/chronology?lang=cy",
                    form("csrf-token", lead.csrf(), "kind", "keep-until", "detail", yesterday));
            assertEquals(422, pastWelsh.statusCode());
            assertTrue(pastWelsh.body().contains("wedi mynd heibio"), pastWelsh.body());
            // the service's own rule, which append() applies whoever calls it
            org.junit.jupiter.api.Assertions.assertFalse(IncidentChronology.keepUntilAllowed(yesterday, java.time.Instant.now()));
            assertTrue(IncidentChronology.keepUntilAllowed(" " + java.time.LocalDate.now(
                    org.polisi.forms.i18n.Dates.SCHOOL_TIME) + " ", java.time.Instant.now()));
            HttpResponse<String> welsh = lead.post("/staff/submissions/" + reference + "/chronology?lang=cy",
                    form("csrf-token", lead.csrf(), "kind", "keep-until", "detail", "someday"));
            assertTrue(welsh.body().contains("Rhowch ddyddiad go iawn"), welsh.body());
            assertEquals(403, lead.post("/staff/submissions/" + reference + "/chronology",
                    form("csrf-token", "forged", "kind", "status", "detail", "closed")).statusCode());

            TestServer.Browser office = signedIn(server, "office@testschool.example", "office");
            assertEquals(404, add(office, reference, "status", "closed").statusCode(), "not the office's to know of");
            assertEquals(0, server.count("SELECT count(*) FROM incident_event"));
        }
    }

    @Test
    void theGovernorsSummaryCountsOpenActionedAndClosedReportsByMonth(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            List<String> references = List.of(report(server, "One"), report(server, "Two"), report(server, "Tri"));
            TestServer.Browser head = signedIn(server, "head@testschool.example", "headteacher");
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


    /**
     * Issue 23: a row inserted behind the server's back (the triggers stop only changes and
     * deletions) fails the chain, so the report's page shows neither it nor a status it sets, says
     * why, and the governors' counts keep the verified status too.
     */
    @Test
    void theChronologyShowsOnlyVerifiedEntries(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            String reference = report(server, "A message on a tablet");
            TestServer.Browser lead = signedIn(server, "lead@testschool.example", "safeguarding-lead");
            assertEquals(303, add(lead, reference, "action", "Parents phoned").statusCode());
            server.jdbi().useHandle(handle -> handle.execute("""
                    INSERT INTO incident_event (school, submission_id, report_seq, kind, detail, staff_user_id,
                        recorded_by, recorded_at, salt, content_hash, seq, prev_hash, hash)
                    SELECT 'testschool', id, 2, 'status', 'closed', NULL, 'Nobody <forged@example>',
                        '2026-01-01T00:00:00.000Z', 'aa', 'bb', 2, 'forged', 'forged'
                    FROM submission WHERE reference = ?""", reference));
            Document page = Jsoup.parse(lead.get("/staff/submissions/" + reference).body());
            assertEquals("Status: Open", page.selectFirst(".incident-status").text(), "the forged status is not used");
            List<String> rows = page.select("h2#chronology ~ table").first().select("tbody tr").eachText();
            assertEquals(1, rows.size(), rows.toString());
            assertTrue(rows.get(0).contains("Parents phoned"));
            assertTrue(!page.text().contains("forged@example"), "the forged entry is not shown");
            assertTrue(page.selectFirst("[role=alert]").text().contains("fails its check from entry 2 on"),
                    page.outerHtml());
            Document welsh = Jsoup.parse(lead.get("/staff/submissions/" + reference + "?lang=cy").body());
            assertTrue(welsh.selectFirst("[role=alert]").text().contains("o gofnod 2 ymlaen"), welsh.outerHtml());

            TestServer.Browser head = signedIn(server, "head@testschool.example", "headteacher");
            Document summary = Jsoup.parse(head.get("/staff/governors").body());
            List<String> counts = summary.select("h2:contains(by month and status) + table tbody tr").first()
                    .select("td").eachText();
            assertEquals(List.of("1", "0", "0"), counts.subList(1, 4).stream()
                    .map(count -> count.isEmpty() ? "0" : count).toList(), summary.outerHtml());
        }
    }

    /** Erasing a report (retention or a request) removes the words of its actions too; the entries stay. */
    @Test
    void erasingAReportErasesItsActionsWordsAndKeepsTheEntries(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            String reference = report(server, "A message on a tablet");
            TestServer.Browser head = signedIn(server, "head@testschool.example", "headteacher");
            add(head, reference, "action", "Spoke to Alys Morgan's parents");
            add(head, reference, "status", "closed");
            String today = java.time.LocalDate.now(org.polisi.forms.i18n.Dates.SCHOOL_TIME).toString();
            add(head, reference, "keep-until", today); // its legal hold ends with today
            org.junit.jupiter.api.Assertions.assertInstanceOf(org.polisi.forms.retention.ErasureService.Outcome.Erased.class,
                    server.erasure().eraseOnRequest("testschool", reference,
                            java.util.Optional.of("Kept as long as the policy says"), "Head <head@testschool.example>",
                            java.time.Instant.now().plus(java.time.Duration.ofDays(2))));
            assertEquals(List.of("", "closed", today), server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT detail FROM incident_event ORDER BY seq").mapTo(String.class).list()));
            assertEquals(List.of(), server.jdbi().withHandle(handle -> RecordChainVerifier.walkSchool(handle,
                    RecordChains.INCIDENT_EVENT, "testschool")).problem().stream().toList(), "erasure keeps the chain whole");
        }
    }
}
