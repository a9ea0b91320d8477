package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

class RateLimitTest {

    @Test
    void aClientThatSubmitsTooFastIsRefusedForAWhile(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 3).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            for (int i = 0; i < 3; i++) {
                assertEquals(303, browser.post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "Parent " + i))).statusCode());
            }
            HttpResponse<String> refused;
            String logged;
            try (org.polisi.forms.LogCapture log = new org.polisi.forms.LogCapture()) {
                refused = browser.post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "One too many")));
                logged = log.text();
            }

            assertEquals(429, refused.statusCode());
            // the page, the log line and Retry-After tell one wait (a tester saw "a few minutes" for a few seconds)
            org.polisi.forms.i18n.WaitTime wait = new org.polisi.forms.i18n.WaitTime(
                    Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()));
            assertTrue(refused.body().contains("Wait " + wait + " and then try again"), refused.body());
            assertTrue(logged.contains("it must wait " + wait), logged);
            HttpResponse<String> welsh = browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("cy"), "parent-name", "Un yn ormod")), "Accept-Language", "cy");
            assertEquals(429, welsh.statusCode());
            assertTrue(welsh.body().contains("Arhoswch " + wait.amount() + " "), welsh.body());
            assertEquals(3, server.count("SELECT count(*) FROM submission"));
        }
    }
}
