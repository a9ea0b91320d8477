package org.polisi.forms.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/** The consent that stands for a pupil is found however the parent spelt the pupil's name (PersonNames, not SQL NOCASE). */
class ConsentStateTest {

    @Test
    void spellingsOfOnePupilsNameAreOnePupil(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            List<String[]> forms = List.of(
                    new String[] {"Ŵyn Llŷr", "given"}, new String[] {"ŴYN  LLŶR", "refused"},
                    new String[] {"Siobhán O’Connor", "given"}, new String[] {"siobhán o'connor", "refused"},
                    new String[] {"Zofia Wójcik", "given"}, new String[] {"Łukasz Wróbel", "given"});
            for (String[] pupilAndAnswer : forms) {
                server.browser().post("/forms/testschool/images-consent",
                        form(consent("cy", pupilAndAnswer[0], pupilAndAnswer[1], "refused")));
            }
            List<CurrentConsent> photos = new ConsentState(server.jdbi()).of("testschool", server.forms("testschool")).value().stream()
                    .filter(consent -> consent.statement().equals("consent.photos-on-website")).toList();
            assertEquals(List.of("Łukasz Wróbel given 1", "siobhán o'connor refused 2", "ŴYN  LLŶR refused 2",
                            "Zofia Wójcik given 1"),
                    photos.stream().map(consent -> consent.pupil() + " " + consent.answer() + " " + consent.changes())
                            .toList());
        }
    }
}
