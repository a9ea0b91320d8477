package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.export.PersonSearch;
import org.polisi.forms.export.SubjectAccessExport;

/** "Find everything about a person": the subject access export's result, for the forms a role may read. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonPageTest {

    TestServer server;
    String agreement;
    String consentForm;
    String incidentReport;

    @BeforeAll
    void start(@TempDir Path folder) {
        server = TestServer.start(folder);
        TestServer.Browser parent = server.browser();
        agreement = reference(parent.post("/forms/testschool/parent-agreement",
                form(with(agreement("cy"), "parent-name", "Áine Ní Bhriain"))));
        consentForm = reference(parent.post("/forms/testschool/images-consent",
                form(consent("en", "Aine Ni Bhriain", "given", "refused"))));
        incidentReport = reference(parent.post("/forms/testschool/incident-report",
                form(incident("en", "none", "Messages sent to ÁINE NÍ BHRIAIN in Year 4."))));
        server.addStaff("testschool", "Nia Head", "head@testschool.example", "headteacher");
        server.addStaff("testschool", "Olwen Office", "office@testschool.example", "office");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** The search as the page's form posts it, with the session's anti-forgery token. */
    private static HttpResponse<String> search(TestServer.Browser browser, String path, String name) {
        return browser.post(path, form("csrf-token", browser.csrf(), "name", name));
    }

    @Test
    void theHeadteacherSeesWhatTheExportFindsWithHowEachRecordMatched() throws Exception {
        TestServer.Browser head = server.loggedIn("head@testschool.example");
        HttpResponse<String> response = search(head, "/staff/people", "Aine Ni Bhriain");
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        Element forms = page.select("main table").first();
        List<String> found = forms.select("tbody tr").stream()
                .map(row -> row.select("td").get(0).text() + " " + row.select("td").get(3).text()).toList();
        assertEquals(List.of(agreement + " without accents", consentForm + " exactly", incidentReport + " without accents"),
                found);

        String export = SubjectAccessExport.write(new PersonSearch(server.jdbi()).find("Aine Ni Bhriain",
                PersonSearch.Scope.everything()), Instant.EPOCH);
        JsonNode exported = new ObjectMapper().readTree(export);
        JsonNode downloaded = new ObjectMapper().readTree(search(head, "/staff/people.json", "Aine Ni Bhriain").body());
        assertEquals(exported.get("submissions"), downloaded.get("submissions"), "the page's download is the export");
        assertEquals(exported.get("consentEvents"), downloaded.get("consentEvents"));
        assertEquals(2, downloaded.get("consentEvents").size());

        assertTrue(server.count("SELECT count(*) FROM incident_view v JOIN submission s ON s.id = v.submission_id"
                + " WHERE s.reference = '" + incidentReport + "' AND v.channel = 'search'") >= 2,
                "listing an incident report, on the page or in the download, is recorded as a view");
    }

    @Test
    void theOfficeSeesOnlyTheFormsItsRoleMayReadAndNoStaffAccounts() {
        TestServer.Browser office = server.loggedIn("office@testschool.example");
        Document page = Jsoup.parse(search(office, "/staff/people", "Áine Ní Bhriain").body());
        String main = page.select("main").text();
        assertTrue(main.contains(consentForm), main);
        assertFalse(main.contains(agreement), "the agreement is the headteacher's to read");
        assertFalse(main.contains(incidentReport), "the incident report is the safeguarding lead's");

        Document staffSearch = Jsoup.parse(search(office, "/staff/people", "Olwen Office").body());
        assertTrue(staffSearch.select("main").text().contains("Nothing searched here mentions"), staffSearch.text());
        // tester 2, finding 8: the page says what is searched, and no longer that the chronology is not
        assertTrue(staffSearch.select("main").text().contains("entries of an incident report’s chronology that they "
                + "recorded or that name them"), staffSearch.select("main").text());
        assertFalse(staffSearch.select("main").text().contains("Not searched"), staffSearch.select("main").text());
        Document asHead = Jsoup.parse(search(server.loggedIn("head@testschool.example"), "/staff/people", "olwen office").body());
        assertTrue(asHead.select("main").text().contains("office@testschool.example"), "the headteacher sees staff accounts");
    }

    @Test
    void thePageIsInWelshWithASearchBoxAndATooShortQueryIsSaidSo() {
        TestServer.Browser head = server.loggedIn("head@testschool.example");
        Document welsh = Jsoup.parse(search(head, "/staff/people?lang=cy", "Áine Ní Bhriain").body());
        assertEquals("cy", welsh.selectFirst("html").attr("lang"));
        assertEquals("Dod o hyd i bopeth am unigolyn", welsh.selectFirst("h1").text());
        assertTrue(welsh.select("main").text().contains("yn union"), welsh.select("main").text());
        Element box = welsh.getElementById("person--name");
        assertEquals("search", box.attr("type"));
        assertEquals("Áine Ní Bhriain", box.val());
        assertEquals("Enw", welsh.selectFirst("label[for=person--name]").text());

        Document tooShort = Jsoup.parse(search(head, "/staff/people?lang=en", " A\u200B ").body());
        assertTrue(tooShort.getElementById("person--name--error").text().contains("Enter at least two letters"));
        assertTrue(tooShort.select("main table").isEmpty());
        assertTrue(tooShort.select("header a[href=/staff/people]").size() == 1, "the staff navigation links the page");
    }

    @Test
    void withoutASessionOrItsTokenNothingIsSearched() {
        assertEquals(303, server.browser().get("/staff/people").statusCode(), "to the login page");
        assertEquals(403, server.browser().post("/staff/people", form("name", "Áine")).statusCode());
        TestServer.Browser head = server.loggedIn("head@testschool.example");
        assertEquals(403, head.post("/staff/people.json", form("csrf-token", "forged", "name", "Áine")).statusCode());
        assertEquals(200, head.get("/staff/people").statusCode());
    }
}
