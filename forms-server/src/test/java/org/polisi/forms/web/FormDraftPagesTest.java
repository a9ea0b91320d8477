package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.MovingClock;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;

/**
 * Issue 20, faults 2 and 3 (docs/adr/0052): the form shown again after an error has an address that
 * can be reloaded and reopened, on another instance and after a restart (post/redirect/get, the
 * answers in the database for a short time under an unguessable token); switching its language keeps
 * the answers and gives the errors in that language; a consent or agreement is recorded only by
 * "Send" on a check-your-answers page, once however often "Send" is pressed, exactly as typed.
 */
class FormDraftPagesTest {

    private static final String CONSENT = "/forms/testschool/images-consent";
    private static final String AGREEMENT = "/forms/testschool/parent-agreement";
    private static final String SUBMISSIONS = "SELECT count(*) FROM submission";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anInvalidFormIsShownAtAnAddressThatSurvivesReloadAnotherInstanceAndARestart(TestDatabases.Kind kind,
                                                                                       @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        String answers;
        try (TestServer first = TestServer.start(config, Clock.systemUTC())) {
            HttpResponse<String> posted = first.browser().post(CONSENT, form(consent("en", "Nia Morgan", "given", "")));
            assertEquals(303, posted.statusCode(), "post/redirect/get, not a page at the POST address");
            answers = posted.headers().firstValue("Location").orElseThrow();
            assertTrue(answers.matches("/forms/testschool/images-consent/answers/[A-Za-z0-9_-]{43}"), answers);
            for (int reload = 0; reload < 2; reload++) {
                assertShowsTheErrorAndTheAnswers(first.browser().get(answers), "Nia Morgan");
            }
            try (TestServer second = TestServer.start(config, Clock.systemUTC())) {
                assertShowsTheErrorAndTheAnswers(second.browser().get(answers), "Nia Morgan");
            }
            assertEquals(0, first.count(SUBMISSIONS), "nothing is recorded from an invalid form");
        }
        try (TestServer restarted = TestServer.start(config, Clock.systemUTC())) {
            assertShowsTheErrorAndTheAnswers(restarted.browser().get(answers), "Nia Morgan");
            String state = restarted.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT token_hash FROM form_draft").mapTo(String.class).one());
            assertFalse(answers.endsWith(state), "the database keeps the token's hash, never the token");
            assertEquals(64, state.length());
        }
    }

