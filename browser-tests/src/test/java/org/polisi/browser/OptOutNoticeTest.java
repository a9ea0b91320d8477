package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, fault 7: Brynford's photographs are opt-out, so its form is a notice of objection: the
 * parent ticks what they do NOT agree to, its privacy notice gives a lawful basis that is not
 * consent, and a notice that objects to nothing is refused by the real server with a message at the
 * field, in the page's language. Plain HTTP against the real content's bake and a real forms server.
 */
class OptOutNoticeTest {
    private static PolisiServer server;

    @BeforeAll
    static void start() {
        server = PolisiServer.start(BakedSites.get());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theNoticeAsksWhatIsNotAgreedToAndRestsOnNoConsent() throws Exception {
        for (String language : List.of("en", "cy")) {
            Element form = form(language);
            assertEquals(List.of("photographs-online", "work-online"),
                    form.select("input[type=checkbox][name=not-agreed]").eachAttr("value"), language);
            assertTrue(form.select("input[type=radio]").isEmpty(), "nothing is answered 'given': " + language);
            String notice = form.parent().selectFirst(".privacy-notice").text();
            assertFalse(notice.contains("6(1)(a)"), language + ": " + notice);
            assertTrue(notice.contains("6(1)(e)") && notice.contains("21"), language + ": " + notice);
            // issue 20: a notice is checked before it is recorded, like a consent (docs/adr/0052)
            assertEquals("yes", form.selectFirst("input[type=hidden][name=check-answers]").val(), language);
            assertEquals(language.equals("en") ? "Continue" : "Parhau",
                    form.selectFirst("button[type=submit]:not([name=add-another])").text());
        }
    }

    @Test
    void aNoticeThatObjectsToNothingIsRefusedAtTheFieldInEachLanguage() throws Exception {
        for (String[] expected : new String[][]{
                {"en", "Select at least one answer for ‘What you do NOT give permission for’"},
                {"cy", "Dewiswch o leiaf un ateb ar gyfer ‘Yr hyn NAD ydych yn rhoi caniatâd iddo’"}}) {
            Element form = form(expected[0]);
            HttpResponse<String> response = post(form, List.of("pupil-names=Alys+Jones", "parent-name=Rhian+Jones"));
            // post/redirect/get (docs/adr/0052): the form again, with its errors, at an address of its own
            assertEquals(303, response.statusCode(), response.body());
            String answers = response.headers().firstValue("Location").orElseThrow();
            assertTrue(answers.contains("/answers/"), answers);
            HttpResponse<String> shown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url(answers))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, shown.statusCode());
            Document page = Jsoup.parse(shown.body());
            Element error = page.selectFirst("[data-field=not-agreed] .error-message");
            assertTrue(error != null, "an error at the field: " + page.select(".error-message").eachText());
            assertTrue(error.text().contains(expected[1]), expected[0] + ": " + error.text());
            assertEquals(expected[0], page.selectFirst("html").attr("lang"));
            assertEquals(1, page.select(".error-message").size(), "only the empty field is wrong: " + page.select(".error-message").eachText());
        }
    }

    /**
     * A notice that objects to one use is received, and its receipt says what is true of a notice of
     * objection (docs/adr/0057): the uses ticked, and that the parent changes it by sending the form
     * again; nothing about withdrawing consent or a text agreed to.
     */
    @Test
    void aNoticeThatObjectsToOneUseIsReceivedAndItsReceiptOffersToChangeIt() throws Exception {
        for (String[] expected : new String[][]{
                {"en", "Change this notice", "My child's work appearing online."},
                {"cy", "Newid yr hysbysiad hwn", "Gwaith fy mhlentyn yn ymddangos ar-lein."}}) {
            HttpResponse<String> response = post(form(expected[0]),
                    List.of("pupil-names=Alys+Jones", "parent-name=Rhian+Jones", "not-agreed=work-online"));
            assertEquals(303, response.statusCode(), response.body());
            String check = response.headers().firstValue("Location").orElseThrow();
            assertTrue(check.contains("/check/"), "checked before it is recorded (issue 20): " + check);
            HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(check)))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Origin", server.url("").replaceAll("/$", ""))
                            .POST(HttpRequest.BodyPublishers.ofString("lang=" + expected[0])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, sent.statusCode(), sent.body());
            String location = sent.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> receipt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url(location.substring(location.indexOf("/forms/"))))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Document page = Jsoup.parse(receipt.body());
            Element change = page.selectFirst(".withdraw-link a");
            assertTrue(change != null && change.text().startsWith(expected[1]), expected[0] + ": " + page.text());
            assertTrue(change.attr("href").startsWith("/brynford/" + expected[0] + "/"), change.attr("href"));
            assertTrue(page.text().contains(expected[2]), expected[0] + ": " + page.text());
            String text = page.text().toLowerCase(java.util.Locale.ROOT);
            assertFalse(text.contains("withdraw") || text.contains("tynnu"), expected[0] + ": " + page.text());
        }
    }

    private static Element form(String language) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.url("/brynford/" + language + "/online-safety-policy.html"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        Element form = Jsoup.parse(page.body()).selectFirst("form[data-form-id=photo-objection]");
        assertTrue(form != null, "Brynford's " + language + " page has the notice");
        return form;
    }

    /** The form's hidden fields and {@code answers}, posted as the browser would (no redirects followed). */
    private static HttpResponse<String> post(Element form, List<String> answers) throws Exception {
        List<String> pairs = new ArrayList<>(form.select("input[type=hidden]").stream()
                .map(input -> input.attr("name") + "=" + URLEncoder.encode(input.val(), StandardCharsets.UTF_8))
                .collect(Collectors.toList()));
        pairs.addAll(answers);
        String origin = server.url("").replaceAll("/$", "");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(form.attr("action"))))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
