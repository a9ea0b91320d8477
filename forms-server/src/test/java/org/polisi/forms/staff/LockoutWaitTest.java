package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.LogCapture;
import org.polisi.forms.MovingClock;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.i18n.WaitTime;

/**
 * A tester's sign-in was throttled: the log said "must wait 1 s", the page "Wait 1 minute". Both
 * now come from one value rounded once ({@link WaitTime}): on a real server whose clock the test
 * moves, every throttled answer's page, log line and {@code Retry-After} tell the same wait, in
 * seconds under a minute and in minutes after, in English and in Welsh.
 */
class LockoutWaitTest {

    /** One throttled answer as the person and the operator see it. */
    private record Told(String page, String log, long retryAfter) {
    }

    private static final Pattern PAGE = Pattern.compile("(?:Wait|Arhoswch) (\\d+) (second|seconds|minute|minutes|eiliad|munud|funud) ");
    private static final Pattern LOG = Pattern.compile("must wait (\\d+ (?:seconds|second|minutes|minute))");

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void thePageTheLogAndRetryAfterTellTheSameWait(TestDatabases.Kind kind, @TempDir Path folder) {
        MovingClock clock = new MovingClock();
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind).load(), clock)) {
            TestServer.Browser browser = server.browser();
            List<Told> told = new ArrayList<>();
            long longest = 0;
            for (int attempt = 0; attempt < 40 && longest < 120; attempt++) {
                String language = told.size() % 4 == 0 ? "en" : "cy"; // every other throttled answer in Welsh
                HttpResponse<String> response;
                String logged;
                try (LogCapture log = new LogCapture()) {
                    String token = TestServer.hiddenValue(browser.get("/staff/login?lang=" + language).body(), "csrf-token");
                    response = browser.post("/staff/login?lang=" + language, form("csrf-token", token,
                            "email", "nobody@test.example", "password", "wrong " + attempt));
                    logged = log.text();
                }
                if (response.statusCode() != 429) {
                    assertEquals(401, response.statusCode());
                    continue;
                }
                String summary = Jsoup.parse(response.body()).selectFirst(".error-summary__list").text();
                long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
                Matcher page = PAGE.matcher(summary);
                Matcher line = LOG.matcher(logged);
                assertTrue(page.find(), summary);
                assertTrue(line.find(), logged);
                told.add(new Told(summary, line.group(1), retryAfter));
                longest = Math.max(longest, retryAfter);
                WaitTime wait = new WaitTime(retryAfter);
                assertEquals(wait.toString(), line.group(1), "the log tells the Retry-After's wait");
                assertEquals(String.valueOf(wait.amount()), page.group(1), "the page tells the log's number: " + summary);
                assertEquals(wait.inMinutes(), List.of("minute", "minutes", "munud", "funud").contains(page.group(2)),
                        "and its unit: " + summary);
                if (wait.inMinutes()) {
                    assertEquals(0, retryAfter % 60, "Retry-After says the whole minutes the page and log tell");
                    clock.advance(Duration.ofSeconds(retryAfter));   // the wait told is long enough
                } else {
                    // next time, a part of a second is left: the wait is rounded up, never down
                    clock.advance(Duration.ofMillis(retryAfter * 1000 - 1500));
                    told.add(secondLook(browser, language, clock));
                    clock.advance(Duration.ofSeconds(2));
                }
            }
            assertTrue(told.stream().anyMatch(each -> each.retryAfter() < 60), "some waits in seconds: " + told);
            assertTrue(told.stream().anyMatch(each -> each.retryAfter() >= 60), "some in minutes: " + told);
            assertTrue(told.stream().anyMatch(each -> each.page().contains("Wait 2 seconds")), told.toString());
            assertTrue(told.stream().anyMatch(each -> each.page().contains("Arhoswch 2 eiliad")), told.toString());
        }
    }

    /** A throttled attempt when 1.5 s of the wait are left: "2 seconds" everywhere. */
    private static Told secondLook(TestServer.Browser browser, String language, MovingClock clock) {
        try (LogCapture log = new LogCapture()) {
            String token = TestServer.hiddenValue(browser.get("/staff/login?lang=" + language).body(), "csrf-token");
            HttpResponse<String> response = browser.post("/staff/login?lang=" + language, form("csrf-token", token,
                    "email", "nobody@test.example", "password", "wrong again"));
            assertEquals(429, response.statusCode());
            String summary = Jsoup.parse(response.body()).selectFirst(".error-summary__list").text();
            assertEquals("2", response.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(log.text().contains("must wait 2 seconds"), log.text());
            assertTrue(summary.contains(language.equals("en") ? "Wait 2 seconds and try again" : "Arhoswch 2 eiliad a"),
                    summary);
            return new Told(summary, "2 seconds", 2);
        }
    }

    @Test
    void aWaitIsRoundedUpOnceToWholeSecondsThenMinutes() {
        assertEquals("1 second", WaitTime.of(Duration.ofMillis(1)).toString());
        assertEquals("2 seconds", WaitTime.of(Duration.ofMillis(1900)).toString(), "the tester's 1.9 s");
        assertEquals("59 seconds", WaitTime.of(Duration.ofSeconds(59)).toString());
        assertEquals("1 minute", WaitTime.of(Duration.ofSeconds(60)).toString());
        assertEquals("2 minutes", WaitTime.of(Duration.ofSeconds(61)).toString(), "never less than the truth");
        assertEquals(120, WaitTime.of(Duration.ofMillis(60_001)).seconds(), "Retry-After says the minutes told");
        assertEquals(120, WaitTime.of(Duration.ofSeconds(66)).seconds(), "a tester's 66 s told as 2 minutes");
        assertEquals(59, WaitTime.of(Duration.ofMillis(58_001)).seconds(), "a part of a second counts as one");
        assertEquals("15 minutes", WaitTime.of(Duration.ofMinutes(15)).toString());
        assertEquals(1, WaitTime.of(Duration.ZERO).seconds(), "a wait is at least a second");
        assertThrows(IllegalArgumentException.class, () -> new WaitTime(0));
    }

    @Test
    void theBundleSaysTheWaitWithItsUnitInBothLanguages() {
        org.polisi.forms.i18n.Messages messages = new org.polisi.forms.i18n.Messages();
        for (Object[] example : new Object[][] {
            {"en", 1, "seconds", "Wait 1 second and try"}, {"en", 45, "seconds", "Wait 45 seconds and try"},
            {"en", 1, "minutes", "Wait 1 minute and try"}, {"en", 15, "minutes", "Wait 15 minutes and try"},
            {"cy", 1, "seconds", "Arhoswch 1 eiliad a"}, {"cy", 2, "seconds", "Arhoswch 2 eiliad a"},
            {"cy", 2, "minutes", "Arhoswch 2 funud a"}, {"cy", 3, "minutes", "Arhoswch 3 munud a"}}) {
            WaitTime wait = new WaitTime(((Integer) example[1]) * ("minutes".equals(example[2]) ? 60L : 1L));
            String text = messages.format((String) example[0], wait.messageKey("login.error.throttled"),
                    wait.messageArguments());
            assertTrue(text.contains((String) example[3]), text);
        }
    }
}
