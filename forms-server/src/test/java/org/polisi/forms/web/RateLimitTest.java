package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
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
            HttpResponse<String> refused = browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "One too many")));

            assertEquals(429, refused.statusCode());
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) > 0);
            assertTrue(refused.body().contains("Wait a few minutes"));
            assertEquals(3, server.count("SELECT count(*) FROM submission"));
        }
    }

    /**
     * Issue 23: a parent correcting a form was locked out, because every post counted, the form
     * re-shown with its errors (422) included. Only what the limit is for counts: accepted
     * submissions, filled honeypots, posts to forms that do not exist.
     */
    @Test
    void correctingAFormManyTimesNeverLocksAParentOut(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 3).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            for (int i = 0; i < 10; i++) {
                assertEquals(422, browser.post("/forms/testschool/parent-agreement",
                        form(with(agreement(i % 2 == 0 ? "en" : "cy"), "email", "not an address " + i))).statusCode());
                assertEquals(400, browser.post("/forms/testschool/parent-agreement",
                        form(agreement("en")).replace("parent-name=", "parent-name=%zz")).statusCode());
                assertEquals(200, browser.post("/forms/testschool/images-consent",
                        form(with(consent("en", "Alys Morgan", "given", ""), "add-another", "pupil-names"))).statusCode());
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(303, browser.post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "Parent " + i))).statusCode(),
                        "after 30 corrections, the submissions the limit allows are still accepted");
            }
            assertEquals(429, browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "One too many"))).statusCode());
            assertEquals(429, browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "email", "still wrong"))).statusCode(),
                    "once the limit is reached, every post waits: a refused one is not a way round it");
            assertEquals(3, server.count("SELECT count(*) FROM submission"));
        }
    }

    @Test
    void honeypotsAndUnknownFormsCountTowardsTheLimit(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 3).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            assertEquals(303, browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "website", "http://spam.example"))).statusCode());
            assertEquals(404, browser.post("/forms/testschool/no-such-form", form(agreement("en"))).statusCode());
            assertEquals(303, browser.post("/forms/testschool/parent-agreement", form(agreement("en"))).statusCode());
            assertEquals(429, browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Another parent"))).statusCode());
            assertEquals(1, server.count("SELECT count(*) FROM submission"));
        }
    }
}
