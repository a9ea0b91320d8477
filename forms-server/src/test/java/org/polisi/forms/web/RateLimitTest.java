package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
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
            // A form to correct records nothing, so it is still taken once the limit is reached (docs/adr/0060):
            // it is no way round the limit, since correcting it and sending it again is refused.
            HttpResponse<String> stillWrong = browser.postAndFollow("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "email", "still wrong")));
            assertEquals(200, stillWrong.statusCode());
            assertTrue(stillWrong.body().contains("error-summary"), "the form again with its error");
            assertEquals(429, browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Corrected"))).statusCode());
            assertEquals(3, server.count("SELECT count(*) FROM submission"));
        }
    }

    /** Unknown forms are junk, counted by a limit of their own (23:40 tester): they no longer use up this one. */
    @Test
    void honeypotsCountTowardsTheLimit(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 3).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            assertEquals(422, browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "website", "http://spam.example"))).statusCode());
            assertEquals(422, browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "website", "http://spam2.example"))).statusCode());
            for (int i = 0; i < 3; i++) {
                assertEquals(404, browser.post("/forms/testschool/no-such-form", form(agreement("en"))).statusCode());
            }
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

    /**
     * Issue 20: the 429 page had no way back to what was typed. A post refused by the limit keeps its
     * answers in a draft (docs/adr/0060), and the page links to them, with the wait, in the page's language.
     */
    @Test
    void aPostRefusedByTheLimitKeepsItsAnswersAndThePageLinksBackToThem(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 2).load(), Clock.systemUTC())) {
            TestServer.Browser parent = server.browser();
            for (int i = 0; i < 2; i++) {
                assertEquals(303, parent.post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "Parent " + i))).statusCode());
            }
            for (String language : java.util.List.of("en", "cy")) {
                // an incident report is recorded by its first post (no check page): that is what the limit refuses
                HttpResponse<String> refused = parent.post("/forms/testschool/incident-report",
                        form(with(incident(language, "none", "Typed <b>details</b>\nover two lines"),
                                "reporter-name", "Rhiannon Ifans")), "Accept-Language", language);
                assertEquals(429, refused.statusCode());
                assertTrue(refused.headers().firstValue("Retry-After").isPresent());
                org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused.body());
                assertTrue(page.text().contains(language.equals("en") ? "Wait " : "Arhoswch "), page.text());
                assertTrue(page.text().contains(language.equals("en") ? "kept for 60 minutes" : "wedi’u cadw am 60 munud"),
                        page.text());
                org.jsoup.nodes.Element back = page.selectFirst("main a[href*=/answers/]");
                assertTrue(back != null, page.html());
                assertEquals(language.equals("en") ? "Go back to your answers" : "Mynd yn ôl at eich atebion", back.text());
                assertTrue(back.attr("href").matches("/forms/testschool/incident-report/answers/[A-Za-z0-9_-]{43}"));

                org.jsoup.nodes.Document answers = org.jsoup.Jsoup.parse(server.browser().get(back.attr("href")).body());
                assertEquals(language, answers.selectFirst("html").attr("lang"));
                assertEquals("Rhiannon Ifans", answers.getElementById("incident-report--reporter-name").val());
                assertEquals("Typed <b>details</b>\nover two lines",
                        answers.getElementById("incident-report--what-happened").val(), "what was typed is there, exactly");
                assertTrue(answers.select(".error-summary").isEmpty(), "nothing in it is wrong");
            }
            HttpResponse<String> script = parent.postJson("/forms/testschool/incident-report",
                    "{\"form-id\": \"incident-report\", \"website\": \"http://spam.example\"}");
            assertEquals(429, script.statusCode());
            assertEquals(2, server.count("SELECT count(*) FROM form_draft"), "a script's post is kept in no draft");
            assertEquals(2, server.count("SELECT count(*) FROM submission"));
        }
    }

    /**
     * Issue 20: parents behind one address (school Wi-Fi, a carrier's NAT) shared one allowance of 10
     * posts in 5 minutes, so the eleventh parent was refused. "Send" from a parent's own draft is now
     * counted under that draft (docs/adr/0060): 15 parents behind one address all send their consent,
     * while a client flooding the form with direct posts from the same address is still refused after 10.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("org.polisi.forms.TestDatabases#both")
    void fifteenParentsBehindOneAddressAllSendWhileAFloodingClientIsStillLimited(
            org.polisi.forms.TestDatabases.Kind kind, @TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder, kind)
                .set("rate-limit.submissions", 10).load(), Clock.systemUTC())) {
            TestServer.Browser flooder = server.browser();
            int flooded = 0;
            int refusedFloods = 0;
            for (int parent = 0; parent < 15; parent++) {
                TestServer.Browser browser = server.browser();   // every one of them from 127.0.0.1
                HttpResponse<String> sent = browser.sendChecked("/forms/testschool/images-consent",
                        form(consent(parent % 2 == 0 ? "en" : "cy", "Pupil " + parent, "given", "refused")));
                assertEquals(303, sent.statusCode(), "parent " + parent + ": " + sent.body());
                assertTrue(sent.headers().firstValue("Location").orElseThrow().contains("/received/"));
                HttpResponse<String> flood = flooder.post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "Flood " + parent)));
                if (flood.statusCode() == 303) {
                    flooded++;
                } else {
                    assertEquals(429, flood.statusCode());
                    refusedFloods++;
                }
            }
            for (int more = 0; more < 5; more++) {
                assertEquals(429, flooder.post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "More flood " + more))).statusCode());
            }
            assertEquals(10, flooded, "the flood is stopped at the per-address limit");
            assertEquals(5, refusedFloods);
            assertEquals(15, server.count("SELECT count(*) FROM submission WHERE form_id = 'images-consent'"),
                    "every parent's consent is recorded");
            assertEquals(10, server.count("SELECT count(*) FROM submission WHERE form_id = 'parent-agreement'"));
        }
    }

    /**
     * An invented draft token buys no allowance of its own: only a live draft of that form, not yet
     * sent, is counted apart from its address.
     */
    @Test
    void anInventedDraftTokenIsCountedUnderTheAddress(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 3).load(), Clock.systemUTC())) {
            TestServer.Browser flooder = server.browser();
            int accepted = 0;
            for (int i = 0; i < 6; i++) {
                String invented = "A".repeat(42) + (char) ('a' + i);
                int status = flooder.post("/forms/testschool/parent-agreement?draft=" + invented,
                        form(with(agreement("en"), "parent-name", "Flood " + i))).statusCode();
                accepted += status == 303 ? 1 : 0;
            }
            assertEquals(3, accepted);
            assertEquals(3, server.count("SELECT count(*) FROM submission"));
        }
    }
}
