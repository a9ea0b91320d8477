package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.TestServer.form;

import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestMail;
import org.polisi.forms.TestServer;

/**
 * Issue 23, fault 6: the sign-in tells nothing about which addresses are accounts, failures slow
 * the failing client address (and an account name for browsers new to it) with a back-off that
 * doubles, a stranger cannot lock the account's holder out, and the holder is e-mailed.
 */
class LoginSecrecyTest {

    /** A clock that stands still, so that no back-off runs out while a slow machine runs the test. */
    private static final Clock STILL = Clock.fixed(java.time.Instant.parse("2026-11-30T10:00:00Z"), java.time.ZoneOffset.UTC);

    /** The server behind a proxy, so a test can be many clients through X-Forwarded-For. */
    private static TestServer serverBehindProxy(Path folder, int smtpPort) {
        return TestServer.start(TestServer.settings(folder).set("trust-proxy", true)
                .set("alerts.smtp-host", smtpPort > 0 ? "127.0.0.1" : "").set("alerts.smtp-port", Math.max(smtpPort, 1))
                .set("alerts.smtp-starttls", false).set("alerts.from", "polisi@testschool.example")
                .set("alerts.interval-seconds", 3600).load(), STILL);
    }

    /** One attempt from a client address; returns status and the error summary's text. */
    private static String[] attempt(TestServer.Browser browser, String client, String email, String password) {
        String token = TestServer.hiddenValue(browser.get("/staff/login", "X-Forwarded-For", client).body(), "csrf-token");
        HttpResponse<String> response = browser.post("/staff/login",
                form("csrf-token", token, "email", email, "password", password), "X-Forwarded-For", client);
        var summary = Jsoup.parse(response.body()).selectFirst(".error-summary__list");
        return new String[] {String.valueOf(response.statusCode()), summary == null ? "" : summary.text(),
            response.headers().firstValue("Retry-After").orElse("")};
    }

    @Test
    void anUnknownAddressAWrongPasswordAndAThrottledAccountGetTheSameAnswers(@TempDir Path folder) {
        try (TestServer server = serverBehindProxy(folder, 0)) {
            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            TestServer.Browser browser = server.browser();
            for (int i = 1; i <= 8; i++) {
                String[] known = attempt(browser, "10.0.1." + i, "head@test.example", "wrong password " + i);
                String[] unknown = attempt(browser, "10.0.2." + i, "nobody@test.example", "wrong password " + i);
                assertEquals(known[0], unknown[0], "attempt " + i);
                assertEquals(known[1], unknown[1], "attempt " + i);
                assertEquals(known[2].isEmpty(), unknown[2].isEmpty(), "attempt " + i);
                assertFalse(known[1].toLowerCase(java.util.Locale.ROOT).contains("lock"), known[1]);
                if (i <= 5) {
                    assertEquals("401", known[0], "the first five failures are free");
                }
            }
            String[] throttled = attempt(browser, "10.0.1.99", "head@test.example", TestServer.PASSWORD);
            String[] throttledUnknown = attempt(browser, "10.0.2.99", "nobody@test.example", TestServer.PASSWORD);
            assertEquals("429", throttled[0], "a new browser waits, even with the right password");
            assertEquals(throttled[0], throttledUnknown[0]);
            assertEquals(throttled[1], throttledUnknown[1]);
            assertTrue(Integer.parseInt(throttled[2]) > 0, "Retry-After");
        }
    }

    @Test
    void aStrangerCannotLockTheHeadteacherOut(@TempDir Path folder) {
        try (TestServer server = serverBehindProxy(folder, 0)) {
            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            TestServer.Browser headsBrowser = server.browser();
            assertEquals(303, headsBrowser.login("head@test.example", TestServer.PASSWORD).statusCode());

            TestServer.Browser stranger = server.browser();
            for (int i = 0; i < 40; i++) {
                attempt(stranger, "192.0.2." + i, "head@test.example", "guess " + i);
            }
            // the headteacher's own browser, which signed in before, is not slowed by the stranger
            headsBrowser.post("/staff/logout", form("csrf-token", headsBrowser.csrf()));
            assertEquals(303, headsBrowser.login("head@test.example", TestServer.PASSWORD).statusCode());
            assertEquals(200, headsBrowser.get("/staff/").statusCode());
        }
    }

    @Test
    void aFailingAddressIsSlowedAcrossAccountNamesAndOthersAreNot(@TempDir Path folder) {
        try (TestServer server = serverBehindProxy(folder, 0)) {
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            TestServer.Browser browser = server.browser();
            for (int i = 0; i < 5; i++) {
                assertEquals("401", attempt(browser, "203.0.113.7", "name" + i + "@test.example", "guess")[0]);
            }
            assertEquals("401", attempt(browser, "203.0.113.7", "name5@test.example", "guess")[0], "sixth counted");
            assertEquals("429", attempt(browser, "203.0.113.7", "office@test.example", TestServer.PASSWORD)[0]);
            assertEquals("200", attempt(browser, "203.0.113.8", "office@test.example", TestServer.PASSWORD)[0],
                    "another address gets on to the second factor's page");
        }
    }

    @Test
    void theBackOffDoublesAndIsKeptInTheDatabase(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            LoginThrottle throttle = new LoginThrottle(server.jdbi(), STILL, 5, Duration.ofSeconds(2),
                    Duration.ofMinutes(15));
            assertEquals(Duration.ofSeconds(2), throttle.delay(1));
            assertEquals(Duration.ofSeconds(4), throttle.delay(2));
            assertEquals(Duration.ofSeconds(64), throttle.delay(6));
            assertEquals(Duration.ofMinutes(15), throttle.delay(20));
            assertEquals(Duration.ofMinutes(15), throttle.delay(1000));
            for (int i = 0; i < 7; i++) {
                throttle.fail("address:198.51.100.1");
            }
            assertEquals(Duration.ofSeconds(4), throttle.waitFor("address:198.51.100.1").orElseThrow(),
                    "the seventh failure, the second past the five free ones, waits 2 s doubled once");
        }
        try (TestServer restarted = TestServer.start(folder)) {
            assertEquals(1, restarted.count("SELECT count(*) FROM login_throttle WHERE failures = 7"),
                    "a restart does not reset the back-off");
        }
    }

    @Test
    void theHolderIsEmailedWhenTheBackOffStarts(@TempDir Path folder) throws Exception {
        GreenMail mail = TestMail.start();
        int port = mail.getSmtp().getPort();
        try (TestServer server = serverBehindProxy(folder, port)) {
            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            TestServer.Browser browser = server.browser();
            for (int i = 0; i < 9; i++) {
                attempt(browser, "192.0.2." + i, "head@test.example", "guess " + i);
                attempt(browser, "192.0.2." + (100 + i), "nobody@test.example", "guess " + i);
            }
            assertTrue(mail.waitForIncomingEmail(10_000, 1), "an e-mail");
            Thread.sleep(500);
            var received = mail.getReceivedMessages();
            assertEquals(1, received.length, "one e-mail, when the back-off starts, and none for a name that is no account");
            assertEquals("head@test.example", String.valueOf(received[0].getAllRecipients()[0]));
            String text = new String(received[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("Helen Head") && text.contains("192.0.2.5"), text);
            assertTrue(text.contains("Annwyl \u2068Helen Head\u2069,"), "in Welsh too, the typed name isolated: " + text);
        } finally {
            mail.stop();
        }
    }
}
