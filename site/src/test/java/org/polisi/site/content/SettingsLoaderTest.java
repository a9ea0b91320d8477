package org.polisi.site.content;

import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading one settings file: fixtures/settings/missing-welsh/school.yml lacks two Welsh values. */
class SettingsLoaderTest {
    private static final Path FILE = Fixtures.fixture("settings/missing-welsh").resolve("school.yml");

    @Test
    void aMissingWelshValueIsReportedAtItsFileAndLine() {
        Problems problems = new Problems();
        SettingsLoader.load("missing-welsh", FILE, null, problems);

        List<String> found = problems.errors().stream().map(p -> p.code() + " " + p.line() + " " + p.file()).toList();
        assertEquals(List.of(
                "missing-translation 4 " + FILE,
                "missing-translation 9 " + FILE), found);
        Problem first = problems.errors().get(0);
        assertEquals("setting 'local-authority' has no value in language 'cy'", first.message());
        assertEquals("setting 'ict-support-provider' has no value in language 'cy'", problems.errors().get(1).message());
    }

    @Test
    void aValueGivenOnceServesEveryLanguage() {
        Settings settings = SettingsLoader.load("missing-welsh", FILE, null, new Problems());
        assertEquals("Ms Example", settings.attributes().get("headteacher").inOrEnglish("cy"));
        assertEquals("TGCh Enghreifftiol", settings.attributes().get("technical-provider").inOrEnglish("cy"));
    }
}
