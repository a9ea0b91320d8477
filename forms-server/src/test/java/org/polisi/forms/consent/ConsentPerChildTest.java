package org.polisi.forms.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.version;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * A consent form's answers stand for the child named on that form (tester 7's finding 1, ADR 0102):
 * two families' forms for two children of one name never share a line of the consents register, a
 * refusal never vanishes behind another family's consent, and lines that may name one child are
 * marked for staff to check, in English and Welsh; a parent sending the form again with the same
 * details changes their answers. On SQLite and PostgreSQL, through a real server. The fixture's
 * images-consent form is given the parent's name and the child's year group, as Rumney's form asks.
 */
class ConsentPerChildTest {

    private static final String HEAD = "head@test.example";
    private static final String PHOTOS = "consent.photos-on-website";

    /** The fixture's manifests, with the parent's name and the year group added to images-consent (both optional). */
    private static TestServer start(Path folder, TestDatabases.Kind kind) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path school = manifests.resolve("testschool.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(school.toFile());
        for (var each : manifest.get("forms")) {
            if (each.get("id").asText().equals("images-consent")) {
                ArrayNode fields = (ArrayNode) each.get("fields");
                fields.insert(0, json.readTree("""
                        {"name": "parent-name", "type": "name", "required": false, "maxLength": 100,
                         "label": {"en": "Your full name", "cy": "Eich enw llawn"}, "options": [], "statements": []}"""));
                fields.insert(2, json.readTree("""
                        {"name": "year-group", "type": "year-group", "required": false,
                         "label": {"en": "Year group", "cy": "Grŵp blwyddyn"}, "options": [], "statements": []}"""));
            }
        }
        json.writeValue(school.toFile(), manifest);
        TestServer server = TestServer.start(TestServer.settings(folder, kind).set("manifest-dir", manifests).load(),
                Clock.systemUTC());
        server.addStaff("testschool", "Heledd Pennaeth", HEAD, "headteacher");
        return server;
    }

    private static String send(TestServer server, String parent, String pupil, String yearGroup, String photos,
                               String video) {
        List<String> pairs = new ArrayList<>(List.of("form-id", "images-consent", "form-lang", "en", "form-version",
                version("en", 2), "parent-name", parent, "pupil-names", pupil, "pupil-names", "", "pupil-names", "",
                "year-group", yearGroup, "consent.photos-on-website", photos, "consent.video", video, "website", ""));
        return reference(server.browser().post("/forms/testschool/images-consent", form(pairs.toArray(String[]::new))));
    }

    private static List<CurrentConsent> photos(TestServer server) {
        return new ConsentState(server.jdbi()).of("testschool", server.forms("testschool")).value().stream()
                .filter(consent -> consent.statement().equals(PHOTOS)).toList();
    }

    private static List<List<String>> rows(TestServer.Browser staff, String query) {
        Document page = Jsoup.parse(staff.get("/staff/consents?" + query).body());
        return page.select("table tbody tr").stream().map(tr -> tr.select("td").stream()
                .map(org.jsoup.nodes.Element::text).toList()).toList();
    }

