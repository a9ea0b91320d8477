package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawal;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * Issue 20 (docs/adr/0052, "not yet"): a withdrawal's second page was answered at the POST address,
 * so a reload posted it again and a reopened tab gave 405. It is now post/redirect/get like the
 * forms: the first page is answered 303 to {@code …/statements/<token>}, a GET that survives a reload,
 * a reopening and a change of language; the page posts with the same draft token, a choice left
 * empty comes back to the same address with its error, and only a valid choice makes the record.
 */
class WithdrawalStatementsPageTest {

    private static final String FORM = "/forms/testschool/consent-withdrawal";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theSecondPageHasAnAddressThatSurvivesReloadReopeningAndTheOtherLanguage(TestDatabases.Kind kind,
                                                                                  @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            TestServer.Browser parent = server.browser();
            String consent = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Alys Morgan", "given", "given"))));
            HttpResponse<String> first = parent.post(FORM, form(withdrawal("en", consent, "Alys Morgan")));
            assertEquals(303, first.statusCode(), first.body());
            String statements = first.headers().firstValue("Location").orElseThrow();
            assertTrue(statements.matches(FORM + "/statements/[A-Za-z0-9_-]{43}"), statements);
            String token = statements.substring(statements.lastIndexOf('/') + 1);

            HttpResponse<String> shown = parent.get(statements);
            assertEquals(200, shown.statusCode());
            assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElse(""));
            Document page = Jsoup.parse(shown.body());
            assertEquals(List.of("all", "consent.photos-on-website", "consent.video"),
                    page.select("input[type=checkbox][name=withdraw]").eachAttr("value"));
            assertEquals(FORM + "?draft=" + token, page.selectFirst("main form").attr("action"));
            assertEquals(consent, page.selectFirst("input[type=hidden][name=reference]").val());
            Document reopened = Jsoup.parse(server.browser().get(statements).body());   // another tab, no cookie
            assertEquals(page.select(".checkboxes label").eachText(), reopened.select(".checkboxes label").eachText());

            String welshHref = page.selectFirst("nav.language-toggle a[hreflang=cy]").attr("href");
            assertEquals(statements + "?lang=cy", welshHref);
            Document welsh = Jsoup.parse(parent.get(welshHref).body());
            assertEquals("cy", welsh.selectFirst("html").attr("lang"));
            assertEquals("Dewiswch beth i’w dynnu’n ôl", welsh.selectFirst("h1").text());
            assertEquals("Alys Morgan", welsh.selectFirst("input[type=hidden][name=pupil-names]").val());
            Document back = Jsoup.parse(parent.get(page.select("main a").last().attr("href")).body());
            assertEquals(consent, back.getElementById("consent-withdrawal--reference").val(),
                    "'Change your answers' leads to the first page with its answers kept");
            assertEquals(0, server.count("SELECT count(*) FROM submission WHERE form_kind = 'withdrawal'"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void choosingNothingComesBackToTheSameAddressWithItsErrorAndAChoiceRecordsItOnce(TestDatabases.Kind kind,
                                                                                      @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            TestServer.Browser parent = server.browser();
            String consent = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("cy", "Alys Morgan", "given", "given"))));
            String statements = parent.post(FORM, form(withdrawal("cy", consent, "Alys Morgan")))
                    .headers().firstValue("Location").orElseThrow();
            Document page = Jsoup.parse(parent.get(statements).body());
            String action = page.selectFirst("main form").attr("action");
            StringBuilder carried = new StringBuilder();
            page.select("main form input[type=hidden]").forEach(hidden -> carried.append(carried.length() > 0 ? "&" : "")
                    .append(form(hidden.attr("name"), hidden.val())));

            HttpResponse<String> nothing = parent.post(action, carried.toString());
            assertEquals(303, nothing.statusCode());
            assertEquals(statements, nothing.headers().firstValue("Location").orElseThrow(), "the same draft");
            HttpResponse<String> again = parent.get(statements);
            assertEquals(200, again.statusCode());
            assertEquals(List.of("Dewiswch y caniatadau rydych yn eu tynnu’n ôl, neu ‘Pob un ohonynt’"),
                    Jsoup.parse(again.body()).select(".error-summary__list li").eachText());
            assertTrue(Jsoup.parse(again.body()).title().startsWith("Gwall:"));

            HttpResponse<String> sent = parent.post(action, carried + "&" + form("withdraw", "consent.video"));
            assertEquals(303, sent.statusCode());
            assertTrue(sent.headers().firstValue("Location").orElseThrow().startsWith("/forms/testschool/received/"));
            assertEquals(303, parent.post(action, carried + "&" + form("withdraw", "consent.video")).statusCode());
            assertEquals(1, server.count("SELECT count(*) FROM submission WHERE form_kind = 'withdrawal'"),
                    "the same draft sent twice makes one record");
            assertEquals(1, server.count("SELECT count(*) FROM consent_event WHERE answer = 'withdrawn'"));
        }
    }
}
