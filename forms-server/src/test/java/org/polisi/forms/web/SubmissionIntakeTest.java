package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.intake.OutboxDao;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionIntakeTest {

    TestServer server;
    TestServer.Browser browser;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
        browser = server.browser();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private SubmissionRow stored(String reference) {
        return server.jdbi().withExtension(SubmissionDao.class, dao -> dao.findByReference(reference)).orElseThrow();
    }

    @Test
    void anAgreementIsStoredWithItsCleanedAnswersAndConfirmedWithAReference() {
        HttpResponse<String> response = browser.post("/forms/testschool/parent-agreement", form(agreement("en")));

        assertEquals(303, response.statusCode());
        String reference = reference(response);
        assertTrue(reference.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}"), reference);
        SubmissionRow row = stored(reference);
        assertEquals("testschool", row.school());
        assertEquals("parent-agreement", row.formId());
        assertEquals("9185fca34835", row.formVersion());
        assertEquals("en", row.lang());
        Map<String, Object> answers = CanonicalJson.readFields(row.fieldsJson());
        assertEquals("Siân Jones", answers.get("parent-name"));
        assertEquals(List.of("rules", "devices"), answers.get("agree-points"));
        assertFalse(answers.containsKey("form-version"), "hidden fields are not answers");
        assertFalse(answers.containsKey("website"));
    }

    @Test
    void theConfirmationPageGivesTheReferenceWhatHappensNextAndAReceiptInTheSubmissionsLanguage() {
        HttpResponse<String> response = browser.post("/forms/testschool/parent-agreement", form(agreement("cy")));
        HttpResponse<String> page = browser.get(response.headers().firstValue("Location").orElseThrow());

        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow()
                .replace(";charset", "; charset"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(page.body().contains("<html lang=\"cy\">"), page.body().substring(0, 300));
        assertTrue(page.body().contains(reference(response)));
        assertTrue(page.body().contains("Bydd yr ysgol yn cadw eich cytundeb ar ffeil."), "the form's own words");
        assertTrue(page.body().contains("Blwyddyn 3"), "the receipt shows answers in words");
        assertTrue(page.body().contains("1 Medi 2026"), "a date answer reads as a date in Welsh, not 2026-09-01");
        assertFalse(page.body().contains("2026-09-01"));
        assertTrue(page.body().contains("Siân Jones"));
        assertTrue(page.body().contains("href=\"/assets/polisi.css\""));
        assertTrue(page.body().contains("class=\"skip-link\" href=\"#main-content\""));
    }

    @Test
    void theConfirmationCannotBeOpenedWithTheReferenceAlone() {
        String reference = reference(browser.post("/forms/testschool/parent-agreement",
                form(with(agreement("en"), "parent-name", "Only Reference"))));

        assertEquals(404, browser.get("/forms/testschool/received/" + reference).statusCode());
        assertEquals(404, browser.get("/forms/testschool/received/" + reference + "?t=9999999999.forged").statusCode());
    }

    @Test
    void aConsentFormIsStored() {
        String reference = reference(browser.post("/forms/testschool/images-consent",
                form(consent("en", "Dewi Rees", "given", "refused"))));
        Map<String, Object> answers = CanonicalJson.readFields(stored(reference).fieldsJson());
        assertEquals(List.of("Dewi Rees"), answers.get("pupil-names"));
        assertEquals("given", answers.get("consent.photos-on-website"));
        assertEquals("refused", answers.get("consent.video"));
    }

    @Test
    void anOrdinaryIncidentReportIsStoredWithoutAnAlert() {
        String reference = reference(browser.post("/forms/testschool/incident-report",
                form(incident("en", "none", "Unkind messages in a group chat"))));
        assertFalse(stored(reference).urgent());
        assertTrue(server.jdbi().withExtension(OutboxDao.class, outbox -> outbox.unsent("testschool")).stream()
                .noneMatch(alert -> alert.reference().equals(reference)));
    }

    @Test
    void anUrgentIncidentIsFlaggedAndAlertsTheSafeguardingLeadWithoutItsContent() {
        HttpResponse<String> response = browser.post("/forms/testschool/incident-report",
                form(incident("en", "illegal-content", "Secret details of the images")));
        String reference = reference(response);

        assertTrue(stored(reference).urgent());
        OutboxDao.Alert alert = server.jdbi().withExtension(OutboxDao.class, outbox -> outbox.unsent("testschool"))
                .stream().filter(each -> each.reference().equals(reference)).findFirst().orElseThrow();
        assertEquals("safeguarding-lead", alert.recipientRole());
        assertEquals("Gareth Evans", alert.raisedBy());
        assertEquals("illegal-content", alert.category());
        assertFalse(alert.toString().contains("Secret details"));

        String page = browser.get(response.headers().firstValue("Location").orElseThrow()).body();
        // the school's own steps (the form's urgentSteps; tester 2, finding 2), word for word
        assertTrue(page.contains("Report to Police using any number. DO NOT DELAY"), page);
        assertTrue(page.contains("Do not ask leading questions"), page);
    }

    @Test
    void anUrgentIncidentInWelshGetsTheInstructionsInWelsh() {
        HttpResponse<String> response = browser.post("/forms/testschool/incident-report",
                form(incident("cy", "immediate-risk", "Manylion")));
        String page = browser.get(response.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("Peidiwch â gofyn cwestiynau arweiniol"), page);
        assertTrue(page.contains("PEIDIWCH AG OEDI"), page);
    }

    @Test
    void aScriptCanSubmitJsonAndGetsItsReference() {
        HttpResponse<String> response = browser.postJson("/forms/testschool/images-consent", """
                {"form-lang": "en", "form-version": "b66afb8d88e9", "pupil-names": ["Ann", "Ben"],
                 "consent.photos-on-website": "given", "consent.video": "given"}""");

        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().contains("application/json"));
        assertTrue(response.body().matches("\\{\"reference\":\"[2-9A-Z]{8}\",\"receipt\":\"/forms/testschool/received/.*"),
                response.body());
    }

    @Test
    void invalidJsonGetsItsErrorsByField() {
        HttpResponse<String> response = browser.postJson("/forms/testschool/images-consent", """
                {"form-lang": "cy", "form-version": "8d07fb7ee220", "consent.photos-on-website": "maybe"}""");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("\"pupil-names\":\"Rhowch ateb ar gyfer ‘Enw’r disgybl’\""), response.body());
        assertTrue(response.body().contains("\"consent.photos-on-website\":\"Dewiswch naill ai"), response.body());
        assertTrue(response.body().contains("\"consent.video\":\"Dewiswch a ydych yn rhoi caniatâd i ‘Fideo o ddigwyddiadau’r ysgol’ ai peidio\""),
                response.body());
    }

    @Test
    void sendingTheSameFormTwiceGivesTheSameReferenceAndStoresItOnce() {
        String[] answers = with(agreement("en"), "parent-name", "Twice Sent");
        String first = reference(browser.post("/forms/testschool/parent-agreement", form(answers)));
        String second = reference(browser.post("/forms/testschool/parent-agreement", form(answers)));

        assertEquals(first, second);
        assertEquals(1, server.count("SELECT count(*) FROM submission WHERE fields_json LIKE '%Twice Sent%'"));
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheFirstReference() {
        String[] first = with(with(agreement("en"), "parent-name", "Key One"), "idempotency-key", "retry-key-0001");
        String[] retry = with(with(agreement("en"), "parent-name", "Key One, retried"), "idempotency-key",
                "retry-key-0001");
        String[] other = with(with(agreement("en"), "parent-name", "Key One"), "idempotency-key", "retry-key-0002");

        String reference = reference(browser.post("/forms/testschool/parent-agreement", form(first)));
        assertEquals(reference, reference(browser.post("/forms/testschool/parent-agreement", form(retry))));
        assertNotEquals(reference, reference(browser.post("/forms/testschool/parent-agreement", form(other))));
    }

    @Test
    void anUnknownSchoolOrFormIsNotFound() {
        assertEquals(404, browser.post("/forms/nowhere/parent-agreement", form(agreement("en"))).statusCode());
        assertEquals(404, browser.post("/forms/testschool/no-such-form", form(agreement("en"))).statusCode());
        assertEquals(404, browser.post("/forms/otherschool/parent-agreement", form(agreement("en"))).statusCode());
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        // larger than the largest valid submission of any of the school's forms (see BodyLimitTest)
        String huge = "x".repeat(300 * 1024);
        HttpResponse<String> response = browser.post("/forms/testschool/parent-agreement",
                form(with(agreement("en"), "comments", huge)));
        assertEquals(413, response.statusCode());
    }

    @Test
    void aPostFromAnotherSiteIsRefused() {
        int before = count();
        HttpResponse<String> byOrigin = browser.post("/forms/testschool/parent-agreement", form(agreement("en")),
                "Origin", "https://evil.example");
        HttpResponse<String> byReferer = server.browser().post("/forms/testschool/parent-agreement",
                form(agreement("en")), "Origin", null, "Referer", "https://evil.example/page.html");

        assertEquals(403, byOrigin.statusCode());
        assertEquals(403, byReferer.statusCode());
        assertTrue(byOrigin.body().contains("This form was sent from another website"));
        assertEquals(before, count());
    }

    @Test
    void aPostFromTheSameSiteOrFromAScriptWithoutOriginIsAccepted() {
        HttpResponse<String> sameOriginByReferer = server.browser().post("/forms/testschool/parent-agreement",
                form(with(agreement("en"), "parent-name", "Referer Only")), "Origin", null,
                "Referer", server.url("/testschool/en/parent-agreement.html"));
        HttpResponse<String> noHeaders = server.browser().post("/forms/testschool/parent-agreement",
                form(with(agreement("en"), "parent-name", "No Headers")), "Origin", null);

        assertEquals(303, sameOriginByReferer.statusCode());
        assertEquals(303, noHeaders.statusCode());
    }

    private int count() {
        return server.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM submission")
                .mapTo(Integer.class).one());
    }
}
