package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.LogCapture;
import org.polisi.forms.MovingClock;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * A tester's fault: a rate-limited form post logged "it must wait 2 minutes" while its
 * {@code Retry-After} said 66 seconds. Every 429 of a form post (the form's page, a script's JSON)
 * tells one wait, rounded once: the header, the page and the log line say the same number.
 */
class FormPostWaitTest {

    private static final String AGREEMENT = "/forms/testschool/parent-agreement";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theHeaderThePageAndTheLogTellOneWait(TestDatabases.Kind kind, @TempDir Path folder) {
        MovingClock clock = new MovingClock();
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind)
                .set("rate-limit.submissions", 2).set("rate-limit.window-minutes", 10).load(), clock)) {
            TestServer.Browser browser = server.browser();
            for (int i = 0; i < 2; i++) {
                assertEquals(303, browser.post(AGREEMENT, form(with(agreement("en"), "parent-name", "Parent " + i)))
                        .statusCode());
            }
            clock.advance(Duration.ofSeconds(54));   // 9 minutes 6 seconds left of the window
            HttpResponse<String> page;
            String pageLog;
            try (LogCapture log = new LogCapture()) {
                page = browser.post(AGREEMENT, form(with(agreement("en"), "parent-name", "One too many")));
                pageLog = log.text();
            }
            assertEquals(429, page.statusCode());
            assertEquals("600", page.headers().firstValue("Retry-After").orElseThrow(),
                    "10 minutes, as the page and the log say, never 546 seconds");
            assertTrue(Jsoup.parse(page.body()).text().contains("Wait 10 minutes"), page.body());
            assertTrue(pageLog.contains("it must wait 10 minutes"), pageLog);

            clock.advance(Duration.ofSeconds(500));   // 46 seconds left: told in seconds, to the second
            HttpResponse<String> json;
            String jsonLog;
            try (LogCapture log = new LogCapture()) {
                json = browser.post(AGREEMENT, "{\"form-id\":\"parent-agreement\",\"website\":\"http://spam.example\"}",
                        "Content-Type", "application/json");   // a filled honeypot: what the limit is for
                jsonLog = log.text();
            }
            assertEquals(429, json.statusCode());
            assertEquals("46", json.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(jsonLog.contains("it must wait 46 seconds"), jsonLog);
        }
    }
}
