package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * The 23:40 tester, fault 4: a JSON post with {@code "website":"http://spam"} got 201 with a
 * reference and a working receipt, and nothing was stored. A filled honeypot is now refused (422):
 * the page says the form was not sent and why, and links to the answers kept for sending again; a
 * script gets the field's error. Nobody is told a form was received when it was not.
 */
class HoneypotRefusalTest {

    private static final String AGREEMENT = "/forms/testschool/parent-agreement";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aFilledHoneypotIsRefusedAndTheAnswersCanBeSentAgain(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            TestServer.Browser browser = server.browser();
            HttpResponse<String> refused = browser.post(AGREEMENT,
                    form(with(with(agreement("cy"), "website", "http://spam.example"), "parent-name", "Nia Wyn")));
            assertEquals(422, refused.statusCode());
            Document page = Jsoup.parse(refused.body());
            assertEquals("cy", page.selectFirst("html").attr("lang"));
            assertTrue(page.text().contains("Nid yw eich ffurflen wedi’i hanfon"), page.text());
            assertFalse(refused.body().contains("reference"), "no reference for a form not received");
            assertEquals(0, server.count("SELECT count(*) FROM submission"));

            Element back = page.selectFirst("main a[href*=/answers/]");
            assertTrue(back != null, refused.body());
            Document answers = Jsoup.parse(browser.get(back.attr("href")).body());
            assertEquals("Nia Wyn", answers.getElementById("parent-agreement--parent-name").val(), "what was typed is kept");
            assertEquals("", answers.getElementById("parent-agreement--website").val(), "but not the hidden box");
            Element draftForm = answers.selectFirst("form[action^=/forms/testschool/parent-agreement]");
            String sentAgain = TestServer.form(draftForm.select("input[name], textarea[name], select[name]").stream()
                    .filter(input -> !input.attr("type").equals("radio") && !input.attr("type").equals("checkbox")
                            || input.hasAttr("checked"))
                    .flatMap(input -> java.util.stream.Stream.of(input.attr("name"), input.is("textarea") ? input.text()
                            : input.is("select") ? input.select("option[selected]").val() : input.val()))
                    .toArray(String[]::new));
            HttpResponse<String> sent = browser.post(draftForm.attr("action"), sentAgain);
            assertEquals(303, sent.statusCode(), sent.body());
            assertEquals(1, server.count("SELECT count(*) FROM submission"), "sent again, it is received");
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aScriptIsToldTheFieldNotGivenAReference(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            HttpResponse<String> refused = server.browser().postJson(AGREEMENT, "{\"form-id\":\"parent-agreement\","
                    + "\"form-lang\":\"en\",\"website\":\"http://spam\"}");
            assertEquals(422, refused.statusCode());
            assertTrue(refused.body().contains("\"website\""), refused.body());
            assertFalse(refused.body().contains("\"reference\"") || refused.body().contains("\"receipt\""), refused.body());
            assertEquals(0, server.count("SELECT count(*) FROM submission"));
        }
    }

    /** An incident report refused for its honeypot still tells the reporter what to do now. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anIncidentReportRefusedForItsHoneypotCarriesTheUrgentGuidance(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            HttpResponse<String> refused = server.browser().post("/forms/testschool/incident-report",
                    form(with(incident("cy", "immediate-risk", "Plentyn mewn perygl"), "website", "autofill")));
            assertEquals(422, refused.statusCode());
            assertTrue(Jsoup.parse(refused.body()).select(".urgent-instructions").text().contains("cwestiynau arweiniol"),
                    refused.body());
            assertEquals(0, server.count("SELECT count(*) FROM submission"));
        }
    }
}
