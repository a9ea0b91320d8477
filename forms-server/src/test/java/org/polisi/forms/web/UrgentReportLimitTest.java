package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * The 23:40 tester, fault 1: after 11 junk posts from one address, an incident report marked
 * {@code urgent-concern=immediate-risk} was refused with 429 "Wait 18 seconds", nothing recorded and
 * no safety advice. Junk is counted apart from forms; an urgent report is never held back by the
 * per-address limit; and any refusal of a post to an incident form carries the form's urgent
 * guidance (the school's own steps, tell the named roles now) in the form's language.
 */
class UrgentReportLimitTest {

    private static final String INCIDENT = "/forms/testschool/incident-report";

    private static void junk(TestServer.Browser browser, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(400, browser.post(INCIDENT, "junk", "Content-Type", "text/plain").statusCode());
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void junkFromAnAddressNeverUsesUpTheAllowanceOfItsRealForms(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind)
                .set("rate-limit.submissions", 3).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            junk(browser, 2);
            assertEquals(404, browser.post("/forms/testschool/no-such-form", form(agreement("en"))).statusCode());
            // the tester's repro: junk past the limit, then a report that is not urgent: still taken
            assertEquals(429, browser.post(INCIDENT, "junk", "Content-Type", "text/plain").statusCode(),
                    "junk has a limit of its own");
            assertEquals(303, browser.post(INCIDENT, form(incident("en", "none", "A pupil found a game site"))).statusCode());
            assertEquals(1, server.count("SELECT count(*) FROM submission"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anUrgentReportIsRecordedOverTheLimitFromAPageAndFromAScript(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind)
                .set("rate-limit.submissions", 2).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            for (int i = 0; i < 2; i++) {
                assertEquals(303, browser.post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "Parent " + i))).statusCode());
            }
            assertEquals(429, browser.post(INCIDENT, form(incident("en", "none", "Not urgent"))).statusCode(),
                    "the limit still holds a report that is not urgent");
            HttpResponse<String> urgent = browser.post(INCIDENT, form(incident("cy", "immediate-risk", "Plentyn mewn perygl")));
            assertEquals(303, urgent.statusCode(), urgent.body());
            HttpResponse<String> confirmation = browser.get(urgent.headers().firstValue("Location").orElseThrow());
            assertTrue(confirmation.body().contains("PEIDIWCH AG OEDI"), confirmation.body());
            HttpResponse<String> script = browser.post(INCIDENT, "{\"form-id\":\"incident-report\",\"form-lang\":\"en\","
                    + "\"form-version\":\"" + org.polisi.forms.Submissions.version("en", 3) + "\",\"reporter-name\":\"Gareth\","
                    + "\"category\":\"other\",\"urgent-concern\":\"illegal-content\",\"what-happened\":\"Images\"}",
                    "Content-Type", "application/json");
            assertEquals(201, script.statusCode(), script.body());
            assertEquals(2, server.count("SELECT count(*) FROM submission WHERE form_id = 'incident-report'"));
            assertEquals(0, server.count("SELECT count(*) FROM submission WHERE form_id = 'incident-report' AND urgent = 0"));
        }
    }

    /** Every refusal page of a post to an incident form (429, 413, 403, 400) says what to do now, in the form's language. */
    @Test
    void everyRefusalOfAnIncidentPostCarriesTheUrgentGuidance(@TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder)
                .set("rate-limit.submissions", 1).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            assertEquals(303, browser.post(INCIDENT, form(incident("en", "none", "First"))).statusCode());
            String welshPage = server.url("/testschool/cy/incident-report.html");

            HttpResponse<String> tooMany = browser.post(INCIDENT, form(incident("cy", "none", "Ail")));
            assertEquals(429, tooMany.statusCode());
            assertGuidance(tooMany, "cwestiynau arweiniol", "person diogelu dynodedig");

            HttpResponse<String> tooLarge = browser.post(INCIDENT, form(incident("en", "none", "x".repeat(2_000_000))),
                    "Referer", welshPage);
            assertEquals(413, tooLarge.statusCode());
            assertGuidance(tooLarge, "cwestiynau arweiniol", "person diogelu dynodedig");

            HttpResponse<String> foreign = browser.post(INCIDENT, form(incident("en", "none", "x")),
                    "Origin", "http://evil.example");
            assertEquals(403, foreign.statusCode());
            assertGuidance(foreign, "leading questions", "designated safeguarding lead");

            HttpResponse<String> notAForm = browser.post(INCIDENT, "junk", "Content-Type", "text/plain",
                    "Referer", welshPage);
            assertEquals(400, notAForm.statusCode());
            assertGuidance(notAForm, "cwestiynau arweiniol", "person diogelu dynodedig");

            HttpResponse<String> junkOverItsLimit = browser.post(INCIDENT, "junk", "Content-Type", "text/plain");
            assertEquals(429, junkOverItsLimit.statusCode());
            assertGuidance(junkOverItsLimit, "leading questions", "designated safeguarding lead");

            HttpResponse<String> json = browser.post(INCIDENT, "[1]", "Content-Type", "application/json");
            assertEquals(429, json.statusCode());
            assertTrue(json.body().contains("leading questions"), "a script is given the guidance too: " + json.body());

            HttpResponse<String> otherForm = browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "x")), "Origin", "http://evil.example");
            assertEquals(403, otherForm.statusCode());
            assertFalse(otherForm.body().contains("leading questions"), "only an incident form's refusals carry it");
        }
    }

    private static void assertGuidance(HttpResponse<String> page, String step, String role) {
        Document html = Jsoup.parse(page.body());
        String guidance = html.select(".urgent-instructions").text();
        assertTrue(guidance.contains(step), page.body());
        assertTrue(guidance.toLowerCase(java.util.Locale.ROOT).contains(role.toLowerCase(java.util.Locale.ROOT)),
                guidance);
    }
}
