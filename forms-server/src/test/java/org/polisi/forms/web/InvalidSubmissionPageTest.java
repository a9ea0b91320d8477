package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.Submissions.without;
import static org.polisi.forms.Submissions.withdrawal;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/** The baked page comes back with the GOV.UK error pattern of docs/forms.md, in the submission's language. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidSubmissionPageTest {

    TestServer server;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Document post(String formId, String[] pairs) {
        // post/redirect/get (docs/adr/0052): the form again, at its draft's address
        HttpResponse<String> response = server.browser().postAndFollow("/forms/testschool/" + formId, form(pairs));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        return Jsoup.parse(response.body());
    }

    private static List<String> summary(Document page) {
        return page.select(".error-summary-region .error-summary__list a").eachText();
    }

    @Test
    void theErrorSummaryFieldMessagesTitleAndTypedValuesFollowTheContract() {
        String[] pairs = with(with(agreement("en"), "email", "not-an-email"), "parent-name", "Siân <i>Jones</i>");
        Document page = post("parent-agreement", pairs);

        assertTrue(page.title().startsWith("Error: Parent and carer agreement"), page.title());
        Element summary = page.selectFirst(".error-summary-region > .error-summary");
        assertNotNull(summary);
        assertEquals("alert", summary.attr("role"));
        assertEquals("-1", summary.attr("tabindex"));
        assertTrue(summary.hasAttr("autofocus"));
        assertEquals("error-summary-title", summary.attr("aria-labelledby"));
        assertEquals("There is a problem", summary.selectFirst("h2#error-summary-title.error-summary__title").text());
        Element link = summary.selectFirst("ul.error-summary__list li a");
        assertEquals("#parent-agreement--email", link.attr("href"));
        assertEquals("Enter an email address in the correct format, like name@example.com", link.text());

        Element group = page.selectFirst(".form-group[data-field=email]");
        assertTrue(group.hasClass("form-group--error"));
        Element message = group.selectFirst("p.error-message#parent-agreement--email--error");
        assertEquals("Error:", message.selectFirst("span.visually-hidden").text());
        Element input = page.getElementById("parent-agreement--email");
        assertEquals(message, input.previousElementSibling(), "the message goes before the input");
        assertEquals("parent-agreement--email--hint parent-agreement--email--error", input.attr("aria-describedby"));

        assertEquals("not-an-email", input.val());
        assertEquals("Siân <i>Jones</i>", page.getElementById("parent-agreement--parent-name").val(),
                "what was typed comes back as text");
        assertTrue(page.selectFirst("#parent-agreement--pupil-year option[value=year-3]").hasAttr("selected"));
        assertTrue(page.getElementById("parent-agreement--agree-points").hasAttr("checked"));
        assertTrue(page.getElementById("parent-agreement--agree-points--2").hasAttr("checked"));
        assertTrue(page.getElementById("parent-agreement--relationship").hasAttr("checked"));
        assertEquals("Diolch", page.getElementById("parent-agreement--comments").text());
        assertEquals("9185fca34835", page.selectFirst("input[name=form-version]").val());
        assertEquals(1, page.select(".form-group--error").size());
    }

    @Test
    void everyValidationErrorInEnglish() {
        String[] pairs = agreement("en");
        pairs = with(pairs, "parent-name", "");
        pairs = with(pairs, "pupil-year", "year-9");
        pairs = with(pairs, "start-date", "2026-02-30");
        pairs = with(pairs, "call-time", "25:61");
        pairs = with(pairs, "contact-method", "pigeon");
        pairs = with(pairs, "comments", "x".repeat(51));
        pairs = with(pairs, "surprise", "field");
        Document page = post("parent-agreement", pairs);

        assertEquals(List.of(
                "Enter an answer for ‘Your name’",
                "Select one of the answers listed for ‘Year group’",
                "‘Start date’ must be a real date, written as year-month-day, for example 2026-11-30",
                "‘Best time to call’ must be a real time, for example 14:30",
                "Select one of the answers listed for ‘How to contact you’",
                "‘Comments’ must be 50 characters or fewer",
                "The form sent an answer we do not recognise (‘\u2068surprise\u2069’). Reload the page and try again."),
                summary(page));
        assertEquals("x".repeat(51), page.getElementById("parent-agreement--comments").text());
    }

    @Test
    void everyValidationErrorInWelsh() {
        String[] pairs = agreement("cy");
        pairs = with(pairs, "parent-name", "");
        pairs = with(pairs, "email", "dim");
        pairs = with(pairs, "pupil-year", "");
        pairs = with(pairs, "start-date", "31/12/2026");
        pairs = with(pairs, "call-time", "9am");
        pairs = with(pairs, "comments", "x".repeat(51));
        Document page = post("parent-agreement", pairs);

        assertTrue(page.title().startsWith("Gwall: Cytundeb rhieni a gofalwyr"), page.title());
        assertEquals("Mae problem wedi codi", page.selectFirst("#error-summary-title").text());
        assertEquals(List.of(
                "Rhowch ateb ar gyfer ‘Eich enw’",
                "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com",
                "Dewiswch ateb ar gyfer ‘Grŵp blwyddyn’",
                "Rhaid i ‘Dyddiad dechrau’ fod yn ddyddiad go iawn, wedi’i ysgrifennu fel blwyddyn-mis-diwrnod, er enghraifft"
                        + " 2026-11-30",
                "Rhaid i ‘Yr amser gorau i ffonio’ fod yn amser go iawn, er enghraifft 14:30",
                "Rhaid i ‘Sylwadau’ fod yn 50 nod neu lai"),
                summary(page));
        assertEquals("Gwall:", page.selectFirst(".error-message .visually-hidden").text());
    }

    @Test
    void checkboxesAndRadiosGetTheirMessageAtTheTopOfTheFieldset() {
        Document english = post("parent-agreement", without(agreement("en"), "agree-points"));
        Element fieldset = english.selectFirst(".form-group[data-field=agree-points] fieldset");
        assertEquals("p", fieldset.child(1).tagName(), "after the legend");
        assertEquals("parent-agreement--agree-points--error", fieldset.child(1).id());
        assertEquals("parent-agreement--agree-points--error", fieldset.attr("aria-describedby"));
        assertEquals(List.of("Select at least one answer for ‘I agree to’"), summary(english));

        Document welsh = post("parent-agreement", with(agreement("cy"), "agree-points", "everything"));
        assertEquals(List.of("Dewiswch un o’r atebion a restrir ar gyfer ‘Rwy’n cytuno i’"), summary(welsh));
    }

    @Test
    void consentStatementsAndPupilNamesInBothLanguages() {
        Document english = post("images-consent", consent("en", "", "", "perhaps"));
        // Each message names its own statement (issue 20: five identical messages helped no one).
        assertEquals(List.of("Enter an answer for ‘Name of pupil’",
                "Select whether or not you give consent to ‘Photos on the school website’",
                "Select either ‘I give consent’ or ‘I do not give consent’ for ‘Video of school events’"), summary(english));
        // A question asked by a fieldset is linked by its legend (in view), naming the input to focus.
        Element first = english.selectFirst(".error-summary__list a");
        assertEquals("#images-consent--pupil-names--legend", first.attr("href"));
        assertEquals("images-consent--pupil-names--1", first.attr("data-input"));
        assertNotNull(english.getElementById("images-consent--pupil-names--legend"));
        assertEquals("legend", english.getElementById("images-consent--pupil-names--legend").tagName());
        assertEquals("#images-consent--consent--photos-on-website--legend",
                english.select(".error-summary__list a").get(1).attr("href"));
        assertTrue(english.selectFirst(".form-group[data-field=consent.photos-on-website]").hasClass("form-group--error"));
        assertNotNull(english.getElementById("images-consent--consent--video--error"));

        Document welsh = post("images-consent", consent("cy", "", "", ""));
        assertEquals(List.of("Rhowch ateb ar gyfer ‘Enw’r disgybl’",
                "Dewiswch a ydych yn rhoi caniatâd i ‘Lluniau ar wefan yr ysgol’ ai peidio",
                "Dewiswch a ydych yn rhoi caniatâd i ‘Fideo o ddigwyddiadau’r ysgol’ ai peidio"), summary(welsh));
    }

    @Test
    void tooManyPupilNamesInBothLanguages() {
        String json = """
                {"form-lang": "%s", "form-version": "%s", "pupil-names": ["A", "B", "C", "D"],
                 "consent.photos-on-website": "given", "consent.video": "given"}""";
        HttpResponse<String> english = server.browser().postJson("/forms/testschool/images-consent",
                json.formatted("en", "b66afb8d88e9"));
        HttpResponse<String> welsh = server.browser().postJson("/forms/testschool/images-consent",
                json.formatted("cy", "8d07fb7ee220"));
        assertTrue(english.body().contains("Enter no more than 3 names for ‘Name of pupil’"), english.body());
        assertTrue(welsh.body().contains("Rhowch ddim mwy na 3 enw ar gyfer ‘Enw’r disgybl’"), welsh.body());
    }

    @Test
    void aStaleFormVersionIsReshownWithTheCurrentVersionAndTheAnswers() {
        Document english = post("parent-agreement", with(agreement("en"), "form-version", "000000000000"));
        assertEquals(List.of("This form has changed since you opened it. Check your answers and send it again."),
                summary(english));
        assertEquals("9185fca34835", english.selectFirst("input[name=form-version]").val());
        assertEquals("Siân Jones", english.getElementById("parent-agreement--parent-name").val());

        Document welsh = post("parent-agreement", with(agreement("cy"), "form-version", "9185fca34835"));
        assertEquals(List.of("Mae’r ffurflen hon wedi newid ers i chi ei hagor. Gwiriwch eich atebion a’i hanfon eto."),
                summary(welsh), "an English version is not a Welsh version");
    }

    @Test
    void aWithdrawalNamingNoConsentFormInBothLanguages() {
        Document english = post("consent-withdrawal", withdrawal("en", "ZZZZZZZZ", "Alys Morgan"));
        assertEquals(List.of("We cannot find a consent form of that kind with this reference number for the child you"
                + " named. Check the reference number and the child’s name as they are on the consent form, or leave the"
                + " reference number empty: the school will then look for the form itself. This website cannot tell you when"
                + " it has done so: ask the school office."),
                summary(english));
        Document welsh = post("consent-withdrawal", withdrawal("cy", "ZZZZZZZZ", "Alys Morgan"));
        assertEquals(List.of("Ni allwn ddod o hyd i ffurflen ganiatâd o’r math hwnnw gyda’r cyfeirnod hwn ar gyfer y"
                + " plentyn a enwoch. Gwiriwch y cyfeirnod ac enw’r plentyn fel y maent ar y ffurflen ganiatâd, neu gadewch"
                + " y cyfeirnod yn wag: bydd yr ysgol wedyn yn chwilio am y ffurflen ei hun. Ni all y wefan hon ddweud wrthych"
                + " pryd y bydd wedi gwneud hynny: gofynnwch i swyddfa’r ysgol."),
                summary(welsh));
    }

    @Test
    void theHoneypotIsNotPutBack() {
        Document page = post("parent-agreement", with(agreement("en"), "email", ""));
        Element honeypot = page.getElementById("parent-agreement--website");
        assertEquals("", honeypot.attr("value"));
    }
}
