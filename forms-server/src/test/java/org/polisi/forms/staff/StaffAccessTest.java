package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAccessTest {

    static final List<String> STAFF_PAGES = List.of("/staff/", "/staff/submissions",
            "/staff/submissions/AAAAAAAA", "/staff/export.csv", "/staff/consents", "/staff/governors");

    TestServer server;
    String incidentReference;
    String otherSchoolIncident;
    String agreementReference;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
        server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
        server.addStaff("testschool", "Sam Safe", "safe@test.example", "safeguarding-lead");
        server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
        server.addStaff("otherschool", "Other Safe", "safe@other.example", "safeguarding-lead");
        TestServer.Browser public_ = server.browser();
        incidentReference = reference(public_.post("/forms/testschool/incident-report",
                form(incident("en", "none", "=HYPERLINK(\"http://evil\",\"click\")"))));
        agreementReference = reference(public_.post("/forms/testschool/parent-agreement", form(agreement("en"))));
        reference(public_.post("/forms/testschool/images-consent", form(consent("cy", "Dewi Rees", "given", "refused"))));
        otherSchoolIncident = reference(public_.post("/forms/otherschool/incident-report", form(
                "form-lang", "en", "form-version", "b0f4de80f903", "reporter-name", "Other Reporter",
                "urgent-concern", "none", "what-happened", "At the other school")));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private TestServer.Browser loggedIn(String email) {
        TestServer.Browser browser = server.browser();
        assertEquals(303, browser.login(email, TestServer.PASSWORD).statusCode());
        return browser;
    }

    @Test
    void everyStaffPageSendsAVisitorWithoutALoginToTheLoginPage() {
        for (String page : STAFF_PAGES) {
            HttpResponse<String> response = server.browser().get(page);
            assertEquals(303, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElseThrow().startsWith("/staff/login"), page);
        }
        assertEquals(403, server.browser().post("/staff/submissions/" + agreementReference + "/erase",
                form("csrf-token", "x")).statusCode());
    }

    @Test
    void theLoginSessionCookieIsHttpOnlyAndStrict() {
        TestServer.Browser browser = server.browser();
        HttpResponse<String> response = browser.login("head@test.example", TestServer.PASSWORD);
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("polisi_staff=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/staff"),
                cookie);
    }

    @Test
    void aLoginWithoutTheFormsTokenIsRefused() {
        HttpResponse<String> response = server.browser().post("/staff/login",
                form("email", "head@test.example", "password", TestServer.PASSWORD));
        assertEquals(403, response.statusCode());
    }

    @Test
    void aStaffActionWithoutTheSessionsTokenIsRefused() {
        TestServer.Browser head = loggedIn("head@test.example");
        assertEquals(403, head.post("/staff/logout", form("csrf-token", "forged")).statusCode());
        assertEquals(403, head.post("/staff/submissions/" + agreementReference + "/erase", form()).statusCode());
        assertEquals(200, head.get("/staff/").statusCode(), "still logged in");
        assertEquals(303, head.post("/staff/logout", form("csrf-token", head.csrf())).statusCode());
        assertEquals(303, head.get("/staff/").statusCode(), "logged out");
    }

    @Test
    void theWrongRoleCannotReadAnIncident() {
        TestServer.Browser office = loggedIn("office@test.example");
        // a record the role may not read is "not found", as one that does not exist (no existence oracle)
        assertEquals(404, office.get("/staff/submissions/" + incidentReference).statusCode());
        assertEquals(403, office.get("/staff/submissions?form=incident-report").statusCode());
        assertEquals(403, office.get("/staff/export.csv?form=incident-report").statusCode());
        assertEquals(403, office.get("/staff/governors").statusCode());
        assertFalse(office.get("/staff/submissions").body().contains(incidentReference));

        TestServer.Browser safeguarding = loggedIn("safe@test.example");
        assertEquals(404, safeguarding.get("/staff/submissions/" + agreementReference).statusCode());
        assertEquals(403, safeguarding.get("/staff/consents").statusCode());
        assertEquals(403, safeguarding.post("/staff/submissions/" + agreementReference + "/erase",
                form("csrf-token", safeguarding.csrf())).statusCode());
    }

    @Test
    void theRightRoleReadsAnIncidentAndTheViewIsRecorded() {
        TestServer.Browser safeguarding = loggedIn("safe@test.example");
        HttpResponse<String> page = safeguarding.get("/staff/submissions/" + incidentReference);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("=HYPERLINK"));
        assertTrue(page.body().contains("Sam Safe &lt;safe@test.example&gt;"), "the view is listed on the page");

        TestServer.Browser head = loggedIn("head@test.example");
        assertEquals(200, head.get("/staff/submissions/" + incidentReference).statusCode());
        List<String> viewers = server.jdbi().withHandle(handle -> handle.createQuery("""
                SELECT v.viewer FROM incident_view v JOIN submission s ON s.id = v.submission_id
                WHERE s.reference = :reference ORDER BY v.id""").bind("reference", incidentReference)
                .mapTo(String.class).list());
        assertTrue(viewers.containsAll(List.of("Sam Safe <safe@test.example>", "Helen Head <head@test.example>")),
                viewers.toString());
    }

    @Test
    void staffSeeOnlyTheirOwnSchool() {
        TestServer.Browser other = loggedIn("safe@other.example");
        assertEquals(404, other.get("/staff/submissions/" + incidentReference).statusCode());
        assertFalse(other.get("/staff/submissions").body().contains(incidentReference));
        assertTrue(other.get("/staff/submissions").body().contains(otherSchoolIncident));

        TestServer.Browser head = loggedIn("head@test.example");
        assertEquals(404, head.get("/staff/submissions/" + otherSchoolIncident).statusCode());
        assertFalse(head.get("/staff/export.csv").body().contains("At the other school"));
    }

    @Test
    void theCsvExportIsSafeToOpenInASpreadsheet() {
        TestServer.Browser safeguarding = loggedIn("safe@test.example");
        HttpResponse<String> csv = safeguarding.get("/staff/export.csv?form=incident-report");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().matches("text/csv; ?charset=utf-8"));
        assertTrue(csv.body().contains("'=HYPERLINK"), csv.body());
        assertFalse(csv.body().contains(",=HYPERLINK"));
        assertFalse(csv.body().contains("\"=HYPERLINK"));
    }

    @Test
    void theCsvGivesTheUtcInstantLabelledAndTheUkTimeWithItsOffset() {
        String[] lines = loggedIn("safe@test.example").get("/staff/export.csv?form=incident-report").body()
                .replace("\uFEFF", "").split("\r\n");
        assertTrue(lines[0].startsWith("Reference,\"Received (UTC, ISO 8601)\",Received (UK time),"), lines[0]);
        assertTrue(lines[1].matches("^[A-Z0-9]+,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z,"
                + "\"\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d \\+0[01]:00\",.*"), lines[1]);
    }

    @Test
    void theGovernorsSummaryCountsWithoutNames() {
        TestServer.Browser head = loggedIn("head@test.example");
        HttpResponse<String> page = head.get("/staff/governors");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Cyberbullying"));
        assertFalse(page.body().contains("Gareth Evans"));
        assertFalse(page.body().contains("HYPERLINK"));
        assertFalse(page.body().contains(incidentReference));
    }

    @Test
    void staffPagesComeInWelsh() {
        TestServer.Browser head = loggedIn("head@test.example");
        HttpResponse<String> page = head.get("/staff/?lang=cy");
        assertTrue(page.body().contains("<html lang=\"cy\">"));
        assertTrue(page.body().contains("Ffurflenni a dderbyniwyd"));
        assertTrue(head.get("/staff/consents").body().contains("Rwy'n rhoi caniatâd"), "the choice is remembered");
    }
}
