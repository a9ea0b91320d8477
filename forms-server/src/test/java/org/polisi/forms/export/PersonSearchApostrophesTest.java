package org.polisi.forms.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.names.NameMatch;
import org.polisi.forms.storage.CanonicalJson;

/**
 * Tester 4's fault 5: an incident report naming "Ms O'Brien-Jones" was not found by "OBrien-Jones"
 * or "o brien jones" (the database's sift looked for "obrien" in a key holding "o'brien"; the
 * comparison kept the apostrophe). The kind (ADR 0094): apostrophes left out or typed as spaces, a
 * prefix (O, D, Mc) joined or apart, Mac and Mc, accents typed without them, dotted and dotless i,
 * full-width forms: each found through the database's sift and the comparison, labelled with how
 * loosely it matched on the page and in the download, and the stored answers untouched. A real
 * server on both databases.
 */
class PersonSearchApostrophesTest {

    /** Each submission found as "REFERENCE MATCH", then each consent event's as "REFERENCE pupil MATCH" (once per consent). */
    static List<String> found(TestServer server, String name) {
        List<String> found = new ArrayList<>();
        var findings = server.staffRecords().findPerson(server.staffUser("head@testschool.example"), name);
        findings.submissions().forEach(each -> found.add(each.record().reference() + " " + each.match()));
        findings.consentEvents().stream().map(each -> each.reference() + " pupil " + each.match()).distinct()
                .forEach(found::add);
        return found;
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void namesTypedWithoutApostrophesAccentsOrWithOtherPrefixesAreFoundAndLabelled(TestDatabases.Kind kind,
                                                                                  @TempDir Path folder)
            throws Exception {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Nia Head", "head@testschool.example", "headteacher");
            TestServer.Browser sender = server.browser();
            String report = reference(sender.post("/forms/testschool/incident-report",
                    form(with(incident("en", "none", "Ms O'Brien-Jones took the action; Ewan MacDonald saw it."),
                            "reporter-name", "Ms O\u2019Brien-Jones"))));
            String agreement = reference(sender.post("/forms/testschool/parent-agreement",
                    form(with(agreement("cy"), "parent-name", "Gwenllïan Mc Iver"))));
            String consent = reference(sender.post("/forms/testschool/images-consent",
                    form(consent("en", "İlkay Yıldız", "given", "refused"))));

            // the tester's two, and the apostrophe's other ways of being left out
            for (String typed : List.of("OBrien-Jones", "o brien jones", "O Brien Jones", "OBRIEN_JONES", "Obrien")) {
                assertEquals(List.of(report + " " + NameMatch.WITHOUT_APOSTROPHES), found(server, typed), typed);
            }
            assertEquals(List.of(report + " " + NameMatch.EXACT), found(server, "O'Brien-Jones"));
            assertEquals(List.of(report + " " + NameMatch.OTHER_SEPARATORS), found(server, "o’brien jones"));
            assertEquals(List.of(), found(server, "OBrienJones"), "two parts of a name are not run together");
            // Mac and Mc, a prefix apart or joined
            assertEquals(List.of(report + " " + NameMatch.MC_MAC), found(server, "Ewan McDonald"));
            assertEquals(List.of(report + " " + NameMatch.WITHOUT_APOSTROPHES), found(server, "Mac Donald"));
            assertEquals(List.of(agreement + " " + NameMatch.WITHOUT_APOSTROPHES), found(server, "McIver"));
            assertEquals(List.of(agreement + " " + NameMatch.MC_MAC), found(server, "gwenllian macIver"));
            // accents, dotted and dotless i, full-width forms
            assertEquals(List.of(agreement + " " + NameMatch.WITHOUT_ACCENTS), found(server, "Gwenllian"));
            assertEquals(List.of(consent + " " + NameMatch.WITHOUT_ACCENTS, consent + " pupil " + NameMatch.WITHOUT_ACCENTS),
                    found(server, "ILKAY YILDIZ"));
            assertEquals(List.of(consent + " " + NameMatch.WITHOUT_ACCENTS, consent + " pupil " + NameMatch.WITHOUT_ACCENTS),
                    found(server, "ＩＬＫＡＹ"), "NFKC: full-width ILKAY is ilkay, İ's dot set aside");
            assertEquals(List.of(report + " " + NameMatch.EXACT), found(server, "ｏ’ｂｒｉｅｎ－ｊｏｎｅｓ"));
            assertEquals(List.of(report + " " + NameMatch.WITHOUT_APOSTROPHES), found(server, "ＯＢｒｉｅｎ"));

            // the stored answers are as typed
            Map<String, Object> answers = CanonicalJson.readFields(server.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT fields_json FROM submission WHERE reference = :r").bind("r", report)
                    .mapTo(String.class).one()));
            assertEquals("Ms O\u2019Brien-Jones", answers.get("reporter-name"));

            // the page and the download say how loosely each record matched, in both languages
            TestServer.Browser head = server.loggedIn("head@testschool.example");
            String english = Jsoup.parse(head.post("/staff/people", form("csrf-token", head.csrf(), "name",
                    "o brien jones")).body()).select("main table").text();
            assertTrue(english.contains(report) && english.contains("without apostrophes, or with a prefix such as O or Mc joined"),
                    english);
            String welsh = Jsoup.parse(head.post("/staff/people?lang=cy", form("csrf-token", head.csrf(), "name",
                    "Ewan McDonald")).body()).select("main table").text();
            assertTrue(welsh.contains(report) && welsh.contains("gyda Mc a Mac yn cyfrif yr un fath"), welsh);
            JsonNode downloaded = new ObjectMapper().readTree(head.post("/staff/people.json",
                    form("csrf-token", head.csrf(), "name", "OBrien-Jones")).body());
            assertEquals("without apostrophes, or with a prefix such as O or Mc joined",
                    downloaded.get("submissions").get(0).get("matched").asText());
            assertEquals("Ms O\u2019Brien-Jones", downloaded.get("submissions").get(0).get("answers")
                    .get("reporter-name").asText());
            JsonNode separators = new ObjectMapper().readTree(head.post("/staff/people.json",
                    form("csrf-token", head.csrf(), "name", "o’brien jones")).body());
            assertEquals("with other spaces or hyphens", separators.get("submissions").get(0).get("matched").asText(),
                    "a separator match is not called one without accents");
        }
    }
}
