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

    /**
     * Issue 23: a parent correcting a form was locked out, because every post counted, the form
     * re-shown with its errors (422) included. Only what the limit is for counts: accepted
     * submissions, filled honeypots, posts to forms that do not exist; a form to correct, "add another"
     * and answers on their way to the check page (ADR 0052) do not.
     */
    @Test
    void correctingAFormManyTimesNeverLocksAParentOut(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 3).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            for (int i = 0; i < 10; i++) {
                assertEquals(200, browser.postAndFollow("/forms/testschool/parent-agreement",
                        form(with(agreement(i % 2 == 0 ? "en" : "cy"), "email", "not an address " + i))).statusCode());
                assertEquals(303, browser.post("/forms/testschool/parent-agreement",   // on to check your answers
                        form(agreement("en")) + "&check-answers=yes").statusCode());
                assertEquals(400, browser.post("/forms/testschool/parent-agreement",
                        form(agreement("en")).replace("parent-name=", "parent-name=%zz")).statusCode());
                assertEquals(200, browser.postAndFollow("/forms/testschool/images-consent",
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

    /**
     * A tester posted 300 refused forms with 30,000-letter answers from one client: each was kept as a
     * draft (ADR 0052), none was counted by the submission limit, and the database grew by 7 MB a
     * second. Drafts are limited per client too, generously ({@link Handlers#draftsPerWindow}).
     */
    @Test
    void refusedFormsInALoopCannotFillTheDatabaseWithDrafts(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 3).load(), Clock.systemUTC())) {
            int allowed = Handlers.draftsPerWindow(3);
            TestServer.Browser attacker = server.browser();
            String longName = "A".repeat(2_000);
            for (int i = 0; i < allowed; i++) {
                assertEquals(303, attacker.post("/forms/testschool/parent-agreement",
                        form(with(with(agreement("en"), "parent-name", longName + i), "email", "not an address"))).statusCode());
            }
            HttpResponse<String> refused = attacker.post("/forms/testschool/parent-agreement",
                    form(with(with(agreement("cy"), "parent-name", longName), "email", "not an address")), "Accept-Language", "cy");
            assertEquals(429, refused.statusCode());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertEquals(allowed, server.count("SELECT count(*) FROM form_draft"), "nothing more kept");
        }
    }
}
