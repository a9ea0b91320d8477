package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.TestServer.form;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.staff.SecondFactor;

/**
 * A tester asked for a staff page, signed in, and landed on the dashboard instead. The sign-in now
 * returns to the staff page asked for, through the second factor's page and a change of language,
 * and to nowhere else: no address off this server, in any spelling, is ever followed.
 */
class ReturnAfterSignInTest {

    /** Every spelling of "somewhere else" a tester tries; each must land on the dashboard. */
    static final List<String> ELSEWHERE = List.of("//evil.example/staff/", "/\\evil.example", "/staff/\\\\evil.example",
            "https://evil.example/staff/", "http:/evil.example", "/%2F%2Fevil.example", "/staff/%2f%2fevil.example",
            "/staff/%5c%5cevil.example", "/staff/..//evil.example", "/staff/../../evil", "/staff/%2e%2e/x",
            "/staff/\t/evil.example", "/\t/evil.example", "/staff/\n/x", "/staff/ x", "javascript:alert(1)",
            "/staff/login", "/staff/logout", "/staff/x#@evil.example", "/staffevil", "/staff/\u2215\u2215evil.example",
            "/staff/?a=%zz", "", " /staff/");

    /** A staff page with a query, in Welsh: what a tester asked for before signing in. */
    static final String ASKED = "/staff/submissions?form=incident-report&lang=cy";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void signingInReturnsToThePageAskedForThroughTheSecondFactor(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            TestServer.Browser browser = server.browser();
            String asked = ASKED;
            HttpResponse<String> refused = browser.get(asked);
            assertEquals(303, refused.statusCode());
            String signIn = refused.headers().firstValue("Location").orElseThrow();
            assertEquals("/staff/login?lang=cy&next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8), signIn);

            // the language toggle keeps it too
            String english = Jsoup.parse(browser.get(signIn).body()).selectFirst("a[hreflang=en]").attr("href");
            assertTrue(english.contains("next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8)), english);

            HttpResponse<String> signedIn = browser.loginFrom(signIn, "head@test.example", TestServer.PASSWORD);
            assertEquals(303, signedIn.statusCode(), signedIn.body());
            assertEquals(asked, signedIn.headers().firstValue("Location").orElseThrow(), "through the second factor");
            assertEquals(200, browser.get(asked).statusCode());

            // already signed in, the sign-in page sends the browser straight there
            assertEquals(asked, browser.get(signIn).headers().firstValue("Location").orElseThrow());
        }
    }

    /**
     * Issue 20 (left-over): a headteacher without a second factor asked for a page, signed in, set
     * the second factor up, and landed on the dashboard. The page asked for now rides through the
     * set-up: its address, a wrong code's re-shown form, and the "continue" link after the codes.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aRoleThatMustSetUpASecondFactorFirstComesBackToThePageAskedFor(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaffWithoutSecondFactor("testschool", "Dafydd Lead", "dsl@test.example", "safeguarding-lead");
            TestServer.Browser browser = server.browser();
            String asked = ASKED;
            String encoded = URLEncoder.encode(asked, StandardCharsets.UTF_8);
            String signIn = browser.get(asked).headers().firstValue("Location").orElseThrow();
            HttpResponse<String> signedIn = browser.loginFrom(signIn, "dsl@test.example", TestServer.PASSWORD);
            assertEquals(303, signedIn.statusCode(), signedIn.body());
            String account = signedIn.headers().firstValue("Location").orElseThrow();
            assertEquals("/staff/account?next=" + encoded, account, "the set-up keeps the page asked for");

            // any other staff page asked for before the set-up is done is kept the same way
            assertEquals("/staff/account?next=" + URLEncoder.encode("/staff/consents?class=3", StandardCharsets.UTF_8),
                    browser.get("/staff/consents?class=3").headers().firstValue("Location").orElseThrow());
            assertEquals("/staff/account", browser.get("/staff/").headers().firstValue("Location").orElseThrow(),
                    "the dashboard needs no return address");

            Document page = Jsoup.parse(browser.get(account).body());
            String action = page.selectFirst("main form[method=post]").attr("action");
            assertEquals("/staff/account/second-factor?next=" + encoded, action);
            String csrf = TestServer.hiddenValue(page.outerHtml(), "csrf-token");
            String key = page.getElementById("second-factor-key").text().replace(" ", "");

            HttpResponse<String> wrong = browser.post(action, form("csrf-token", csrf, "code", "000000"));
            assertEquals(422, wrong.statusCode());
            assertEquals(action, Jsoup.parse(wrong.body()).selectFirst("main form[method=post]").attr("action"),
                    "a wrong code's page keeps it");

            SecondFactor codes = server.secondFactor();
            long step = Math.floorDiv(java.time.Instant.now().getEpochSecond(), 30);
            HttpResponse<String> done = browser.post(action, form("csrf-token", csrf, "code", codes.codeFor(key, step)));
            assertEquals(200, done.statusCode(), done.body());
            Document recovery = Jsoup.parse(done.body());
            assertEquals(10, recovery.select(".recovery-codes code").size());
            assertEquals(asked, recovery.selectFirst("main p a[href^=/staff/]").attr("href"),
                    "the way on is the page asked for");
            assertEquals(200, browser.get(asked).statusCode());
        }
    }

    @Test
    void noOtherAddressIsFollowedThroughTheSecondFactorsSetUp(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaffWithoutSecondFactor("testschool", "Helen Head", "head@test.example", "headteacher");
            for (String elsewhere : ELSEWHERE) {
                TestServer.Browser browser = server.browser();
                String signIn = "/staff/login?lang=en&next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8);
                HttpResponse<String> signedIn = browser.loginFrom(signIn, "head@test.example", TestServer.PASSWORD);
                assertEquals("/staff/account", signedIn.headers().firstValue("Location").orElseThrow(), elsewhere);
                // and asked for straight, the set-up page neither carries nor follows it
                String page = browser.get("/staff/account?next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8))
                        .body();
                assertFalse(page.contains("evil.example"), "not carried on the page: " + elsewhere);
                assertEquals("/staff/account/second-factor",
                        Jsoup.parse(page).selectFirst("main form[method=post]").attr("action"), elsewhere);
            }
        }
    }

    /** Through the second factor's code page too: the code step's form carries only a valid page, and follows no other. */
    @Test
    void noOtherAddressIsFollowedThroughTheCodeStep(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            // ten sign-ins: the account's authenticator holds three time steps and ten recovery codes
            for (String elsewhere : ELSEWHERE.subList(0, 10)) {
                TestServer.Browser browser = server.browser();
                String signIn = "/staff/login?lang=en&next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8);
                String page = browser.get(signIn).body();
                HttpResponse<String> codePage = browser.post(Jsoup.parse(page).selectFirst("main form[method=post]")
                        .attr("action"), form("csrf-token", TestServer.hiddenValue(page, "csrf-token"),
                        "email", "head@test.example", "password", TestServer.PASSWORD));
                assertEquals(200, codePage.statusCode(), elsewhere);
                String action = Jsoup.parse(codePage.body()).selectFirst("main form[method=post]").attr("action");
                assertFalse(codePage.body().contains("evil.example") || action.contains("next="), action);
                HttpResponse<String> signedIn = browser.post(action, form("csrf-token",
                        TestServer.hiddenValue(codePage.body(), "csrf-token"), "code", server.secondFactorCode("head@test.example")));
                assertEquals("/staff/", signedIn.headers().firstValue("Location").orElseThrow(), elsewhere);
            }
        }
    }

    @Test
    void aRecordAskedForBeforeSigningInIsShownAfter(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            String reference = org.polisi.forms.Submissions.reference(server.browser().post(
                    "/forms/testschool/parent-agreement", form(org.polisi.forms.Submissions.agreement("en"))));
            TestServer.Browser browser = server.browser();
            String signIn = browser.get("/staff/submissions/" + reference).headers().firstValue("Location").orElseThrow();
            HttpResponse<String> signedIn = browser.loginFrom(signIn, "head@test.example", TestServer.PASSWORD);
            assertEquals("/staff/submissions/" + reference, signedIn.headers().firstValue("Location").orElseThrow());
        }
    }

