package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Tester 3's fault 12: an urgent incident report refused for a field error or an out-of-date form
 * version was shown the form again with no word of what to do now. Every refusal page of a post whose
 * answers say the concern is urgent leads with the school's urgent steps and the roles to tell now
 * (English and Welsh); one that is not urgent does not. And a report sent from an earlier version of
 * an incident form's page, one the archive holds, is taken: its reporter signs no text (ADR 0089).
 */
class UrgentRefusalPagesTest {

    private static Document refusal(TestServer.Browser browser, HttpResponse<String> posted) {
        assertEquals(303, posted.statusCode(), posted.body());
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/answers/"), location);
        return Jsoup.parse(browser.get(location).body());
    }

    /** The page's guidance, which must be the first thing in {@code <main>}, or null when it has none. */
    private static Element leadingGuidance(Document page) {
        Element guidance = page.selectFirst(".urgent-instructions");
        if (guidance != null) {
            assertEquals(guidance, page.selectFirst("main").child(0), "the guidance leads the page");
            assertEquals("alert", guidance.attr("role"));
        }
        return guidance;
    }

    @Test
    void everyRefusalOfAnUrgentReportLeadsWithWhatToDoNow(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            TestServer.Browser teacher = server.browser();
            List<String[]> refused = List.of(
                    with(incident("en", "immediate-risk", "A message"), "category", "bogus"),
                    with(incident("en", "immediate-risk", "A message"), "form-version", "deadbeef0000"),
                    with(incident("en", "illegal-content", "A message"), "category", ""));
            for (String[] post : refused) {
                Element guidance = leadingGuidance(refusal(teacher, teacher.post("/forms/testschool/incident-report",
                        form(post))));
                assertNotNull(guidance, String.join(" ", post));
                assertEquals("What to do now", guidance.selectFirst("h2").text());
                assertTrue(guidance.text().contains("tell them now, in person or by phone: designated safeguarding lead"),
                        guidance.text());
                assertEquals(List.of("Report to Police using any number. DO NOT DELAY", "Do not ask leading questions"),
                        guidance.select(".urgent-steps li").eachText());
            }
            Element welsh = leadingGuidance(refusal(teacher, teacher.post("/forms/testschool/incident-report",
                    form(with(incident("cy", "immediate-risk", "Neges"), "category", "bogus")))));
            assertNotNull(welsh);
            assertEquals("Beth i’w wneud nawr", welsh.selectFirst("h2").text());
            assertTrue(welsh.text().contains("PEIDIWCH AG OEDI"), welsh.text());

            assertNull(leadingGuidance(refusal(teacher, teacher.post("/forms/testschool/incident-report",
                    form(with(incident("en", "none", "A message"), "category", "bogus"))))),
                    "a report that is not urgent is refused as any form is");
        }
    }

    @Test
    void aReportFromAnEarlierVersionOfTheIncidentFormsPageIsTakenButAnUnknownVersionIsNot(@TempDir Path folder)
            throws Exception {
        Path archive = TestServer.copyOfFixture("agreed-texts", folder.resolve("agreed-texts"));
        Path current = archive.resolve("testschool/incident-report/a62d1d408abd.json");
        Files.copy(current, current.resolveSibling("0123456789ab.json"));   // a page published before it
        try (TestServer server = TestServer.start(TestServer.settings(folder.resolve("server"))
                .set("agreed-texts-dir", archive).load(), Clock.systemUTC())) {
            HttpResponse<String> earlier = server.browser().post("/forms/testschool/incident-report",
                    form(with(incident("en", "immediate-risk", "A message"), "form-version", "0123456789ab")));
            assertEquals(303, earlier.statusCode(), earlier.body());
            assertTrue(earlier.headers().firstValue("Location").orElseThrow().contains("/received/"),
                    earlier.headers().map().toString());
            assertEquals(1, server.count("SELECT count(*) FROM submission WHERE form_version = '0123456789ab'"),
                    "the record names the version its reporter saw");
            HttpResponse<String> unknown = server.browser().post("/forms/testschool/incident-report",
                    form(with(incident("en", "immediate-risk", "A message"), "form-version", "deadbeef0000")));
            assertTrue(unknown.headers().firstValue("Location").orElseThrow().contains("/answers/"),
                    "a version never published is refused (with what to do now)");
        }
    }
}
