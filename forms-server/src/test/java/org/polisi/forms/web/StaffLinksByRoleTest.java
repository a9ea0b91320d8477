package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polisi.forms.TestServer;
import org.polisi.forms.staff.StaffArea;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffUser;

/**
 * Issue 13: a tester found that the school office saw dashboard links that then answered 403. A
 * member of staff is shown only the links and actions their role may use, as {@link StaffRecords}
 * decides: for each role, every link reachable from the dashboard (in both languages) answers 200,
 * the navigation lists exactly the pages {@link StaffRecords#mayOpen} allows, each of those answers
 * 200 and each of the others 403, and a record page opens exactly when
 * {@link StaffRecords#mayOpenRecord} says so (and is "not found" otherwise, as a record that does not exist).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffLinksByRoleTest {

    /** Each role's account, by role. */
    private static final Map<String, String> ROLES = Map.of("headteacher", "head@test.example",
            "safeguarding-lead", "safe@test.example", "online-safety-coordinator", "online@test.example",
            "office", "office@test.example");

    TestServer server;
    StaffRecords records;
    final List<String> references = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
        ROLES.forEach((role, email) -> server.addStaff("testschool", "Staff " + role, email, role));
        TestServer.Browser parent = server.browser();
        references.add(reference(parent.post("/forms/testschool/parent-agreement", form(agreement("en")))));
        String photos = reference(parent.post("/forms/testschool/images-consent",
                form(consent("en", "Dewi Rees", "given", "refused"))));
        references.add(photos);
        references.add(reference(parent.post("/forms/testschool/incident-report",
                form(incident("en", "immediate-risk", "Rhys was pushed")))));
        // a withdrawal with the reference (it changes the consent: the consent's history links to it)
        references.add(reference(parent.post("/forms/testschool/consent-withdrawal",
                form(withdrawing("en", photos, "Dewi Rees", "all")))));
        // and one without: a request that waits for a match, listed on the dashboard and the consents page
        references.add(reference(parent.post("/forms/testschool/consent-withdrawal",
                form(withdrawing("en", "", "Dewi Rees", "all")))));
        records = server.staffRecords();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"headteacher", "safeguarding-lead", "online-safety-coordinator", "office"})
    void theNavigationListsOnlyThePagesTheRoleMayOpen(String role) {
        StaffUser user = server.staffUser(ROLES.get(role));
        TestServer.Browser staff = server.loggedIn(ROLES.get(role));
        List<String> allowed = new ArrayList<>();
        for (StaffArea area : StaffArea.values()) {
            int status = staff.get(area.path()).statusCode();
            assertEquals(records.mayOpen(user, area) ? 200 : 403, status, role + " " + area.path());
            if (status == 200) {
                allowed.add(area.path());
            }
        }
        for (String language : List.of("en", "cy")) {
            Document dashboard = Jsoup.parse(staff.get("/staff/?lang=" + language).body());
            assertEquals(allowed, dashboard.select("nav.staff-nav li > a").eachAttr("href"), role + " (" + language + ")");
        }
    }

    /** Each area's export, where it has one: it opens exactly when its page does (a tester's fault: signatures 200, CSV 403). */
    private static final Map<StaffArea, String> EXPORTS = Map.of(StaffArea.SUBMISSIONS, "/staff/export.csv",
            StaffArea.CONSENTS, "/staff/consents.csv?form=images-consent",
            StaffArea.SIGNATURES, "/staff/signatures.csv?form=parent-agreement");

    @ParameterizedTest
    @ValueSource(strings = {"headteacher", "safeguarding-lead", "online-safety-coordinator", "office"})
    void anAreasPageItsExportAndTheDashboardMakeOneDecision(String role) {
        StaffUser user = server.staffUser(ROLES.get(role));
        TestServer.Browser staff = server.loggedIn(ROLES.get(role));
        for (StaffArea area : StaffArea.values()) {
            int page = staff.get(area.path()).statusCode();
            assertEquals(records.mayOpen(user, area) ? 200 : 403, page, role + " " + area.path());
            if (EXPORTS.containsKey(area)) {
                assertEquals(page, staff.get(EXPORTS.get(area)).statusCode(), role + " " + EXPORTS.get(area));
            }
        }
        // the dashboard says the role reads no form exactly when the pages of records are closed to it
        boolean readsNone = Jsoup.parse(staff.get("/staff/?lang=en").body()).text()
                .contains("Your role does not give you access to any of this school’s forms");
        for (StaffArea area : List.of(StaffArea.SUBMISSIONS, StaffArea.PEOPLE)) {
            assertEquals(!readsNone, records.mayOpen(user, area), role + " " + area);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"headteacher", "safeguarding-lead", "online-safety-coordinator", "office"})
    void everyLinkTheRoleIsShownOpens(String role) {
        TestServer.Browser staff = server.loggedIn(ROLES.get(role));
        Map<String, Integer> refused = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of("/staff/?lang=en", "/staff/?lang=cy"));
        while (!toVisit.isEmpty() && seen.size() < 200) {
            String path = toVisit.removeFirst();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> response = staff.get(path);
            if (response.statusCode() != 200) {
                refused.put(path, response.statusCode());
                continue;
            }
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue; // a CSV export: it opened
            }
            URI here = URI.create(server.url(path));
            for (String href : Jsoup.parse(response.body()).select("a[href]").eachAttr("href")) {
                URI target = here.resolve(href);
                String local = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                if (target.getPort() == server.port() && target.getRawPath().startsWith("/staff/") && !seen.contains(local)) {
                    toVisit.addLast(local);
                }
            }
        }
        assertEquals(Map.of(), refused, role + ": every link shown opens");
        assertTrue(seen.size() > 10, role + " followed " + seen);
        StaffUser user = server.staffUser(ROLES.get(role));
        if (references.stream().anyMatch(reference -> records.mayOpenRecord(user, reference))) {
            assertTrue(seen.stream().anyMatch(path -> path.startsWith("/staff/submissions/")),
                    role + " reached a record from its links: " + seen);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"headteacher", "safeguarding-lead", "online-safety-coordinator", "office"})
    void aRecordOpensExactlyWhenStaffRecordsSaysItMay(String role) {
        StaffUser user = server.staffUser(ROLES.get(role));
        TestServer.Browser staff = server.loggedIn(ROLES.get(role));
        int open = 0;
        for (String reference : references) {
            boolean may = records.mayOpenRecord(user, reference);
            // a record the role may not read answers 404, as a reference that does not exist (no existence oracle)
            assertEquals(may ? 200 : 404, staff.get("/staff/submissions/" + reference).statusCode(), role + " " + reference);
            open += may ? 1 : 0;
        }
        assertTrue(open > 0 || !role.equals("headteacher"), "the headteacher opens every record");
        assertEquals(false, records.mayOpenRecord(user, "NO-SUCH-REFERENCE"));
    }
}
