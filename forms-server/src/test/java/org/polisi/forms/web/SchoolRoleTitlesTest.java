package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.contract.ManifestJson;
import org.polisi.forms.TestServer;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.RoleNames;

/**
 * Tester 7: Brynford calls its online safety co-ordinator the Digital Leader, and its pages say so,
 * but the server's pages and receipts said the generic role. A school's titles now come through its
 * manifest ({@code roleTitles}, ADR 0101) and name the role on its refusal pages, JSON refusals,
 * receipts and staff pages, in each language it gives one (else the generic name in that language,
 * never another language's title), escaped as any text is. Another school keeps the generic names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolRoleTitlesTest {

    private static final String INCIDENT = "/forms/testschool/incident-report";
    /** A title with markup characters: shown as text, never as markup. */
    private static final String OFFICER = "Child Protection <b>Officer</b> & \"Co\"";
    private static final String TITLES = "\"roleTitles\": {"
            + "\"safeguarding-lead\": {\"en\": \"Child Protection <b>Officer</b> & \\\"Co\\\"\", \"cy\": \"Swyddog Amddiffyn Plant\"},"
            + " \"online-safety-coordinator\": {\"en\": \"Digital Leader\"}}, \"forms\": [";

    TestServer server;

    @BeforeAll
    void start(@TempDir Path folder) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path file = manifests.resolve("testschool.json");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"forms\": ["));
        Files.writeString(file, text.replaceFirst("\"forms\": \\[", java.util.regex.Matcher.quoteReplacement(TITLES)),
                StandardCharsets.UTF_8);
        assertEquals(OFFICER, ManifestJson.read(file).roleTitle("safeguarding-lead", "en").orElseThrow());
        server = TestServer.start(TestServer.settings(folder).set("manifest-dir", manifests).load(), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Document refusal(String language) {
        TestServer.Browser browser = server.browser();
        HttpResponse<String> posted = browser.post(INCIDENT, form(with(incident(language, "immediate-risk", "x"),
                "category", "bogus")));
        assertEquals(303, posted.statusCode(), posted.body());
        return Jsoup.parse(browser.get(posted.headers().firstValue("Location").orElseThrow()).body());
    }

    @Test
    void anUrgentReportsRefusalAndReceiptNameTheSchoolsTitleEscaped() throws Exception {
        Element english = refusal("en").selectFirst(".urgent-instructions");
        assertNotNull(english);
        assertTrue(english.text().contains("in person or by phone: " + OFFICER), english.text());
        assertFalse(english.html().contains("<b>"), "the title is text, never markup: " + english.html());
        assertFalse(english.text().contains("designated safeguarding lead"), english.text());
        Element welsh = refusal("cy").selectFirst(".urgent-instructions");
        assertTrue(welsh.text().contains("Swyddog Amddiffyn Plant"), welsh.text());

        HttpResponse<String> json = server.browser().post(INCIDENT, "{\"form-id\": \"incident-report\", \"form-lang\": \"en\","
                + " \"urgent-concern\": \"immediate-risk\", \"category\": \"bogus\"}", "Content-Type", "application/json");
        String intro = new ObjectMapper().readTree(json.body()).get("urgent").get("intro").asText();
        assertTrue(intro.contains(OFFICER), intro);

        HttpResponse<String> sent = server.browser().post(INCIDENT, form(incident("cy", "immediate-risk", "x")));
        assertEquals(303, sent.statusCode(), sent.body());
        Document receipt = Jsoup.parse(server.browser().get(sent.headers().firstValue("Location").orElseThrow()).body());
        Element told = receipt.selectFirst(".urgent-instructions");
        assertNotNull(told);
        assertTrue(told.text().contains("Swyddog Amddiffyn Plant"), told.text());
        assertFalse(told.text().contains("person diogelu dynodedig"), told.text());
    }

    @Test
    void aStaffPageNamesTheRoleAsTheSchoolDoesInEachLanguageItGivesOne() {
        server.addStaff("testschool", "Dewi Digidol", "dewi@test.example", "online-safety-coordinator");
        TestServer.Browser dewi = server.loggedIn("dewi@test.example");
        String english = Jsoup.parse(dewi.get("/staff/?lang=en").body()).text();
        assertTrue(english.contains("(Digital Leader)"), english);
        String welsh = Jsoup.parse(dewi.get("/staff/?lang=cy").body()).text();
        assertTrue(welsh.contains("(cydlynydd diogelwch ar-lein)"), "no Welsh title: the generic Welsh name, " + welsh);
        assertFalse(welsh.contains("Digital Leader"), "never the English title on a Welsh page");

        server.addStaff("otherschool", "Olwen Office", "olwen@other.example", "headteacher");
        String other = Jsoup.parse(server.loggedIn("olwen@other.example").get("/staff/?lang=en").body()).text();
        assertTrue(other.contains("(headteacher)"), "a school without titles keeps the generic names: " + other);
    }

    @Test
    void withoutATitleTheGenericNameStands() throws IOException {
        Messages messages = new Messages();
        var manifest = ManifestJson.read(TestServer.fixture().resolve("manifests/testschool.json"));
        assertEquals("designated safeguarding lead", RoleNames.of(messages, Optional.of(manifest), "safeguarding-lead", "en"));
        assertEquals("pennaeth", RoleNames.of(messages, Optional.empty(), "headteacher", "cy"));
    }
}
