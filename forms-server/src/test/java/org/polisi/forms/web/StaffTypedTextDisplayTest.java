package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * The 23:40 tester, fault 5: a withdrawal's rejection reason {@code Not the parent <b>x</b>\r\n\u202eevil}
 * was shown raw on the staff page: no {@code <bdi>}, no {@code [U+202E]}, its line break lost. Every
 * text staff or parents typed that the record page shows goes through one display path (frames.ftl's
 * {@code typed}: each line in its own {@code <bdi>}, bidirectional controls made visible, line breaks
 * kept). This walks them: the rejection reason, the name of who decided, a chronology action, the
 * pupils' names a withdrawal could match.
 */
class StaffTypedTextDisplayTest {

    private static final String HOSTILE = "Not the parent <b>x</b>\r\n\u202eevil";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void everyTypedTextOnARecordPageIsIsolatedWithItsLineBreaks(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Olwen \u202eOffice", "office@test.example", "office");
            server.addStaff("testschool", "Heledd Head", "head@test.example", "headteacher");
            TestServer.Browser parent = server.browser();
            String pupil = "Dewi \u202eRees";
            assertEquals(303, parent.post("/forms/testschool/images-consent", form(consent("en", pupil, "given", "given")))
                    .statusCode());
            String pending = reference(parent.post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", "", pupil, "all"))));
            String rejected = reference(parent.post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", "", pupil, "all"))));
            String incidentReference = reference(parent.post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Unkind messages"))));

            TestServer.Browser office = server.loggedIn("office@test.example");
            // the candidates a pending request could match: the pupils' names, typed by a parent
            Element candidates = page(office, pending).selectFirst("table");
            assertTrue(candidates != null, "a candidate to match");
            assertIsolated(candidates.html(), "[U+202E]Rees");

            assertEquals(303, office.post("/staff/submissions/" + rejected + "/reject",
                    form("csrf-token", office.csrf(), "reason", HOSTILE)).statusCode());
            Element decision = page(office, rejected).selectFirst(".withdrawal-decision");
            assertIsolated(decision.html(), "[U+202E]Office");   // who decided: a name typed at user add
            Element reason = page(office, rejected).selectFirst(".withdrawal-reason");
            assertTrue(reason != null, "the reason has its own place");
            assertTypedLines(reason);

            TestServer.Browser head = server.loggedIn("head@test.example");
            assertEquals(303, head.post("/staff/submissions/" + incidentReference + "/chronology",
                    form("csrf-token", head.csrf(), "kind", "action", "detail", HOSTILE)).statusCode());
            Element action = page(head, incidentReference).select("table td").stream()
                    .filter(cell -> cell.text().contains("Not the parent")).findFirst().orElseThrow();
            assertTypedLines(action);
        }
    }

    /** Each line in its own {@code <bdi>}, joined by {@code <br>}, markup shown as text, U+202E as its code point. */
    private static void assertTypedLines(Element shown) {
        assertEquals(2, shown.select("bdi").size(), shown.html());
        assertEquals(1, shown.select("br").size(), "the line break kept: " + shown.html());
        assertEquals("Not the parent <b>x</b>", shown.select("bdi").get(0).text());
        assertEquals("[U+202E]evil", shown.select("bdi").get(1).text());
        assertTrue(shown.select("b").isEmpty(), "typed markup is text, never markup");
        assertFalse(shown.text().contains("\u202e"), shown.html());
    }

    private static void assertIsolated(String html, String visible) {
        assertFalse(html.contains("\u202e"), html);
        assertTrue(html.contains(visible), html);
        assertTrue(html.contains("<bdi>") || html.contains("\u2068"), "isolated: " + html);
    }

    private static org.jsoup.nodes.Document page(TestServer.Browser browser, String reference) {
        HttpResponse<String> page = browser.get("/staff/submissions/" + reference);
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body());
    }
}
