package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.Submissions.without;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestServer;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.text.BidiControls;

/**
 * The text policy (ADR 0022) end to end: what was typed is stored exactly (NFC, controls removed,
 * nothing else) and comes back exactly from every output: the receipt, the staff record page, the
 * re-shown form, the CSV download and the JSON subject access export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextPolicyTest {

    /** Markup-like answers: each is stored and shown exactly as typed. */
    static final List<String> CATALOGUE = List.of(
            "He said he would meet her <Oct 20th behind the shop. Police informed.",
            "Pupil wrote <you are dead> in chat",
            "Email me at <ann.jones@example.org> please",
            "if a<b and c>d",
            "Ann <Bee> Jones",
            "Tom &amp; Jerry &lt;3 &#60;b&#62; &copy;",
            "She said \"stop\" and 'no', then ‘curly’ and “double”",
            "</textarea><script>alert('x')</script>",
            "<img src=x onerror=alert(1)><!-- comment -->",
            "javascript:alert(document.cookie)",
            "Mae’r disgybl yn drist 😢🏴󠁧󠁢󠁷󠁬󠁳󠁿 — Siân, Ŵyn a Llŷr",
            "first line <word\nsecond line > still\n\nthird line after a blank",
            "=HYPERLINK(\"http://example.org\",\"click\")",
            "+44 29 2000 0000 and @mention",
            "\u202Ereversed after an override, \u200Fthen a right-to-left mark",
            "  spaces either side  ");

    TestServer server;
    TestServer.Browser staff;

    @BeforeAll
    void start(@TempDir Path folder) {
        server = TestServer.start(folder);
        server.addStaff("testschool", "Nia Head", "head@testschool.example", "headteacher");
        staff = server.loggedIn("head@testschool.example");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> catalogueInBothLanguages() {
        return Stream.of("en", "cy").flatMap(language -> CATALOGUE.stream().map(text -> Arguments.of(language, text)));
    }

    private Map<String, Object> stored(String reference) {
        return CanonicalJson.readFields(server.jdbi().withExtension(SubmissionDao.class,
                dao -> dao.findByReference(reference)).orElseThrow().fieldsJson());
    }

    /** The typed text of a value: the lines of its {@code <bdi>} isolates, as the page shows them. */
    private static String shown(Element value) {
        return value.select("bdi").stream().map(Element::wholeText).collect(Collectors.joining("\n"));
    }

    /** The answer to the fixture's "What happened" question, worded in either language. */
    private static Element whatHappened(Document page) {
        for (Element row : page.select(".summary-list__row")) {
            if (List.of("What happened", "Beth ddigwyddodd").contains(row.selectFirst("dt").text())) {
                return row.selectFirst("dd");
            }
        }
        throw new AssertionError("no answer to What happened in\n" + page);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("catalogueInBothLanguages")
    void aMarkupLikeIncidentReportReadsBackIdenticallyEverywhere(String language, String typed) throws IOException {
        String name = "Gareth " + typed.lines().findFirst().orElse("").strip() + " Evans";
        TestServer.Browser browser = server.browser();
        HttpResponse<String> sent = browser.post("/forms/testschool/incident-report",
                form(with(incident(language, "none", typed), "reporter-name", name)));
        assertEquals(303, sent.statusCode(), sent.body());
        String reference = reference(sent);

        Map<String, Object> answers = stored(reference);
        assertEquals(typed, answers.get("what-happened"), "stored");
        assertEquals(name, answers.get("reporter-name"), "stored name");

        Document receipt = Jsoup.parse(browser.get(sent.headers().firstValue("Location").orElseThrow()).body());
        // shown as typed, each bidirectional formatting character as its code point (ADR 0061)
        String seen = BidiControls.visible(typed);
        assertEquals(seen, shown(whatHappened(receipt)), "receipt");
        assertTrue(receipt.select("script").isEmpty() && receipt.select("img").isEmpty(), "no markup came back");

        Document record = Jsoup.parse(staff.get("/staff/submissions/" + reference + "?lang=" + language).body());
        assertEquals(seen, shown(whatHappened(record)), "staff record page");
        assertTrue(record.select("main script, main img").isEmpty());

        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(
                staff.get("/staff/export.csv?form=incident-report").body().substring(1))).getRecords();
        CSVRecord row = rows.stream().filter(each -> each.get(0).equals(reference)).findFirst().orElseThrow();
        assertEquals(seen, unguarded(row.get(9)), "CSV");
        assertEquals(BidiControls.visible(name), unguarded(row.get(6)), "CSV name");

        JsonNode export = new ObjectMapper().readTree(staff.post("/staff/people.json",
                form("csrf-token", staff.csrf(), "name", name)).body());
        JsonNode found = null;
        for (JsonNode submission : export.get("submissions")) {
            if (submission.get("reference").asText().equals(reference)) {
                found = submission;
            }
        }
        assertEquals(typed, found.get("answers").get("what-happened").asText(), "JSON export");
        assertEquals("exactly", found.get("matched").asText());
    }

    /** A formula-safe cell back to what was typed: the guard is one leading apostrophe. */
    private static String unguarded(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && org.polisi.forms.export.SafeCsv.needsGuard(cell.substring(1))
                ? cell.substring(1) : cell;
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("catalogueInBothLanguages")
    void aReshownFormPutsBackExactlyWhatWasTyped(String language, String typed) {
        HttpResponse<String> response = server.browser().postAndFollow("/forms/testschool/incident-report",
                form(with(without(incident(language, "none", typed), "category"), "reporter-name",
                        typed.lines().findFirst().orElse(""))));
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals(typed, page.getElementById("incident-report--what-happened").wholeText()
                .replaceFirst("^\n", ""), "textarea");
        assertEquals(typed.lines().findFirst().orElse(""), page.getElementById("incident-report--reporter-name").val());
        assertTrue(page.select("main script").isEmpty(), "no markup came back");
    }

    @Test
    void theIssuesExamplesAreStoredAsTypedNotCleaned() {
        for (String language : List.of("en", "cy")) {
            for (String parent : List.of("Ann <Bee> Jones", "Tom &amp; Jerry", "O’Connor <o.connor@example.org>")) {
                String reference = reference(server.browser().post("/forms/testschool/parent-agreement",
                        form(with(agreement(language), "parent-name", parent))));
                assertEquals(parent, stored(reference).get("parent-name"));
            }
        }
    }

    @Test
    void decomposedAnswersAreStoredComposedAndControlCharactersRemoved() {
        String nfd = Normalizer.normalize("Ŵyn Llŷr Nguyễn", Normalizer.Form.NFD);
        String reference = reference(server.browser().post("/forms/testschool/incident-report",
                form(with(incident("cy", "none", "Line one\r\nline two\u0000\u0007 end\u009B"), "reporter-name", nfd))));
        assertEquals("Ŵyn Llŷr Nguyễn", stored(reference).get("reporter-name"));
        assertEquals("Line one\nline two end", stored(reference).get("what-happened"));
    }

    /** Issue 23: a one-line answer with a line break in it was stored with the break. */
    static Stream<Arguments> brokenLines() {
        return Stream.of(
                Arguments.of("en", "parent-name", "Siân\nJones", "Write ‘Your name’ on one line, without line breaks"),
                Arguments.of("cy", "parent-name", "Siân\r\nJones", "Ysgrifennwch ‘Eich enw’ ar un llinell, heb doriadau llinell"),
                Arguments.of("en", "parent-name", "Siân Jones\r", "Write ‘Your name’ on one line, without line breaks"),
                Arguments.of("cy", "parent-name", "Siân\u2028Jones", "Ysgrifennwch ‘Eich enw’ ar un llinell, heb doriadau llinell"),
                Arguments.of("en", "parent-name", "Siân\u2029Jones", "Write ‘Your name’ on one line, without line breaks"),
                Arguments.of("en", "email", "sian@example.org\n", "Write ‘Email address’ on one line, without line breaks"),
                Arguments.of("cy", "email", "\nsian@example.org", "Ysgrifennwch ‘Cyfeiriad e-bost’ ar un llinell, heb doriadau llinell"),
                Arguments.of("en", "start-date", "2026-09-01\n", "Write ‘Start date’ on one line, without line breaks"),
                Arguments.of("en", "call-time", "09:30\r\n", "Write ‘Best time to call’ on one line, without line breaks"));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("brokenLines")
    void aLineBreakInAOneLineAnswerIsRefusedWithTheFieldsMessageAndNotJoined(String language, String field, String typed,
                                                                              String message) {
        int before = server.count("SELECT count(*) FROM submission");
        HttpResponse<String> response = server.browser().postAndFollow("/forms/testschool/parent-agreement",
                form(with(agreement(language), field, typed)));
        assertEquals(200, response.statusCode(), "the draft's page, with the answers and the errors (ADR 0052)");
        Document page = Jsoup.parse(response.body());
        assertTrue(page.select(".error-summary__list a").eachText().contains(message), page.select(".error-summary").text());
        assertTrue(page.getElementById("parent-agreement--" + field + "--error").text().endsWith(message),
                page.select(".error-message").text());
        assertEquals("Diolch", page.getElementById("parent-agreement--comments").wholeText()
                .strip(), "the other answers are put back");
        assertEquals(before, server.count("SELECT count(*) FROM submission"), "nothing stored");
    }

    @Test
    void aLineBreakInAPupilsNameIsRefusedAndOneInAManyLineAnswerIsKept() {
        for (String language : List.of("en", "cy")) {
            int before = server.count("SELECT count(*) FROM submission");
            HttpResponse<String> pupils = server.browser().postAndFollow("/forms/testschool/images-consent",
                    form(consent(language, "Alys\nMorgan", "given", "refused")));
            assertEquals(200, pupils.statusCode(), "the draft's page, with the answers and the errors (ADR 0052)");
            assertEquals(1, Jsoup.parse(pupils.body()).select(".error-summary__list a").size(),
                    Jsoup.parse(pupils.body()).select(".error-summary").text());
            assertEquals(before, server.count("SELECT count(*) FROM submission"));
        }
        String reference = reference(server.browser().post("/forms/testschool/parent-agreement",
                form(with(agreement("en"), "comments", "Line one\nLine two"))));
        assertEquals("Line one\nLine two", stored(reference).get("comments"), "a textarea keeps its lines");
    }

    /**
     * Tester 2, finding 13: a tab in a one-line name was stored. A tab is a control character: it is
     * removed from every typed field type, one-line (name, e-mail, date, time, pupil names) and
     * many-line alike, where line breaks alone stay.
     */
    @Test
    void aTabIsRemovedFromEveryTypedFieldTypeAndLineBreaksAloneStay() {
        String incident = reference(server.browser().post("/forms/testschool/incident-report",
                form(with(org.polisi.forms.Submissions.incident("en", "none", "First\tsecond\nthird\t"),
                        "reporter-name", "\t=1+1"))));
        assertEquals("=1+1", stored(incident).get("reporter-name"));
        assertEquals("Firstsecond\nthird", stored(incident).get("what-happened"));
        String agreement = reference(server.browser().post("/forms/testschool/parent-agreement", form(with(with(with(with(
                with(agreement("cy"), "parent-name", "Siân\tJones"), "email", "\tsian@example.org\t"),
                "start-date", "2026-09-01\t"), "call-time", "\t09:30"), "comments", "Llinell\tun\nLlinell dau"))));
        Map<String, Object> answers = stored(agreement);
        assertEquals("SiânJones", answers.get("parent-name"));
        assertEquals("sian@example.org", answers.get("email"));
        assertEquals("2026-09-01", answers.get("start-date"));
        assertEquals("09:30", answers.get("call-time"));
        assertEquals("Llinellun\nLlinell dau", answers.get("comments"));
        assertEquals(303, server.browser().sendChecked("/forms/testschool/images-consent",
                form(consent("en", "Alys\tMorgan", "given", "refused"))).statusCode());
        List<String> consents = server.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT fields_json FROM submission WHERE form_id = 'images-consent'").mapTo(String.class).list());
        assertTrue(consents.stream().anyMatch(json -> json.contains("AlysMorgan")), consents.toString());
        assertFalse(consents.stream().anyMatch(json -> json.contains("\\t")), "no tab stored in a pupil's name");
    }

    static Stream<Arguments> invisibleNames() {
        return Stream.of("\u200B", "\u2060", "\uFEFF", "\u200D", "\u00AD", "\u0301", "\u202E", "\u200B\u2060\uFEFF",
                        " \u3000 ", "\u3164", "\u115F\u1160", "\uFFA0", "\u2800", "\u200E\u200F", "\u034F")
                .flatMap(name -> Stream.of(Arguments.of("en", name, "Enter an answer for ‘Your name’"),
                        Arguments.of("cy", name, "Rhowch ateb ar gyfer ‘Eich enw’")));
    }

    @ParameterizedTest(name = "[{0}] U+{1}")
    @MethodSource("invisibleNames")
    void aRequiredNameOfOnlyInvisibleCharactersIsRefusedInTheFormsLanguage(String language, String name,
                                                                           String message) {
        int before = server.count("SELECT count(*) FROM submission");
        HttpResponse<String> response = server.browser().postAndFollow("/forms/testschool/parent-agreement",
                form(with(agreement(language), "parent-name", name)));
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.select(".error-summary__list a").eachText().contains(message), page.select(".error-summary").text());
        assertTrue(page.getElementById("parent-agreement--parent-name--error").text().endsWith(message));
        assertEquals(before, server.count("SELECT count(*) FROM submission"), "nothing stored");

        HttpResponse<String> pupils = server.browser().post("/forms/testschool/images-consent",
                form(consent(language, name, "given", "refused")));
        assertTrue(pupils.headers().firstValue("Location").orElse("").contains("/answers/"),
                "an invisible pupil name is no pupil name: the form again");
    }

    @Test
    void bidiControlsInAnAnswerAreIsolatedOnStaffPages() {
        String pupil = "\u202EAlys \u200FMorgan";
        String reference = reference(server.browser().post("/forms/testschool/images-consent",
                form(consent("en", pupil, "given", "refused"))));
        Document record = Jsoup.parse(staff.get("/staff/submissions/" + reference).body());
        for (Element bdi : record.select("main bdi")) {
            assertTrue(bdi.children().isEmpty(), "an isolate holds text only");
        }
        // isolated, and its own controls shown as code points, so the override cannot reverse the name (ADR 0061)
        assertTrue(record.select("main bdi").stream().anyMatch(bdi -> bdi.wholeText().equals("[U+202E]Alys [U+200F]Morgan")),
                record.select("main").html());
        Document consents = Jsoup.parse(staff.get("/staff/consents").body());
        assertTrue(consents.select("td > bdi").stream().anyMatch(bdi -> bdi.wholeText().equals(BidiControls.visible(pupil))),
                "the consents page isolates the pupil's name");
        assertFalse(consents.select("td").stream().anyMatch(td -> td.ownText().contains("\u202E")),
                "never outside an isolate");
    }
}