    private static void assertShowsTheErrorAndTheAnswers(HttpResponse<String> response, String pupil) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        Document page = Jsoup.parse(response.body());
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertEquals(List.of("Select whether or not you give consent to ‘Video of school events’"),
                page.select(".error-summary__list a").eachText());
        assertEquals(pupil, page.getElementById("images-consent--pupil-names--1").attr("value"));
        assertTrue(page.getElementById("images-consent--consent--photos-on-website").hasAttr("checked"));
        assertTrue(page.selectFirst("form[data-form-id=images-consent]").attr("action")
                .startsWith(CONSENT + "?draft="), "sending it again keeps the same draft");
    }

    @Test
    void sendingTheCorrectedFormKeepsTheSameAddressAndRecordsOnce(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            TestServer.Browser parent = server.browser();
            String answers = parent.post(CONSENT, form(consent("en", "", "given", "refused")))
                    .headers().firstValue("Location").orElseThrow();
            String action = Jsoup.parse(parent.get(answers).body()).selectFirst("form[data-form-id]").attr("action");
            HttpResponse<String> again = parent.post(action, form(consent("en", "", "given", "")));
            assertEquals(answers, again.headers().firstValue("Location").orElseThrow(), "one draft, one address");
            assertEquals(2, Jsoup.parse(parent.get(answers).body()).select(".error-summary__list a").size());
            HttpResponse<String> fixed = parent.post(action, form(consent("en", "Ifan", "given", "refused")));
            assertTrue(fixed.headers().firstValue("Location").orElseThrow().contains("/received/"));
            assertEquals(1, server.count(SUBMISSIONS));
            assertEquals(0, server.count("SELECT count(*) FROM form_draft WHERE reference IS NULL"),
                    "once recorded, the draft is marked sent and its answers removed");
        }
    }

    @Test
    void theLanguageLinkLeadsToTheSameFormInWelshWithTheAnswersAndWelshErrors(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            TestServer.Browser parent = server.browser();
            String answers = parent.post(CONSENT, form(consent("en", "Siân O’Brien", "", "refused")))
                    .headers().firstValue("Location").orElseThrow();
            Document english = Jsoup.parse(parent.get(answers).body());
            Element toggle = english.selectFirst("nav.language-toggle a[hreflang=cy]");
            assertEquals(answers + "?lang=cy", toggle.attr("href"));

            Document welsh = Jsoup.parse(parent.get(toggle.attr("href")).body());
            assertEquals("cy", welsh.selectFirst("html").attr("lang"));
            assertEquals(List.of("Dewiswch a ydych yn rhoi caniatâd i ‘Lluniau ar wefan yr ysgol’ ai peidio"),
                    welsh.select(".error-summary__list a").eachText());
            assertTrue(welsh.title().startsWith("Gwall: "), welsh.title());
            assertEquals("Siân O’Brien", welsh.getElementById("images-consent--pupil-names--1").attr("value"));
            assertTrue(welsh.getElementById("images-consent--consent--video--refused").hasAttr("checked"),
                    "a choice is kept across the switch");
            assertEquals("cy", welsh.selectFirst("input[name=form-lang]").attr("value"), "the Welsh page's own form");
            assertEquals(answers + "?lang=en", welsh.selectFirst("nav.language-toggle a[hreflang=en]").attr("href"));
            assertEquals(0, server.count(SUBMISSIONS));
        }
    }

    @Test
    void addAnotherWithoutJavaScriptIsAlsoAnAddressThatCanBeReloaded(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            TestServer.Browser parent = server.browser();
            String[] pairs = with(with(consent("en", "Alys", "given", ""), "pupil-names", "Alys"),
                    "add-another", "pupil-names");
            HttpResponse<String> posted = parent.post(CONSENT, form(pairs));
            assertEquals(303, posted.statusCode());
            String answers = posted.headers().firstValue("Location").orElseThrow();
            for (int reload = 0; reload < 2; reload++) {
                Document page = Jsoup.parse(parent.get(answers).body());
                List<Element> boxes = page.select("fieldset[data-add-another] input[name=pupil-names]");
                assertEquals("Alys", boxes.get(0).attr("value"));
                assertTrue(boxes.size() >= 2, "one more box than was sent with a name");
                assertTrue(page.select(".error-summary").isEmpty(), "no errors: the form was not sent");
            }
            assertEquals(0, server.count(SUBMISSIONS));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aConsentIsRecordedOnlyBySendOnTheCheckPageAndOnceHoweverOftenSendIsPressed(TestDatabases.Kind kind,
                                                                                   @TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(folder, kind)) {
            TestServer.Browser parent = server.browser();
            String typed = "Siân  <b>Jones</b>\u0007 ";
            HttpResponse<String> posted = parent.post(CONSENT,
                    form(with(consent("en", typed, "given", "refused"), "check-answers", "yes")));
            assertEquals(303, posted.statusCode());
            String check = posted.headers().firstValue("Location").orElseThrow();
            assertTrue(check.matches("/forms/testschool/images-consent/check/[A-Za-z0-9_-]{43}"), check);
            assertEquals(0, server.count(SUBMISSIONS), "nothing is recorded before Send");

            HttpResponse<String> shown = parent.get(check);
            assertEquals(200, shown.statusCode());
            Document page = Jsoup.parse(shown.body());
            assertEquals("Check your answers before sending your form", page.selectFirst("h1").text());
            assertEquals(List.of("Name of pupil", "Photos on the school website", "Video of school events"),
                    page.select(".summary-list__key").eachText());
            assertEquals("Siân  <b>Jones</b> ", page.select(".summary-list__value").get(0).wholeText(),
                    "exactly as typed: NFC and control characters removed, nothing else");
            assertEquals(List.of("I give consent", "I do not give consent"),
                    page.select(".summary-list__value").subList(1, 3).stream().map(Element::text).toList());
            List<Element> changes = page.select(".summary-list__actions a");
            assertEquals(3, changes.size());
            assertEquals("Change Photos on the school website", changes.get(1).text(), "each link names its question");
            String answersPage = changes.get(1).attr("href").replaceFirst("#.*", "");
            Document form = Jsoup.parse(parent.get(answersPage).body());
            for (Element change : changes) {
                String id = change.attr("href").substring(change.attr("href").indexOf('#') + 1);
                assertNotNull(form.getElementById(id), "the Change link leads to its question: " + id);
            }
            assertTrue(form.select(".error-summary").isEmpty());
            assertEquals("Siân  <b>Jones</b> ", form.getElementById("images-consent--pupil-names--1").attr("value")
                    .replace("\u0007", ""), "the box holds what was typed");

            String send = page.selectFirst("form[method=post]").attr("action");
            assertEquals(check + "?lang=en", send, "Send keeps the page's language in its address too");
            CompletableFuture<HttpResponse<String>> doubleClick = CompletableFuture.supplyAsync(
                    () -> parent.post(send, "lang=en"));
            HttpResponse<String> sent = parent.post(send, "lang=en");
            HttpResponse<String> other = doubleClick.get();
            String receipt = sent.headers().firstValue("Location").orElseThrow();
            assertTrue(receipt.startsWith("/forms/testschool/received/"), receipt);
            // the other click: the same receipt, whichever reached the ledger first (the 23:40 tester: a
            // double tap showed "already sent" and lost the printable receipt)
            assertEquals(303, other.statusCode(), other.body());
            assertEquals(reference(receipt), reference(other.headers().firstValue("Location").orElseThrow()));
            HttpResponse<String> later = parent.post(send, "lang=en");
            assertEquals(303, later.statusCode(), "a later Send makes no second record, and shows the receipt again");
            assertEquals(reference(receipt), reference(later.headers().firstValue("Location").orElseThrow()));
            assertTrue(parent.get(later.headers().firstValue("Location").orElseThrow()).body().contains("receipt"),
                    "the printable receipt");
            assertEquals(1, server.count(SUBMISSIONS));
            assertEquals(1, server.count(SUBMISSIONS));
            String stored = server.jdbi().withHandle(handle -> handle.createQuery("SELECT fields_json FROM submission")
                    .mapTo(String.class).one());
            assertTrue(stored.contains("Siân  <b>Jones</b> "), stored);
            String draft = server.jdbi().withHandle(handle -> handle.createQuery("SELECT state FROM form_draft")
                    .mapTo(String.class).one());
            assertFalse(draft.contains("Jones"), "once recorded, the draft keeps no answer: " + draft);
        }
    }

    /**
     * Issue 20, fault 5: once the record is made, the draft's addresses (in the browser's history, or
     * opened by anyone who finds them there) gave out the receipt, with a fresh link, until the draft
     * expired. They now say only that the form was sent, with its reference, in the page's language:
     * no answers, and no link to the receipt.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aSentDraftsAddressesSayOnlyThatItWasSentWithItsReference(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            TestServer.Browser parent = server.browser();
            String check = parent.post(CONSENT, form(with(consent("en", "Ffion Wyn", "given", "refused"),
                    "check-answers", "yes"))).headers().firstValue("Location").orElseThrow();
            String token = check.substring(check.lastIndexOf('/') + 1);
            String receipt = parent.post(check, "lang=en").headers().firstValue("Location").orElseThrow();
            String reference = reference(receipt);
            for (String address : List.of(check, CONSENT + "/answers/" + token, check + "?lang=cy")) {
                HttpResponse<String> page = server.browser().get(address);   // someone else, from the history
                assertEquals(200, page.statusCode(), address);
                assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
                Document shown = Jsoup.parse(page.body());
                assertTrue(shown.text().contains(reference), shown.text());
                assertFalse(page.body().contains("Ffion"), "no answers: " + address);
                assertTrue(shown.select("a[href*=/received/]").isEmpty(), "no receipt link: " + address);
                assertTrue(page.headers().firstValue("Location").isEmpty());
            }
            Document welsh = Jsoup.parse(server.browser().get(check + "?lang=cy").body());
            assertEquals("Mae’r ffurflen hon wedi’i hanfon", welsh.selectFirst("h1").text());
            assertEquals("/testschool/cy/consent-withdrawal.html?reference=" + reference,
                    welsh.selectFirst("main a").attr("href"), "the way to withdraw or change it, with the reference only");
        }
    }

    private static String reference(String receipt) {
        return receipt.replaceFirst(".*/received/", "").replaceFirst("\\?.*", "");
    }

    @Test
    void theCheckPageIsInWelshWithWelshStatementsAndAnAgreementSaysAcceptAndSend(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            TestServer.Browser parent = server.browser();
            String check = parent.post(CONSENT, form(with(consent("en", "Nia", "given", "refused"), "check-answers", "yes")))
                    .headers().firstValue("Location").orElseThrow();
            Document welsh = Jsoup.parse(parent.get(check + "?lang=cy").body());
            assertEquals("cy", welsh.selectFirst("html").attr("lang"));
            assertEquals("Gwiriwch eich atebion cyn anfon eich ffurflen", welsh.selectFirst("h1").text());
            assertEquals(List.of("Enw’r disgybl", "Lluniau ar wefan yr ysgol", "Fideo o ddigwyddiadau’r ysgol"),
                    welsh.select(".summary-list__key").eachText());
            assertTrue(welsh.selectFirst(".summary-list__actions a").attr("href").contains("?lang=cy#"));
            assertEquals("Anfon", welsh.selectFirst("form[method=post] button").text());
            assertEquals(check + "?lang=en", welsh.selectFirst("nav.language-toggle a[hreflang=en]").attr("href"));

            String agreementCheck = parent.post(AGREEMENT, form(with(agreement("en"), "check-answers", "yes")))
                    .headers().firstValue("Location").orElseThrow();
            Document agreementPage = Jsoup.parse(parent.get(agreementCheck).body());
            assertEquals("Accept and send", agreementPage.selectFirst("form[method=post] button").text());
            assertEquals(0, server.count(SUBMISSIONS));
            HttpResponse<String> sent = parent.post(agreementCheck, "lang=en");
            assertTrue(sent.headers().firstValue("Location").orElseThrow().contains("/received/"));
            assertEquals("en", server.jdbi().withHandle(handle -> handle.createQuery("SELECT lang FROM submission")
                    .mapTo(String.class).one()), "recorded in the language of the page that was sent");
        }
    }

    @Test
    void incidentReportsAndScriptsAreRecordedAtOnce(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            HttpResponse<String> incident = server.browser().post("/forms/testschool/incident-report",
                    form(with(incident("en", "immediate-risk", "A pupil was shown a video"), "check-answers", "yes")));
            assertTrue(incident.headers().firstValue("Location").orElseThrow().contains("/received/"),
                    "an urgent report is never held back by a check page");
            HttpResponse<String> script = server.browser().postJson(CONSENT, """
                    {"form-id": "images-consent", "form-lang": "en", "form-version": "b66afb8d88e9",
                     "pupil-names": "Dewi", "consent.photos-on-website": "given", "consent.video": "given",
                     "check-answers": "yes"}""");
            assertEquals(201, script.statusCode(), script.body());
            assertEquals(2, server.count(SUBMISSIONS));
            assertEquals(0, server.count("SELECT count(*) FROM form_draft"));
        }
    }

    @Test
    void anExpiredOrUnknownDraftSaysNothingWasSentAndLeadsBackToTheForm(@TempDir Path folder) {
        MovingClock clock = new MovingClock();
        try (TestServer server = TestServer.start(TestServer.settings(folder).load(), clock)) {
            TestServer.Browser parent = server.browser();
            String check = parent.post(CONSENT, form(with(consent("cy", "Nia", "given", "given"), "check-answers", "yes")))
                    .headers().firstValue("Location").orElseThrow();
            assertEquals(200, parent.get(check).statusCode());
            clock.advance(Duration.ofMinutes(61));
            for (HttpResponse<String> gone : List.of(parent.get(check), parent.post(check, "lang=cy"),
                    parent.get(check.replace("/check/", "/answers/")))) {
                assertEquals(404, gone.statusCode());
                Document page = Jsoup.parse(gone.body());
                assertEquals("This page has expired", page.selectFirst("h1").text());
                assertTrue(page.text().contains("Nothing has been sent"), page.text());
                assertEquals("/testschool/en/images-consent.html", page.select("main a").last().attr("href"));
            }
            assertEquals(0, server.count(SUBMISSIONS), "an expired draft is never recorded");
            parent.post(CONSENT, form(consent("en", "", "", "")));   // any save forgets what has expired
            assertEquals(1, server.count("SELECT count(*) FROM form_draft"));

            HttpResponse<String> unknown = parent.get("/forms/testschool/images-consent/check/"
                    + "A".repeat(43) + "?lang=cy");
            assertEquals(404, unknown.statusCode());
            assertEquals("Mae’r dudalen hon wedi dod i ben", Jsoup.parse(unknown.body()).selectFirst("h1").text());
            String live = parent.post(CONSENT, form(with(consent("en", "Nia", "given", "given"), "check-answers", "yes")))
                    .headers().firstValue("Location").orElseThrow();
            assertNotEquals(200, parent.get(live.replace("images-consent", "parent-agreement")).statusCode(),
                    "a token opens only its own form's draft");
        }
    }

    /** A tester saw each reload of a draft's page logged as a refused submission, though nothing was posted. */
    @Test
    void showingADraftAgainLogsNoRefusal(@TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder).load(), Clock.systemUTC())) {
            TestServer.Browser parent = server.browser();
            String answers = parent.post(CONSENT, form(consent("en", "", "given", "given")))
                    .headers().firstValue("Location").orElseThrow();
            String logged;
            try (org.polisi.forms.LogCapture log = new org.polisi.forms.LogCapture()) {
                assertEquals(200, parent.get(answers).statusCode());
                assertEquals(200, parent.get(answers + "?lang=cy").statusCode());
                logged = log.text();
            }
            assertFalse(logged.contains("Refused a submission"), logged);
        }
    }

    /**
     * Expired drafts are never shown, and deleted at most once a minute per instance: deleting on
     * every save and look-up made each refused form two write transactions (issue 23's intake figures).
     */
    @Test
    void anExpiredDraftIsNeverShownAndIsDeletedOnceAMinuteHasPassedSinceTheLastPurge(@TempDir Path folder) {
        MovingClock clock = new MovingClock();
        try (TestServer server = TestServer.start(TestServer.settings(folder).load(), clock)) {
            TestServer.Browser parent = server.browser();
            String check = parent.post(CONSENT, form(with(consent("en", "Nia", "given", "given"), "check-answers", "yes")))
                    .headers().firstValue("Location").orElseThrow();
            clock.advance(Duration.ofMinutes(59).plusSeconds(50));
            assertEquals(200, parent.get(check).statusCode(), "ten seconds before expiry (this look-up purges)");
            clock.advance(Duration.ofSeconds(20));
            assertEquals(404, parent.get(check).statusCode(), "expired ten seconds ago: never shown");
            assertEquals(1, server.count("SELECT count(*) FROM form_draft"), "the last purge was only 20 s ago");
            clock.advance(Duration.ofSeconds(45));
            assertEquals(404, parent.get(check).statusCode());
            assertEquals(0, server.count("SELECT count(*) FROM form_draft"), "a minute has passed: deleted");
        }
    }
}
