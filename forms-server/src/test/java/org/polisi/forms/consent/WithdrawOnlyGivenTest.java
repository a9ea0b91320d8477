package org.polisi.forms.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawal;
import static org.polisi.forms.Submissions.withdrawing;
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
 * Issue 25, fault 1: a withdrawal's second page offered statements whose answer was "not given". Only
 * statements that stand as given now can be withdrawn: the page lists only those and says so; a forged
 * post withdrawing a refused (or already withdrawn) statement gets a message at the field, naming the
 * statement, in the form's language; a consent with nothing given left has nothing to withdraw. A
 * request without a reference still offers every statement (nobody knows the consent yet) and says
 * that only given ones will be withdrawn. Both databases, both languages.
 */
class WithdrawOnlyGivenTest {

    private static final String FORM = "/forms/testschool/consent-withdrawal";
    private static final String PHOTOS = "consent.photos-on-website";
    private static final String VIDEO = "consent.video";

    private static String consentOf(TestServer server, String language, String photos, String video) {
        return reference(server.browser().post("/forms/testschool/images-consent",
                form(consent(language, "Alys Morgan", photos, video))));
    }

    private static Document secondPage(TestServer server, String language, String reference) {
        TestServer.Browser parent = server.browser();
        HttpResponse<String> first = parent.post(FORM, form(withdrawal(language, reference, "Alys Morgan")));
        assertEquals(303, first.statusCode(), first.body());
        String statements = first.headers().firstValue("Location").orElseThrow();
        assertTrue(statements.contains("/statements/"), statements);
        return Jsoup.parse(parent.get(statements).body());
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theSecondPageOffersOnlyTheStatementsGivenAndSaysSo(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            String reference = consentOf(server, "en", "refused", "given");
            Document page = secondPage(server, "en", reference);
            assertEquals(List.of("all", VIDEO), page.select("input[type=checkbox][name=withdraw]").eachAttr("value"),
                    "the refused photos statement is not offered");
            assertTrue(page.selectFirst(".hint").text().startsWith("Only the consents given on this form"),
                    page.selectFirst(".hint").text());

            Document welsh = secondPage(server, "cy", consentOf(server, "cy", "given", "refused"));
            assertEquals(List.of("all", PHOTOS), welsh.select("input[type=checkbox][name=withdraw]").eachAttr("value"));
            assertTrue(welsh.selectFirst(".hint").text().startsWith("Dim ond y caniatadau a roddwyd"),
                    welsh.selectFirst(".hint").text());
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aForgedPostWithdrawingARefusedStatementGetsAMessageAtTheFieldInTheFormsLanguage(TestDatabases.Kind kind,
                                                                                        @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            for (String language : List.of("en", "cy")) {
                String reference = consentOf(server, language, "refused", "given");
                TestServer.Browser parent = server.browser();
                HttpResponse<String> forged = parent.post(FORM, form(withdrawing(language, reference, "Alys Morgan", PHOTOS)));
                assertEquals(303, forged.statusCode(), forged.body());
                String location = forged.headers().firstValue("Location").orElseThrow();
                assertTrue(location.contains("/statements/"), "shown the choice again: " + location);
                Document page = Jsoup.parse(parent.get(location).body());
                String expected = language.equals("en")
                        ? "Consent to ‘Photos on the school website’ was not given on this form, or has been withdrawn already: there is nothing to withdraw"
                        : "Ni roddwyd caniatâd i ‘Lluniau ar wefan yr ysgol’ ar y ffurflen hon, neu mae eisoes wedi’i dynnu’n ôl: nid oes dim i’w dynnu’n ôl";
                assertEquals(List.of(expected), page.select(".error-summary__list li").eachText(), language);
                assertEquals("#consent-withdrawal--withdraw",
                        page.selectFirst(".error-summary__list a").attr("href"));
                assertTrue(page.selectFirst("#consent-withdrawal--withdraw--error").text().contains(expected));
                // a refused statement among given ones is not dropped in silence: nothing is recorded
                assertEquals(303, parent.post(FORM, form(withdrawing(language, reference, "Alys Morgan", VIDEO, PHOTOS)))
                        .statusCode());
            }
            assertEquals(0, server.count("SELECT count(*) FROM submission WHERE form_kind = 'withdrawal'"));
            assertEquals(0, server.count("SELECT count(*) FROM consent_event WHERE answer = 'withdrawn'"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aStatementWithdrawnAlreadyIsNotOfferedAgainAndNothingLeftIsSaidOnTheFirstPage(TestDatabases.Kind kind,
                                                                                       @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            String reference = consentOf(server, "en", "given", "refused");
            HttpResponse<String> sent = server.browser().post(FORM, form(withdrawing("en", reference, "Alys Morgan", "all")));
            assertTrue(sent.headers().firstValue("Location").orElseThrow().startsWith("/forms/testschool/received/"));
            assertEquals(1, server.count("SELECT count(*) FROM consent_event WHERE answer = 'withdrawn'"),
                    "'all' withdrew the one statement given, not the refused one");

            TestServer.Browser parent = server.browser();
            HttpResponse<String> again = parent.post(FORM, form(withdrawal("cy", reference, "Alys Morgan")));
            assertEquals(303, again.statusCode());
            String answers = again.headers().firstValue("Location").orElseThrow();
            assertTrue(answers.contains("/answers/"), "the first page again, with its error: " + answers);
            Document page = Jsoup.parse(parent.get(answers).body());
            assertEquals(List.of("Nid oes unrhyw ganiatâd a roddwyd ar y ffurflen hon ar gyfer y plentyn a enwoch yn sefyll"
                    + " nawr: nid oes dim i’w dynnu’n ôl. I newid ateb, anfonwch y ffurflen ganiatâd eto, gan roi’r un"
                    + " manylion amdanoch chi a’ch plentyn ag ar eich ffurflen gyntaf: y ffurflen ddiweddaraf a anfonwch"
                    + " ar gyfer eich plentyn yw’r un y bydd yr ysgol yn ei dilyn. Gofynnwch i swyddfa’r ysgol os ydych"
                    + " chi’n credu bod hyn yn anghywir."),
                    page.select(".error-summary__list li").eachText());
            assertEquals(1, server.count("SELECT count(*) FROM submission WHERE form_kind = 'withdrawal'"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aRequestWithoutAReferenceOffersEveryStatementAndSaysOnlyGivenOnesAreWithdrawn(TestDatabases.Kind kind,
                                                                                         @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            Document page = secondPage(server, "en", "");
            assertEquals(List.of("all", PHOTOS, VIDEO), page.select("input[type=checkbox][name=withdraw]").eachAttr("value"));
            assertTrue(page.selectFirst(".hint").text().endsWith(
                    "The school withdraws only the consents that were given on the form it finds."), page.selectFirst(".hint").text());
        }
    }

    /** What stands is per child: a statement withdrawn for one child of the form is still offered for the other. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void whatIsOfferedFollowsTheChildNamed(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            String[] twoChildren = java.util.stream.Stream.concat(java.util.Arrays.stream(
                    consent("en", "Alys Morgan", "given", "given")), java.util.stream.Stream.of("pupil-names", "Bryn Morgan"))
                    .toArray(String[]::new);
            String reference = reference(server.browser().post("/forms/testschool/images-consent", form(twoChildren)));
            assertTrue(server.browser().post(FORM, form(withdrawing("en", reference, "alys morgan", PHOTOS)))
                    .headers().firstValue("Location").orElseThrow().startsWith("/forms/testschool/received/"));

            assertEquals(List.of("all", VIDEO), secondPage(server, "en", reference)
                    .select("input[type=checkbox][name=withdraw]").eachAttr("value"), "Alys: photos withdrawn already");
            TestServer.Browser parent = server.browser();
            String statements = parent.post(FORM, form(withdrawal("en", reference, "Bryn Morgan")))
                    .headers().firstValue("Location").orElseThrow();
            assertEquals(List.of("all", PHOTOS, VIDEO), Jsoup.parse(parent.get(statements).body())
                    .select("input[type=checkbox][name=withdraw]").eachAttr("value"), "Bryn: both still given");
        }
    }
}
