package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * Tester 2, finding 8: "Find everything about a person" missed the records that name a member of
 * staff (chronology entries by whom, the reports they viewed, the withdrawals they decided) and the
 * JSON for a reporter left out the report's chronology. Now every table that names a person is
 * searched (PersonSearchCoverageTest keeps that true), on the page and in the download, each only
 * for the roles that may read it: an office account never sees an incident report's chronology.
 */
class PersonPageStaffRecordsTest {

    static final String HOSTILE_ACTION = "Spoke to Olwen Office <script>alert(1)</script> & the class";

    /** The search and the download as the page posts them. */
    private static Document search(TestServer.Browser staff, String path, String name) {
        return Jsoup.parse(staff.post(path, form("csrf-token", staff.csrf(), "name", name)).body());
    }

    private static JsonNode download(TestServer.Browser staff, String name) throws Exception {
        return new ObjectMapper().readTree(staff.post("/staff/people.json",
                form("csrf-token", staff.csrf(), "name", name)).body());
    }

    /** The table under the section heading, or null when the page has no such section. */
    private static Element section(Document page, String heading) {
        return page.select("main h3").stream().filter(each -> each.text().equals(heading)).findFirst()
                .map(each -> each.nextElementSiblings().select("table").first()).orElse(null);
    }

    private static List<String> field(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false).map(each -> each.get(name).asText()).toList();
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void everyRecordThatNamesAMemberOfStaffIsFoundForTheRolesThatMayReadIt(TestDatabases.Kind kind,
                                                                           @TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Osian Ó Briain", "head@test.example", "headteacher");
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            TestServer.Browser parent = server.browser();
            String report = reference(parent.post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Unkind messages in Year 4"))));
            String toErase = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Alys Morgan", "given", "given"))));
            parent.post("/forms/testschool/images-consent", form(consent("en", "Dewi Rees", "given", "given")));
            String request = reference(parent.post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", "", "Dewi Rees", "all"))));

            TestServer.Browser head = server.loggedIn("head@test.example");
            assertEquals(303, head.post("/staff/submissions/" + report + "/chronology",
                    form("csrf-token", head.csrf(), "kind", "action", "detail", HOSTILE_ACTION)).statusCode());
            assertEquals(200, head.get("/staff/submissions/" + report).statusCode());   // recorded as a view
            assertEquals(303, head.post("/staff/roster", form("csrf-token", head.csrf(),
                    "roster-text", "Pupil,Class\nDewi Rees,Class 3\n")).statusCode());
            assertEquals(303, head.post("/staff/submissions/" + toErase + "/erase", form("csrf-token", head.csrf(),
                    "reason", "Asked for by the parent", "confirm", "yes")).statusCode());
            TestServer.Browser office = server.loggedIn("office@test.example");
            assertEquals(303, office.post("/staff/submissions/" + request + "/reject",
                    form("csrf-token", office.csrf(), "reason", "Not the parent")).statusCode());

            // the headteacher, typing the name without accents, finds what Osian did
            Document page = search(head, "/staff/people", "osian o briain");
            Element chronology = section(page, "Incident report chronology");
            assertTrue(chronology != null, page.select("main").text());
            List<String> entry = chronology.select("tbody tr").first().select("td").eachText();
            assertEquals(report, entry.get(0));
            assertTrue(entry.get(2).startsWith("Osian Ó Briain"), entry.get(2));
            assertEquals(HOSTILE_ACTION, entry.get(3), "what staff typed, shown exactly");
            assertTrue(page.select("main script").isEmpty(), "escaped for HTML");
            assertEquals("without accents", entry.get(4), "typed without the accent of Ó");
            assertTrue(section(page, "Incident reports they viewed").text().contains(report));
            assertTrue(section(page, "Submissions they erased").text().contains(toErase));
            assertTrue(section(page, "Rosters they uploaded") != null, "the headteacher's roster upload");
            assertFalse(page.select("main").text().contains("Not searched"), "the page no longer says it misses them");

            JsonNode json = download(head, "Osian Ó Briain");
            assertEquals(List.of(HOSTILE_ACTION), field(json.get("incidentChronology"), "detail"), "JSON keeps it exactly");
            assertEquals(List.of(report), field(json.get("incidentViews"), "reference").stream().distinct().toList());
            assertTrue(field(json.get("incidentViews"), "viewer").get(0).startsWith("Osian Ó Briain <"));
            assertEquals(List.of(toErase), field(json.get("erasures"), "reference"));
            assertEquals(1, json.get("rosterUploads").size());

            // the office may read consents but no incident report, and not the roster
            Document asOffice = search(office, "/staff/people", "Osian Ó Briain");
            assertNull(section(asOffice, "Incident report chronology"), asOffice.select("main").text());
            assertNull(section(asOffice, "Incident reports they viewed"));
            assertFalse(asOffice.select("main").text().contains(report), "no incident report for the office");
            JsonNode officeJson = download(office, "Osian Ó Briain");
            assertEquals(0, officeJson.get("incidentChronology").size());
            assertEquals(0, officeJson.get("incidentViews").size());
            assertEquals(0, officeJson.get("rosterUploads").size());
            assertEquals(0, download(office, "Dewi Rees").get("rosterPupils").size(), "the roster is the headteacher's");
            assertEquals(1, download(head, "Dewi Rees").get("rosterPupils").size());

            // the office's own decision, and the chronology entry that names her (for the headteacher)
            Element decisions = section(search(office, "/staff/people", "Olwen Office"), "Withdrawal requests they decided");
            assertTrue(decisions != null);
            List<String> decision = decisions.select("tbody tr td").eachText();
            assertEquals(List.of(request, "Rejected"), decision.subList(0, 2));
            assertTrue(decision.get(2).startsWith("Olwen Office"), decision.toString());
            assertEquals(List.of(report), field(download(head, "Olwen Office").get("incidentChronology"), "reference"));

            // tester 2: the reporter's download carries the report's chronology
            JsonNode reporter = download(head, "Gareth Evans");
            assertEquals(List.of(report), field(reporter.get("submissions"), "reference"));
            assertEquals(List.of(HOSTILE_ACTION), field(reporter.get("incidentChronology"), "detail"));

            Document welsh = search(head, "/staff/people?lang=cy", "Osian Ó Briain");
            assertTrue(section(welsh, "Cronoleg adroddiadau am ddigwyddiadau") != null, welsh.select("main").text());
            assertTrue(section(welsh, "Adroddiadau am ddigwyddiadau a welwyd ganddo") != null);
            assertFalse(welsh.select("main").text().contains("Heb eu chwilio"));
        }
    }
}
