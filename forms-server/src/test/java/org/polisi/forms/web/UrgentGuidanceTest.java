package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.TestServer.form;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Tester 2, finding 2: an urgent report's "What to do now" invented advice (a device step, "101",
 * "do not question the child"). The steps are now the school's own (the form's {@code urgentSteps}),
 * word for word and in order; a school that gives none gets a link to its policy's page, and no
 * words of the server's. Variants: both languages, the confirmation and a refusal page, and the
 * server's bundles themselves.
 */
class UrgentGuidanceTest {

    private static final String INCIDENT = "/forms/testschool/incident-report";
    /** Advice the server used to write of its own, in either language: none of it may appear. */
    private static final List<String> INVENTED = List.of("999", "101", "switched on or off", "question the child",
            "forward, print", "diffodd", "holi’r plentyn");

    private static Document confirmation(TestServer server, String language) {
        HttpResponse<String> sent = server.browser().post(INCIDENT, form(incident(language, "immediate-risk", "x")));
        assertEquals(303, sent.statusCode(), sent.body());
        return Jsoup.parse(server.browser().get(sent.headers().firstValue("Location").orElseThrow()).body());
    }

    private static void assertNothingInvented(String text) {
        for (String invented : INVENTED) {
            assertFalse(text.contains(invented), "'" + invented + "' in: " + text);
        }
    }

    @Test
    void theConfirmationShowsTheSchoolsStepsWordForWordInBothLanguages(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            Map<String, List<String>> expected = Map.of(
                    "en", List.of("Report to Police using any number. DO NOT DELAY", "Do not ask leading questions"),
                    "cy", List.of("Rhoi gwybod i'r Heddlu gan ddefnyddio unrhyw rif. PEIDIWCH AG OEDI",
                            "Peidiwch â gofyn cwestiynau arweiniol"));
            for (String language : List.of("en", "cy")) {
                Element urgent = confirmation(server, language).selectFirst(".urgent-instructions");
                assertNotNull(urgent, language);
                assertEquals(expected.get(language), urgent.select("ol.urgent-steps li").eachText(), language);
                assertNull(urgent.selectFirst(".urgent-procedure"), "no link when the school gives its steps");
                assertNothingInvented(urgent.text());
            }
        }
    }

    @Test
    void withoutStepsOfItsOwnTheSchoolsPolicyIsLinkedAndNothingIsAdvised(@TempDir Path folder) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path file = manifests.resolve("testschool.json");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String withoutSteps = Pattern.compile("(?m)^\\s*\"urgentSteps\": .*\\n").matcher(text).replaceAll("");
        assertTrue(withoutSteps.length() < text.length(), "the fixture's incident form had steps");
        Files.writeString(file, withoutSteps, StandardCharsets.UTF_8);
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("manifest-dir", manifests).load(),
                Clock.systemUTC())) {
            for (String language : List.of("en", "cy")) {
                Element urgent = confirmation(server, language).selectFirst(".urgent-instructions");
                assertNotNull(urgent, language);
                assertTrue(urgent.select("ol.urgent-steps li").isEmpty(), urgent.outerHtml());
                assertEquals("/testschool/" + language + "/incident-report.html",
                        urgent.selectFirst(".urgent-procedure a").attr("href"), urgent.outerHtml());
                assertNothingInvented(urgent.text());
            }
            HttpResponse<String> refused = server.browser().post(INCIDENT, form(incident("en", "immediate-risk", "x")),
                    "Origin", "http://evil.example");
            assertEquals(403, refused.statusCode());
            Element guidance = Jsoup.parse(refused.body()).selectFirst(".urgent-instructions");
            assertEquals("/testschool/en/incident-report.html", guidance.selectFirst(".urgent-procedure a").attr("href"));
            assertTrue(guidance.text().contains("designated safeguarding lead"), guidance.text());
            assertNothingInvented(guidance.text());
        }
    }

    /** The kind, at its source: no server bundle carries safety advice of its own. */
    @Test
    void theServersBundlesCarryNoAdviceOfTheirOwn() throws IOException {
        for (String language : List.of("en", "cy")) {
            Path bundle = Path.of("../themes/default/i18n/server_" + language + ".properties");
            String text = Files.readString(bundle, StandardCharsets.UTF_8);
            assertFalse(text.contains("urgent.step."), bundle.toString());
            assertNothingInvented(text.lines().filter(line -> line.startsWith("urgent.")).reduce("", String::concat));
        }
    }
}