    private static String query(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    /** Tester 7's case: "Rhys Jones" of Year 5 refused, another "Rhys Jones" of Year 1 given, by two parents. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void twoChildrenOfOneNameInTwoYearGroupsKeepTheirOwnLines(TestDatabases.Kind kind, @TempDir Path folder)
            throws IOException {
        try (TestServer server = start(folder, kind)) {
            String refused = send(server, "Alys Jones", "Rhys Jones", "year-5", "refused", "refused");
            String given = send(server, "Bethan Jones", "Rhys Jones", "year-1", "given", "given");

            List<CurrentConsent> lines = photos(server);
            assertEquals(List.of("Rhys Jones refused " + refused + " [" + given + "]",
                            "Rhys Jones given " + given + " [" + refused + "]"),
                    lines.stream().map(each -> each.pupil() + " " + each.answer() + " " + each.reference() + " "
                            + each.alsoNamedBy()).sorted(java.util.Comparator.comparing((String line) -> !line.contains(" refused "))).toList(),
                    "each form's own line, each marked to check against the other");

            TestServer.Browser head = server.loggedIn(HEAD);
            List<List<String>> all = rows(head, query("lang", "en"));
            assertEquals(4, all.size(), "two statements for each of the two children: " + all);
            List<List<String>> yearFive = rows(head, query("year", "year-5", "lang", "en"));
            assertEquals(2, yearFive.size(), yearFive.toString());
            for (List<String> row : yearFive) {
                assertEquals(List.of("Rhys Jones", "Year 5"), row.subList(0, 2));
                assertEquals("I do not give consent", row.get(4), "the refusal is there: " + row);
                assertEquals(refused, row.get(6));
                assertEquals("More than one form may name this pupil: check " + given, row.get(8));
            }
            List<List<String>> refusals = rows(head, query("answer", "refused", "statement", "images-consent." + PHOTOS,
                    "lang", "en"));
            assertEquals(1, refusals.size(), refusals.toString());
            assertEquals(refused, refusals.get(0).get(6));
            List<List<String>> photoDay = rows(head, query("answer", "given", "statement", "images-consent." + PHOTOS,
                    "lang", "en"));
            assertEquals(1, photoDay.size(), "the photo-day list names one Rhys Jones, marked: " + photoDay);
            assertEquals(List.of("Rhys Jones", "Year 1"), photoDay.get(0).subList(0, 2));
            assertTrue(photoDay.get(0).get(8).startsWith("More than one form may name this pupil: check"));

            Document welsh = Jsoup.parse(head.get("/staff/consents?" + query("year", "year-5", "lang", "cy")).body());
            assertEquals("Gall mwy nag un ffurflen enwi’r disgybl hwn: gwiriwch " + given,
                    welsh.select("table tbody tr").get(0).select("td").get(8).text());
            assertEquals("/staff/submissions/" + given,
                    welsh.select("table tbody tr td.consent-check a").get(0).attr("href"), "a link to the other form");

            String csv = head.get("/staff/consents.csv?" + query("lang", "en")).body();
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
            assertEquals(List.of("Pupil", "Class", "Form", "Statement", "Current answer", "Since (UK time)",
                    "Since (UTC, ISO 8601)", "To check", "Reference"), records.get(0).toList());
            assertEquals(List.of(given, given, refused, refused), records.subList(1, records.size()).stream()
                    .map(row -> row.get(8)).sorted(java.util.Comparator.comparing((String each) -> !each.equals(given))).toList(),
                    "the export lists both children's lines");
            assertTrue(records.stream().skip(1).allMatch(row -> row.get(7).startsWith("More than one form")));
        }
    }

    /** Tester 7's variant (a): two parents' forms for "Ŵyn Bach" of one year group: both stand, both marked. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void twoParentsFormsForOneNameAndYearGroupBothStandMarked(TestDatabases.Kind kind, @TempDir Path folder)
            throws IOException {
        try (TestServer server = start(folder, kind)) {
            String first = send(server, "Gwen Bach", "Ŵyn Bach", "year-3", "given", "given");
            String second = send(server, "Huw Parry", "Ŵyn Bach", "year-3", "refused", "refused");
            assertEquals(List.of(first + " given " + List.of(second), second + " refused " + List.of(first)),
                    photos(server).stream().map(each -> each.reference() + " " + each.answer() + " " + each.alsoNamedBy())
                            .sorted(java.util.Comparator.comparing((String line) -> !line.startsWith(first))).toList());
            List<List<String>> rows = rows(server.loggedIn(HEAD), query("lang", "cy"));
            assertEquals(4, rows.size(), rows.toString());
            assertTrue(rows.stream().allMatch(row -> row.get(8).startsWith("Gall mwy nag un ffurflen")), rows.toString());
        }
    }

    /**
     * The same parent sending the form again for the same child (the name typed in other capitals, in
     * decomposed Unicode, with a zero-width space) changes the answers: one line, the newest form's.
     * A name that differs only by a Welsh particle, or one letter's accent, is not the same child for
     * sure: two lines, both marked.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theSameParentSendingAgainChangesTheAnswersAndLooseNamesAreMarked(TestDatabases.Kind kind,
                                                                          @TempDir Path folder) throws IOException {
        try (TestServer server = start(folder, kind)) {
            send(server, "Alys Jones", "Ŵyn Llŷr", "year-4", "refused", "refused");
            String again = send(server, "ALYS JONES", Normalizer.normalize("ŵyn\u200b llŷr", Normalizer.Form.NFD),
                    "year-4", "given", "refused");
            List<CurrentConsent> wyn = photos(server).stream().filter(each -> each.pupil().contains("yn")).toList();
            assertEquals(1, wyn.size(), wyn.toString());
            assertEquals(List.of("given", again, "2", "[]"), List.of(wyn.get(0).answer(), wyn.get(0).reference(),
                    String.valueOf(wyn.get(0).changes()), wyn.get(0).alsoNamedBy().toString()));

            String ap = send(server, "Siân Owen", "Dafydd ap Owen", "year-2", "refused", "refused");
            String without = send(server, "Siân Owen", "Dafydd Owen", "year-2", "given", "given");
            String accent = send(server, "Siân Owen", "Wyn Llyr", "year-4", "refused", "refused");
            List<CurrentConsent> lines = photos(server);
            assertEquals(List.of(without), lines.stream().filter(each -> each.reference().equals(ap))
                    .findFirst().orElseThrow().alsoNamedBy(), "a particle left out: check");
            assertEquals(List.of("refused", "given"), lines.stream().filter(each -> each.pupil().startsWith("Dafydd"))
                    .sorted(java.util.Comparator.comparing((CurrentConsent each) -> !each.reference().equals(ap))).map(CurrentConsent::answer).toList(),
                    "both stand: the refusal does not vanish");
            assertEquals(List.of(again), lines.stream().filter(each -> each.reference().equals(accent))
                    .findFirst().orElseThrow().alsoNamedBy(), "accents left out, another parent: check");
        }
    }

    /** A withdrawal by reference withdraws on that form only: the other child of the name keeps their consent. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aWithdrawalWithdrawsOnTheFormItsReferenceNames(TestDatabases.Kind kind, @TempDir Path folder)
            throws IOException {
        try (TestServer server = start(folder, kind)) {
            String yearFive = send(server, "Alys Jones", "Rhys Jones", "year-5", "given", "given");
            String yearOne = send(server, "Bethan Jones", "Rhys Jones", "year-1", "given", "given");
            server.browser().post("/forms/testschool/consent-withdrawal",
                    form(org.polisi.forms.Submissions.withdrawing("en", yearFive, "Rhys Jones", PHOTOS)));
            assertEquals(List.of(yearOne + " given", yearFive + " withdrawn"), photos(server).stream()
                    .map(each -> each.reference() + " " + each.answer()).sorted(java.util.Comparator.comparing((String line) -> !line.startsWith(yearOne)))
                    .toList());
        }
    }

    /**
     * A withdrawal sent without a reference for "Rhys Jones": staff are shown, for each record they may
     * match it to, the year group and the parent's name the form gave, to pick the right child.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aRequestsCandidatesSayWhatTellsTheChildrenApart(TestDatabases.Kind kind, @TempDir Path folder)
            throws IOException {
        try (TestServer server = start(folder, kind)) {
            String yearFive = send(server, "Alys Jones", "Rhys Jones", "year-5", "given", "given");
            String yearOne = send(server, "Bethan Jones", "Rhys Jones", "year-1", "given", "given");
            String request = reference(server.browser().post("/forms/testschool/consent-withdrawal",
                    form(org.polisi.forms.Submissions.withdrawing("en", "", "Rhys Jones", PHOTOS))));
            Document page = Jsoup.parse(server.loggedIn(HEAD).get("/staff/submissions/" + request + "?lang=en").body());
            List<String> details = page.select("table tbody tr").stream()
                    .map(tr -> tr.select("td").get(0).text() + " | " + tr.select("td").get(3).text()).toList();
            assertEquals(List.of(yearFive + " | Your full name: Alys Jones Year group: Year 5",
                    yearOne + " | Your full name: Bethan Jones Year group: Year 1"), details);
        }
    }

    /**
     * Tester 7's variant (c): a roster naming two pupils "Rhys Jones" cannot say which one a form means:
     * no line is put in one of their classes as if it were sure, and filtering by either class shows it.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aRosterWithTwoPupilsOfTheNameDoesNotPickOne(TestDatabases.Kind kind, @TempDir Path folder)
            throws IOException {
        try (TestServer server = start(folder, kind)) {
            String refused = send(server, "Alys Jones", "Rhys Jones", "year-5", "refused", "refused");
            TestServer.Browser head = server.loggedIn(HEAD);
            assertEquals(303, head.post("/staff/roster", form("csrf-token", head.csrf(), "roster-text",
                    "Pupil,Class\nRhys Jones,Class 1\nRhys Jones,Class 5\nMali Owen,Class 2\n")).statusCode());
            for (String className : List.of("Class 1", "Class 5")) {
                List<List<String>> rows = rows(head, query("class", className, "lang", "en"));
                assertEquals(2, rows.size(), className + ": " + rows);
                assertEquals("Year 5; Roster: more than one pupil of this name (Class 1, Class 5)", rows.get(0).get(1));
                assertEquals(refused, rows.get(0).get(6));
            }
            List<List<String>> welsh = rows(head, query("lang", "cy"));
            assertEquals("Blwyddyn 5; Rhestr: mwy nag un disgybl o’r enw hwn (Class 1, Class 5)", welsh.get(0).get(1));
            assertFalse(rows(head, query("class", "Class 2", "lang", "en")).stream()
                    .anyMatch(row -> row.contains(refused)));
        }
    }

    /** The register says how a later form takes an earlier one's place, in both languages. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theRegisterSaysWhenALaterFormTakesAnEarlierOnesPlace(TestDatabases.Kind kind, @TempDir Path folder)
            throws IOException {
        try (TestServer server = start(folder, kind)) {
            send(server, "Alys Jones", "Rhys Jones", "year-5", "refused", "refused");
            TestServer.Browser head = server.loggedIn(HEAD);
            assertTrue(Jsoup.parse(head.get("/staff/consents?lang=en").body()).text()
                    .contains("Each form stands for the child named on it."));
            assertTrue(Jsoup.parse(head.get("/staff/consents?lang=cy").body()).text()
                    .contains("Mae pob ffurflen yn sefyll ar gyfer y plentyn a enwir arni."));
        }
    }
}
