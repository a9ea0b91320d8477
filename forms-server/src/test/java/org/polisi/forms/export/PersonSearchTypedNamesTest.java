package org.polisi.forms.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.names.NameMatch;

/**
 * Tester 3's fault 6: a subject access search for "ann marie" missed the parent "Ann-Marie Smith",
 * and one for "Eve" listed every consent whose statement spoke of school events. The kind: the
 * separators between a name's parts (space, hyphen, full stop, low line) are taken as one, and only
 * what a person typed is searched, never the school's own choices, option values or statements. On a
 * real server, through the staff page and the service, on both databases.
 */
class PersonSearchTypedNamesTest {

    private static List<String> found(TestServer server, String name) {
        return server.staffRecords().findPerson(server.staffUser("head@testschool.example"), name).submissions()
                .stream().map(each -> each.record().reference() + " " + each.match()).toList();
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void separatorsAreAlikeAndOnlyTypedAnswersAreSearched(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Nia Head", "head@testschool.example", "headteacher");
            TestServer.Browser parent = server.browser();
            String hyphenated = reference(parent.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Ann-Marie Smith"))));
            String spaced = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Mari  Wyn Jones", "given", "refused"))));

            for (String typed : List.of("ann marie", "Ann Marie", "ANN.MARIE", "ann_marie", "Ann – Marie")) {
                assertEquals(List.of(hyphenated + " " + NameMatch.OTHER_SEPARATORS), found(server, typed), typed);
            }
            assertEquals(List.of(hyphenated + " " + NameMatch.EXACT), found(server, "ann-marie"));
            assertEquals(List.of(spaced + " " + NameMatch.OTHER_SEPARATORS), found(server, "Mari-Wyn"));
            assertEquals(List.of(), found(server, "annmarie"), "letters are not run together: that is another name");

            // the agreement's chosen answers are option values (devices, rules, parent, email) and its
            // consent answers the school's own: none of them is a person's name
            for (String chosen : List.of("devices", "rules", "Parent", "given", "refused", "year-3")) {
                assertEquals(List.of(), found(server, chosen), chosen);
            }
            assertEquals(List.of(hyphenated + " " + NameMatch.EXACT), found(server, "Diolch"),
                    "a comment the parent typed is searched");

            TestServer.Browser head = server.loggedIn("head@testschool.example");
            String page = Jsoup.parse(head.post("/staff/people", form("csrf-token", head.csrf(), "name", "ann marie"))
                    .body()).select("main table").first().text();
            assertEquals(true, page.contains(hyphenated) && page.contains("with other spaces or hyphens"), page);
        }
    }
}
