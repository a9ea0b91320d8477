package org.polisi.forms.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * Tester 7's finding 17 (ADR 0106): when an agreement's English text changes and its Welsh does not,
 * English signers must sign again, and a Welsh signature on the unchanged Welsh version is no longer
 * shown as simply current: "Signed a version whose English has since changed: check", read from the
 * archive of agreed texts (the manifest says nothing of staleness). An English change no one can see
 * (the same agreement word for word) marks nobody; once the Welsh is translated again, the new Welsh
 * signatures are current and the old ones must sign again. SQLite and PostgreSQL, page and CSV, both
 * languages.
 */
class TranslationSourceChangedTest {

    private static final String CHECK = "Signed a version whose English has since changed: check";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aWelshSignatureWhoseEnglishChangedSinceIsMarkedToCheck(TestDatabases.Kind kind, @TempDir Path folder)
            throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path archive = TestServer.copyOfFixture("agreed-texts", folder.resolve("agreed-texts"));
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind).set("manifest-dir", manifests)
                .set("agreed-texts-dir", archive).load(), Clock.systemUTC())) {
            reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("cy"), "parent-name", "Gwen Cymraeg"))));
            reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Ed English"))));
            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            TestServer.Browser head = server.loggedIn("head@test.example");
            assertEquals("Signed the current version", status(head, "Gwen Cymraeg", ""), "nothing changed yet");

            // A change no one sees (the same agreement word for word) marks nobody.
            republish(manifests, archive, "en", "{unseen setting}", false, "2026-11-20");
            assertEquals("Signed the current version", status(head, "Gwen Cymraeg", ""));
            assertEquals("Signed the current version", status(head, "Ed English", ""));

            republish(manifests, archive, "en", "I agree that my child will not bring a smartphone to school.", true,
                    "2026-11-30");
            assertEquals("Must sign again", status(head, "Ed English", ""));
            assertEquals(CHECK, status(head, "Gwen Cymraeg", ""), "the Welsh family never saw the new commitment");
            assertEquals("Wedi llofnodi’r fersiwn Gymraeg, ond mae’r Saesneg wedi newid ers hynny: gwiriwch",
                    status(head, "Gwen Cymraeg", "?lang=cy"));
            String csv = head.get("/staff/signatures.csv?form=parent-agreement&lang=en").body();
            assertTrue(csv.lines().anyMatch(line -> line.startsWith("Gwen Cymraeg," + CHECK + ",")), csv);

            // Translated again: a new Welsh signature is current, the old one must sign again.
            String welsh = republish(manifests, archive, "cy", "Rwy'n cytuno na fydd fy mhlentyn yn dod â ffôn clyfar i'r ysgol.",
                    true, "2026-12-01");
            reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(with(agreement("cy"), "form-version", welsh), "parent-name", "Rhys Newydd"))));
            assertEquals("Signed the current version", status(head, "Rhys Newydd", ""));
            assertEquals("Must sign again", status(head, "Gwen Cymraeg", ""));
        }
    }

    private static String status(TestServer.Browser head, String name, String query) {
        Element section = Jsoup.parse(head.get("/staff/signatures" + query).body())
                .selectFirst("section[aria-labelledby=signatures--parent-agreement]");
        assertNotNull(section);
        return section.select("tbody tr").stream().filter(row -> row.child(0).text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed: " + section.text())).child(1).text();
    }

    /** A new version of the parent agreement in one language, first published on {@code published}. */
    private static String republish(Path manifests, Path archive, String language, String sentence, boolean visible,
                                    String published) throws IOException {
        return WhoMustSignAgainTest.republish(manifests, archive, "parent-agreement", language, sentence, visible,
                published);
    }
}