    @Test
    void noOtherAddressIsEverFollowed(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaffWithoutSecondFactor("testschool", "Olwen Office", "office@test.example", "office");
            for (String elsewhere : ELSEWHERE) {
                TestServer.Browser browser = server.browser();
                String signIn = "/staff/login?lang=en&next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8);
                String page = browser.get(signIn).body();
                assertFalse(page.contains("evil.example"), "not carried on the page: " + elsewhere);
                HttpResponse<String> signedIn = browser.loginFrom(signIn, "office@test.example", TestServer.PASSWORD);
                assertEquals(303, signedIn.statusCode());
                assertEquals("/staff/", signedIn.headers().firstValue("Location").orElseThrow(), "for " + elsewhere);
            }
            // a staff page asked for with a POST is not returned to (it would be sent again as a GET)
            HttpResponse<String> post = server.browser().post("/staff/people", form("name", "Nia"));
            assertEquals(403, post.statusCode());
        }
    }

    @Test
    void onlyRelativePathsUnderStaffAreAccepted() {
        for (String elsewhere : ELSEWHERE) {
            assertEquals(Optional.empty(), ReturnPath.of(elsewhere), elsewhere);
        }
        for (String staffPage : List.of("/staff/", "/staff/submissions", "/staff/submissions/ABCD2345",
                "/staff/submissions?form=incident-report&from=2026-01-01", "/staff/consents?class=Class%203&lang=cy",
                "/staff/people", "/staff/account")) {
            assertEquals(Optional.of(staffPage), ReturnPath.of(staffPage), staffPage);
        }
        assertEquals(Optional.empty(), ReturnPath.of(null));
        assertEquals(Optional.empty(), ReturnPath.of("/staff/" + "a".repeat(2000)), "not without bound");
    }
}
