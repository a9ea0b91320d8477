package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * The language a person last chose carries through the whole form journey (a tester's fault): an
 * agreement filled in English and sent from the check page after following its "Cymraeg" link is
 * recorded in Welsh, and its receipt is in Welsh; every redirect of the journey names its language;
 * every refusal of a form post, the 429 "too many forms" page included, is in the form's language,
 * whatever the browser's preference.
 */
class FormJourneyLanguageTest {

    private static final String AGREEMENT = "/forms/testschool/parent-agreement";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void switchingToWelshOnTheCheckPageSendsTheRecordAndTheReceiptInWelsh(TestDatabases.Kind kind,
                                                                          @TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            HttpResponse<String> toCheck = browser.post(AGREEMENT, form(agreement("en")) + "&check-answers=yes");
            assertEquals(303, toCheck.statusCode());
            String check = toCheck.headers().firstValue("Location").orElseThrow();

            // the person follows "Cymraeg" on the check page, and presses "Derbyn ac anfon"
            Document welsh = Jsoup.parse(browser.get(check + "?lang=cy").body());
            assertEquals("cy", welsh.selectFirst("html").attr("lang"));
            org.jsoup.nodes.Element send = welsh.selectFirst("main form[method=post]");
            assertEquals("cy", send.selectFirst("input[name=lang]").val());
            HttpResponse<String> sent = browser.post(send.attr("action"), "lang=cy");
            assertEquals(303, sent.statusCode(), sent.body());
            String receipt = sent.headers().firstValue("Location").orElseThrow();

            Document page = Jsoup.parse(browser.get(receipt).body());
            assertEquals("cy", page.selectFirst("html").attr("lang"), "the receipt is in the language last chosen");
            assertTrue(page.title().startsWith("Ffurflen wedi’i hanfon"), page.title());
            // the record holds the language (and so the Welsh text's version) the person agreed in
            assertEquals("cy", server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT lang FROM submission").mapTo(String.class).one()));
            // whatever the browser prefers
            assertEquals("cy", Jsoup.parse(browser.get(receipt, "Accept-Language", "en").body())
                    .selectFirst("html").attr("lang"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void sendPressedOnTheEnglishPageOfAWelshDraftIsRecordedInEnglish(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            String check = browser.post(AGREEMENT, form(agreement("cy")) + "&check-answers=yes")
                    .headers().firstValue("Location").orElseThrow();
            Document english = Jsoup.parse(browser.get(check + "?lang=en").body());
            assertTrue(english.selectFirst("main form[method=post]").attr("action").endsWith("?lang=en"));
            org.jsoup.nodes.Element send = english.selectFirst("main form[method=post]");
            // a browser that sends no body still carries the language in the form's address
            HttpResponse<String> sent = browser.post(send.attr("action"), "");
            String receipt = sent.headers().firstValue("Location").orElseThrow();
            assertEquals("en", Jsoup.parse(browser.get(receipt, "Accept-Language", "cy").body()).selectFirst("html").attr("lang"));
            assertEquals("en", server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT lang FROM submission").mapTo(String.class).one()));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void everyPageOfTheJourneyIsInTheFormsLanguageWhateverTheBrowserPrefers(TestDatabases.Kind kind,
                                                                            @TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            HttpResponse<String> refused = browser.post(AGREEMENT, form(with(agreement("cy"), "email", "nid cyfeiriad")),
                    "Accept-Language", "en");
            String answers = refused.headers().firstValue("Location").orElseThrow();
            assertEquals("cy", Jsoup.parse(browser.get(answers, "Accept-Language", "en").body())
                    .selectFirst("html").attr("lang"));
            // unreadable answers (400) are refused on the form's own page, in its language
            HttpResponse<String> unreadable = browser.post(AGREEMENT,
                    form(agreement("cy")).replace("parent-name=", "parent-name=%zz"), "Accept-Language", "en");
            assertEquals(400, unreadable.statusCode());
            assertEquals("cy", Jsoup.parse(unreadable.body()).selectFirst("html").attr("lang"));
            // a form posted without the check step (a script's or an old page's) is received in its language
            String receipt = browser.post(AGREEMENT, form(agreement("cy")), "Accept-Language", "en")
                    .headers().firstValue("Location").orElseThrow();
            assertEquals("cy", Jsoup.parse(browser.get(receipt, "Accept-Language", "en").body())
                    .selectFirst("html").attr("lang"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theTooManyFormsPageIsInTheFormsLanguage(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind)
                .set("rate-limit.submissions", 1).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            assertEquals(303, browser.post(AGREEMENT, form(agreement("cy"))).statusCode());
            // a Welsh form posted from a browser that prefers English, with no language in its address
            HttpResponse<String> tooMany = browser.post(AGREEMENT, form(with(agreement("cy"), "parent-name", "Un arall")),
                    "Accept-Language", "en");
            assertEquals(429, tooMany.statusCode());
            Document page = Jsoup.parse(tooMany.body());
            assertEquals("cy", page.selectFirst("html").attr("lang"), tooMany.body());
            assertTrue(page.title().startsWith("Gormod o ffurflenni wedi’u hanfon"), page.title());
            // and the English form's refusal is in English, whatever the browser prefers
            HttpResponse<String> english = browser.post(AGREEMENT, form(with(agreement("en"), "parent-name", "Another")),
                    "Accept-Language", "cy");
            assertEquals(429, english.statusCode());
            assertEquals("en", Jsoup.parse(english.body()).selectFirst("html").attr("lang"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void sendRefusedAsTooManyIsInTheCheckPagesLanguage(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind)
                .set("rate-limit.submissions", 1).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            String check = browser.post(AGREEMENT, form(agreement("en")) + "&check-answers=yes")
                    .headers().firstValue("Location").orElseThrow();
            Document welsh = Jsoup.parse(browser.get(check + "?lang=cy").body());
            String action = welsh.selectFirst("main form[method=post]").attr("action");
            assertEquals(303, browser.post(action, "lang=cy").statusCode(), "a draft's Send has its own allowance");
            assertEquals(303, browser.post(AGREEMENT, form(with(agreement("en"), "parent-name", "Rhywun arall")))
                    .statusCode(), "the one submission the limit allows this client");
            // "Send" pressed again (another tab): its draft is sent, so it counts under the client, over the limit
            HttpResponse<String> refused = browser.post(action, "lang=cy", "Accept-Language", "en");
            assertEquals(429, refused.statusCode());
            assertEquals("cy", Jsoup.parse(refused.body()).selectFirst("html").attr("lang"), refused.body());
        }
    }
}
