package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.storage.ChainProblem;
import org.polisi.forms.storage.ChainVerifier;

/**
 * One person, several schools (issue 25 fault 2, docs/adr/0080), on both databases: one sign-in
 * (address, password, second factor, back-off) and a membership per school with its own role and
 * disabled flag; "Which school?" after sign-in; a change of school without signing in again; and
 * nothing of one school readable from a session at the other, whatever the route or the ids sent.
 */
class MembershipsTest {

    private static final String RHYS = "rhys@cluster.example";
    private static final String TEST_TEXT = "Only the test school knows this";
    private static final String OTHER_TEXT = "Only the other school knows this";

    /** A server with Rhys as headteacher at testschool and safeguarding lead at otherschool, and a record at each. */
    private static final class Cluster implements AutoCloseable {
        final TestServer server;
        final String testIncident;
        final String testConsent;
        final String otherIncident;

        Cluster(Path folder, TestDatabases.Kind kind) {
            server = TestServer.start(TestServer.settings(folder, kind).load(), Clock.systemUTC());
            server.addStaff("testschool", "Rhys Pritchard", RHYS, "headteacher");
            server.addStaff("otherschool", "Rhys Pritchard", RHYS, "safeguarding-lead");
            TestServer.Browser public_ = server.browser();
            testIncident = reference(public_.post("/forms/testschool/incident-report",
                    form(incident("en", "none", TEST_TEXT))));
            testConsent = reference(public_.post("/forms/testschool/images-consent",
                    form(consent("en", "Dewi Rees", "given", "refused"))));
            otherIncident = reference(public_.post("/forms/otherschool/incident-report", form(
                    "form-lang", "en", "form-version", "b0f4de80f903", "reporter-name", "Other Reporter",
                    "urgent-concern", "none", "what-happened", OTHER_TEXT)));
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void oneSignInAsksWhichSchoolAndShowsThatSchoolOnly(TestDatabases.Kind kind, @TempDir Path folder) {
        try (Cluster cluster = new Cluster(folder, kind)) {
            TestServer server = cluster.server;
            assertEquals(1, server.count("SELECT count(*) FROM staff_person WHERE email = '" + RHYS + "'"));
            assertEquals(2, server.count("SELECT count(*) FROM staff_user WHERE email = '" + RHYS + "'"));
            assertEquals(1, server.count("SELECT count(*) FROM staff_second_factor"), "one second factor for the person");

            TestServer.Browser browser = server.browser();
            HttpResponse<String> choice = browser.login(RHYS, TestServer.PASSWORD);
            assertEquals(200, choice.statusCode());
            Document page = Jsoup.parse(choice.body());
            assertEquals("Which school?", page.selectFirst("main fieldset legend h1").text());
            assertEquals(List.of("Test Primary School", "Other Primary School"),
                    page.select("main .radios__label").eachText());
            assertEquals(List.of("Your role there: headteacher", "Your role there: designated safeguarding lead"),
                    page.select("main .radios__hint").eachText());
            assertTrue(page.select("main input[type=radio][checked]").isEmpty(), "nothing chosen for the person");
            assertFalse(choice.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith("polisi_staff=")),
                    "no session before the school is chosen");
            assertEquals(303, browser.get("/staff/").statusCode(), "not signed in yet");

            HttpResponse<String> chosen = browser.chooseSchool(choice,
                    String.valueOf(server.membershipId(RHYS, "otherschool")));
            assertEquals(303, chosen.statusCode());
            assertEquals(200, browser.get("/staff/").statusCode());
            assertTrue(browser.get("/staff/submissions").body().contains(cluster.otherIncident));
            assertFalse(browser.get("/staff/submissions").body().contains(cluster.testIncident));
            assertEquals(404, browser.get("/staff/submissions/" + cluster.testIncident).statusCode());
            assertTrue(browser.get("/staff/").body().contains("Change school"), "the navigation offers the change");

            // the same person's other school, without signing in again: a new session, the old one gone
            String before = browser.cookie("polisi_staff");
            String signedInAt = createdAt(server, server.membershipId(RHYS, "otherschool"));
            HttpResponse<String> switched = browser.switchSchool(RHYS, "testschool");
            assertEquals(signedInAt, createdAt(server, server.membershipId(RHYS, "testschool")),
                    "the 8 hours still count from the sign-in (ADR 0087)");
            assertEquals(303, switched.statusCode());
            String after = browser.cookie("polisi_staff");
            assertNotEquals(before, after, "a new session id for the new school");
            assertEquals(0, server.count("SELECT count(*) FROM staff_session WHERE staff_user_id = "
                    + server.membershipId(RHYS, "otherschool")), "the other school's session ended");
            assertEquals(200, browser.get("/staff/submissions/" + cluster.testIncident).statusCode());
            assertEquals(404, browser.get("/staff/submissions/" + cluster.otherIncident).statusCode());
            assertTrue(browser.get("/staff/consents").body().contains("Dewi Rees"), "the headteacher's consents");

            TestServer.Browser old = server.browser();
            old.setCookie("polisi_staff", before);
            assertEquals(303, old.get("/staff/").statusCode(), "the session of the school left is dead");

            // Welsh: the same choice, in Welsh
            TestServer.Browser welsh = server.browser();
            welsh.get("/staff/login?lang=cy");
            HttpResponse<String> cy = welsh.login(RHYS, TestServer.PASSWORD);
            Document cyPage = Jsoup.parse(welsh.get("/staff/login/school?lang=cy").body());
            assertEquals(200, cy.statusCode());
            assertEquals("Pa ysgol?", cyPage.selectFirst("main fieldset legend h1").text());
            assertEquals("cy", cyPage.selectFirst("html").attr("lang"));
            assertTrue(cyPage.select("main .radios__label").eachText().contains("Ysgol Gynradd Prawf"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aRoleAtOneSchoolGivesNothingAtAnotherWhateverTheRouteOrIds(TestDatabases.Kind kind, @TempDir Path folder) {
        try (Cluster cluster = new Cluster(folder, kind)) {
            TestServer server = cluster.server;
            TestServer.Browser other = server.browser();
            assertEquals(303, other.login(RHYS, TestServer.PASSWORD, "otherschool").statusCode());
            String testId = String.valueOf(server.membershipId(RHYS, "testschool"));
            List<String> leaks = List.of(cluster.testIncident, cluster.testConsent, TEST_TEXT, "Dewi Rees", "Gareth Evans");
            String ref = cluster.testIncident;
            for (String path : List.of("/staff/", "/staff/submissions", "/staff/submissions?form=incident-report",
                    "/staff/submissions?school=testschool", "/staff/submissions/" + ref,
                    "/staff/submissions/" + cluster.testConsent, "/staff/submissions/" + ref + "/erase",
                    "/staff/export.csv", "/staff/export.csv?form=incident-report&school=testschool",
                    "/staff/export.csv?form=images-consent", "/staff/consents", "/staff/consents.csv",
                    "/staff/consents?form=images-consent", "/staff/roster", "/staff/governors", "/staff/signatures",
                    "/staff/signatures.csv", "/staff/people", "/staff/account", "/staff/school")) {
                HttpResponse<String> response = other.get(path);
                for (String leak : leaks) {
                    assertFalse(response.body().contains(leak), path + " shows " + leak + " of the other school");
                }
                assertTrue(response.statusCode() == 200 || response.statusCode() == 403 || response.statusCode() == 404,
                        path + " gave " + response.statusCode());
            }
            for (String path : List.of("/staff/submissions/" + ref + "/erase", "/staff/submissions/" + ref + "/match",
                    "/staff/submissions/" + ref + "/reject", "/staff/submissions/" + ref + "/chronology",
                    "/staff/people", "/staff/people.json")) {
                HttpResponse<String> response = other.post(path, form("csrf-token", other.csrf(), "kind", "note",
                        "detail", "forged", "name", "Dewi Rees", "consent", cluster.testConsent, "confirm", "yes",
                        "reason", "forged reason"));
                // the name searched for is echoed in the search box and the download: what the other school holds is not
                for (String leak : leaks.stream().filter(leak -> !leak.equals("Dewi Rees")).toList()) {
                    assertFalse(response.body().contains(leak), path + " shows " + leak + " of the other school");
                }
                if (response.statusCode() == 200 && path.equals("/staff/people")) {
                    assertTrue(Jsoup.parse(response.body()).select("main table").isEmpty(), "nothing found for " + path);
                }
            }
            assertEquals(0, server.count("SELECT count(*) FROM incident_event"), "nothing was added to the chronology");
            assertEquals(0, server.count("SELECT count(*) FROM submission WHERE erased_at IS NOT NULL"), "nothing erased");
            assertEquals(0, server.count("SELECT count(*) FROM incident_view v JOIN submission s ON s.id = v.submission_id"
                    + " WHERE s.school = 'testschool'"), "no view of the other school's incident was even recorded");

            // a change of school to a membership that is not the person's, or not a number: refused, nothing changes
            String session = other.cookie("polisi_staff");
            for (String forged : List.of(String.valueOf(server.membershipId("nobody@x.example", "testschool")), "",
                    "1 OR 1=1", "99999")) {
                assertEquals(422, other.post("/staff/school", form("csrf-token", other.csrf(), "school", forged))
                        .statusCode(), forged);
            }
            assertEquals(session, other.cookie("polisi_staff"));
            // without the session's token the change is refused (CSRF), and the session stays where it was
            assertEquals(403, other.post("/staff/school", form("school", testId)).statusCode());
            assertEquals(403, other.post("/staff/school", form("csrf-token", "forged", "school", testId)).statusCode());
            assertEquals(404, other.get("/staff/submissions/" + ref).statusCode(), "still at the other school");
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aDisabledMembershipCannotBeChosenAndTheOthersStay(TestDatabases.Kind kind, @TempDir Path folder) {
        try (Cluster cluster = new Cluster(folder, kind)) {
            TestServer server = cluster.server;
            TestServer.Browser atTest = server.browser();
            assertEquals(303, atTest.login(RHYS, TestServer.PASSWORD, "testschool").statusCode());
            TestServer.Browser atOther = server.browser();
            assertEquals(303, atOther.login(RHYS, TestServer.PASSWORD, "otherschool").statusCode());
            TestServer.Browser choosing = server.browser();
            HttpResponse<String> choice = choosing.login(RHYS, TestServer.PASSWORD);
            assertEquals(200, choice.statusCode());

            AccountService accounts = server.accounts();
            assertEquals(1, accounts.setDisabled("otherschool", RHYS, true, "Head (test)"));
            assertEquals(303, atOther.get("/staff/").statusCode(), "the disabled membership's session ended");
            assertEquals(200, atTest.get("/staff/").statusCode(), "the other membership's session stays");
            assertEquals(422, choosing.chooseSchool(choice, String.valueOf(server.membershipId(RHYS, "otherschool")))
                    .statusCode(), "a choice begun before the disabling cannot pick it");
            assertFalse(atTest.get("/staff/").body().contains("Change school"), "one live school: nothing to change to");
            assertEquals(422, atTest.post("/staff/school", form("csrf-token", atTest.csrf(), "school",
                    String.valueOf(server.membershipId(RHYS, "otherschool")))).statusCode());

            // one live membership: signed in to it with no choice to make
            TestServer.Browser again = server.browser();
            HttpResponse<String> signedIn = again.login(RHYS, TestServer.PASSWORD);
            assertEquals(303, signedIn.statusCode());
            assertEquals(200, again.get("/staff/submissions/" + cluster.testIncident).statusCode());

            // the last one disabled: the person cannot sign in, with the words of a wrong password
            accounts.setDisabled("testschool", RHYS, true, "Head (test)");
            HttpResponse<String> refused = server.browser().passwordStep(RHYS, TestServer.PASSWORD);
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("The email address or password is not correct"));
            assertEquals(0, accounts.liveMemberships(RHYS));
            accounts.setDisabled("otherschool", RHYS, false, "Head (test)");
            assertEquals(303, server.browser().login(RHYS, TestServer.PASSWORD).statusCode(),
                    "enabled again: one live membership, no choice");
            assertAllVerify(server);
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void backOffSecondFactorAndPasswordAreThePersons(TestDatabases.Kind kind, @TempDir Path folder) {
        try (Cluster cluster = new Cluster(folder, kind)) {
            TestServer server = cluster.server;
            // one code: accepted once for the person, whichever school is chosen after it
            TestServer.Browser first = server.browser();
            HttpResponse<String> codePage = first.passwordStep(RHYS, TestServer.PASSWORD);
            String code = server.secondFactorCode(RHYS);
            assertEquals(200, first.codeStep(codePage, code).statusCode(), "the code leads to the choice");
            TestServer.Browser replay = server.browser();
            assertEquals(401, replay.codeStep(replay.passwordStep(RHYS, TestServer.PASSWORD), code).statusCode(),
                    "the same code is refused the second time");

            // the back-off is the person's: failures count the same whichever school they were meant for
            TestServer.Browser guesser = server.browser();
            int status = 0;
            for (int i = 0; i < 12 && status != 429; i++) {
                status = guesser.passwordStep(RHYS, "wrong password " + i).statusCode();
            }
            assertEquals(429, status, "the person's sign-ins are slowed");
            assertEquals(1, server.count("SELECT count(*) FROM login_throttle WHERE subject = 'account:" + RHYS + "'"));

            // a new password is the person's: every session at both schools ends; each school's history has it
            server.jdbi().useHandle(handle -> handle.execute("DELETE FROM login_throttle"));   // the wait, over
            TestServer.Browser atTest = server.browser();
            assertEquals(303, atTest.login(RHYS, TestServer.PASSWORD, "testschool").statusCode());
            TestServer.Browser atOther = server.browser();
            assertEquals(303, atOther.login(RHYS, TestServer.PASSWORD, "otherschool").statusCode());
            server.accounts().resetPassword("otherschool", RHYS, "quince harbour lantern meadow", "Head (test)");
            assertEquals(303, atTest.get("/staff/").statusCode());
            assertEquals(303, atOther.get("/staff/").statusCode());
            assertEquals(2, server.count("SELECT count(*) FROM staff_account_event WHERE change = 'password'"
                    + " AND changed_by = 'Head (test)'"), "one event in each school's chain");
            assertEquals(401, server.browser().passwordStep(RHYS, TestServer.PASSWORD).statusCode());
            assertEquals(200, server.browser().passwordStep(RHYS, "quince harbour lantern meadow").statusCode());
            assertAllVerify(server);
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theChoiceIsItsOwnStepWithItsOwnTokenAndNoFixation(TestDatabases.Kind kind, @TempDir Path folder) {
        try (Cluster cluster = new Cluster(folder, kind)) {
            TestServer server = cluster.server;
            String other = String.valueOf(server.membershipId(RHYS, "otherschool"));
            TestServer.Browser browser = server.browser();
            browser.setCookie("polisi_staff", "planted-by-an-attacker");
            HttpResponse<String> choice = browser.login(RHYS, TestServer.PASSWORD);
            assertEquals(200, choice.statusCode());
            // the choice form's anti-forgery token is required (and bound to this browser's sign-in cookie)
            assertEquals(403, browser.post("/staff/login/school", form("school", other)).statusCode());
            assertEquals(403, browser.post("/staff/login/school", form("csrf-token", "forged", "school", other))
                    .statusCode());
            TestServer.Browser stranger = server.browser();
            stranger.get("/staff/login");
            assertEquals(403, stranger.post("/staff/login/school", form("csrf-token",
                    TestServer.hiddenValue(choice.body(), "csrf-token"), "school", other)).statusCode(),
                    "another browser cannot post this browser's choice");
            // a browser with no sign-in under way cannot choose, even with a valid token of its own
            TestServer.Browser fresh = server.browser();
            HttpResponse<String> signIn = fresh.get("/staff/login");
            assertEquals(401, fresh.post("/staff/login/school", form("csrf-token",
                    TestServer.hiddenValue(signIn.body(), "csrf-token"), "school", other)).statusCode());
            // the code step's pending id does not serve the choice step
            TestServer.Browser halfway = server.browser();
            HttpResponse<String> codePage = halfway.passwordStep(RHYS, TestServer.PASSWORD);
            assertEquals(401, halfway.post("/staff/login/school", form("csrf-token",
                    TestServer.hiddenValue(codePage.body(), "csrf-token"), "school", other)).statusCode());
            // nothing chosen: the question again with its error, linked from the summary
            HttpResponse<String> empty = browser.chooseSchool(choice, "");
            assertEquals(422, empty.statusCode());
            Document page = Jsoup.parse(empty.body());
            assertTrue(page.title().startsWith("Error:"), page.title());
            assertEquals("#school--" + server.membershipId(RHYS, "testschool"),
                    page.selectFirst(".error-summary a").attr("href"));

            HttpResponse<String> chosen = browser.chooseSchool(empty, other);
            assertEquals(303, chosen.statusCode());
            String session = browser.cookie("polisi_staff");
            assertNotEquals("planted-by-an-attacker", session);
            assertTrue(session.length() >= 40, session);
            assertEquals(403, browser.chooseSchool(empty, other).statusCode(),
                    "the choice's token died with the sign-in it served");
            assertEquals(session, browser.cookie("polisi_staff"), "and no other session was made");
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void userAddGivesAKnownAddressAMembershipAndTheHistoryAndSearchFollow(TestDatabases.Kind kind,
                                                                           @TempDir Path folder) {
        try (Cluster cluster = new Cluster(folder, kind)) {
            TestServer server = cluster.server;
            AccountService accounts = server.accounts();
            // a second membership at the same school is refused, saying where the address is
            IllegalArgumentException twice = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> accounts.add("testschool", "Rhys P", RHYS.toUpperCase(java.util.Locale.ROOT), "office", null));
            assertTrue(twice.getMessage().contains("already has an account at testschool (headteacher)"),
                    twice.getMessage());
            // each membership's creation is in its own school's chain, with the person's password and factor
            for (String school : List.of("testschool", "otherschool")) {
                long id = server.membershipId(RHYS, school);
                assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE change = 'created'"
                        + " AND staff_user_id = " + id + " AND school = '" + school + "'"), school);
                assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE change = 'second-factor'"
                        + " AND staff_user_id = " + id + " AND school = '" + school + "'"), school);
            }
            assertAllVerify(server);

            // subject access: the person's actions at a school are found by that school's search, the other's not
            TestServer.Browser atTest = server.browser();
            assertEquals(303, atTest.login(RHYS, TestServer.PASSWORD, "testschool").statusCode());
            assertEquals(200, atTest.get("/staff/submissions/" + cluster.testIncident).statusCode());
            HttpResponse<String> found = atTest.post("/staff/people", form("csrf-token", atTest.csrf(),
                    "name", "Rhys Pritchard"));
            assertEquals(200, found.statusCode());
            Document page = Jsoup.parse(found.body());
            assertTrue(page.text().contains(cluster.testIncident), "the view of the incident is found");
            assertTrue(page.text().contains("Test Primary School") || page.text().contains("testschool"));
            assertFalse(page.text().contains(cluster.otherIncident));
            assertFalse(found.body().contains("otherschool"), "the other school's account is not listed here");
        }
    }

    /** When the membership's one session began. */
    private static String createdAt(TestServer server, long membership) {
        return server.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT created_at FROM staff_session WHERE staff_user_id = :id").bind("id", membership)
                .mapTo(String.class).one());
    }

    private static void assertAllVerify(TestServer server) {
        Optional<ChainProblem> problem = new ChainVerifier(server.jdbi()).verifyAll().stream()
                .flatMap(result -> result.problem().stream()).findFirst();
        assertTrue(problem.isEmpty(), problem.toString());
    }
}
