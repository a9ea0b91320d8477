package org.polisi.site.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list-valued setting ({@code languages:}) is checked item by item at its own line: a repeat,
 * an unknown value, the wrong case, a list written as one text (tester 3's fault 1 and variants).
 */
class SettingsListTest {

    @Test
    void aLanguageListedTwiceIsOneErrorAtItsLine(@TempDir Path folder) throws IOException {
        Problems problems = load(folder, "name: {en: X}\nlanguages: [en, en]\n");
        assertEquals(List.of("2 languages: 'en' is listed twice: list it once"), lines(problems));
    }

    @Test
    void aLanguagePolisiDoesNotPublishIsNamedWithTheOnesItDoes(@TempDir Path folder) throws IOException {
        Problems problems = load(folder, "name: {en: X, cy: Y}\nlanguages:\n  - en\n  - cy\n  - fr\n");
        assertEquals(List.of("5 languages: 'fr' is not one of the languages Polisi publishes: en (English) and cy (Welsh)"),
                lines(problems));
    }

    @Test
    void aLanguageInCapitalsIsToldToBeLowerCaseAndStillCounted(@TempDir Path folder) throws IOException {
        Problems problems = new Problems();
        Settings settings = SettingsLoader.load("x", write(folder, "name: {en: X, cy: Y}\nlanguages: [EN, Cy]\n"), null, problems);
        assertEquals(List.of("2 languages: write 'en', not 'EN' (lower case)", "2 languages: write 'cy', not 'Cy' (lower case)"),
                lines(problems));
        assertEquals(List.of("en", "cy"), settings.languages());
    }

    @Test
    void aSlipIsGivenTheNearestLanguage(@TempDir Path folder) throws IOException {
        Problems problems = load(folder, "name: {en: X}\nlanguages: [en, cyy]\n");
        assertEquals(List.of("2 languages: 'cyy' is not one of the languages Polisi publishes: en (English) and cy (Welsh): "
                + "did you mean 'cy'?"), lines(problems));
    }

    @Test
    void aListWrittenAsOneTextIsNotSilentlyIgnored(@TempDir Path folder) throws IOException {
        Problems problems = load(folder, "name: {en: X}\nlanguages: en, cy\n");
        assertEquals(List.of("2 languages: write a list in square brackets, e.g. languages: [en, cy] (found 'en, cy')"),
                lines(problems));
    }

    @Test
    void aListItemThatIsNotAWordIsAnErrorAtItsLine(@TempDir Path folder) throws IOException {
        Problems problems = load(folder, "name: {en: X}\nlanguages:\n  - en\n  - {cy: Welsh}\n");
        assertEquals(List.of("4 languages: each item is one of the languages Polisi publishes: en (English) and cy (Welsh)"),
                lines(problems));
    }

    @Test
    void aWrongCaseWordSettingIsToldToBeLowerCase(@TempDir Path folder) throws IOException {
        Problems problems = load(folder, "name: {en: X}\nlanguages: [en]\nchildren: Pupils\nhead-title: principle\n");
        assertEquals(List.of("3 children: write 'pupils', not 'Pupils' (lower case)",
                "4 head-title: 'principle' is not one of headteacher, head-of-centre, principal, manager: did you mean 'principal'?"),
                lines(problems));
    }

    /** Tester 4's fault 3: {@code languages: []} was accepted silently and the school published in English and Welsh. */
    @Test
    void anEmptyLanguageListIsAnErrorAtItsLine(@TempDir Path folder) throws IOException {
        assertEquals(List.of("2 languages: [] lists nothing: write languages: [en, cy] (each value you need, once), or leave the line out"),
                lines(load(folder, "name: {en: X}\nlanguages: []\n")));
        assertEquals(List.of("2 languages: has no value: write languages: [en, cy] (each value you need, once), or leave the line out"),
                lines(load(folder, "name: {en: X}\nlanguages:\nadopts: none\n")));
        assertEquals(List.of("2 languages: has no value: write languages: [en, cy] (each value you need, once), or leave the line out"),
                lines(load(folder, "name: {en: X}\nlanguages: ~\n")));
        assertEquals(List.of("3 languages: [] lists nothing: write languages: [en, cy] (each value you need, once), or leave the line out"),
                lines(load(folder, "name: {en: X}\nlanguages:\n  []\n")));
    }

    /** The whole build: one error at school.yml's line, no internal error, no blame on the cluster's files. */
    @Test
    void aRepeatedOrUnknownLanguageStopsTheBuildAtSchoolYmlOnly(@TempDir Path folder) {
        for (String languages : List.of("[en, en]", "[en, cy, fr]", "[EN, CY]", "[en, cy, cy]", "[]", "", "~", "null")) {
            FixtureTree tree = FixtureTree.copyOf("good", folder.resolve(languages.replaceAll("\\W", "")));
            String school = tree.read("schools/adopter/school.yml");
            tree.write("schools/adopter/school.yml", school.replace("languages: [en, cy]", "languages: " + languages));
            BuildResult result = tree.build("adopter");
            assertFalse(result.errors().isEmpty(), languages);
            for (Problem error : result.errors()) {
                assertTrue(error.file().endsWith(Path.of("schools/adopter/school.yml")), languages + ": " + error);
                assertEquals(3, error.line(), languages + ": " + error);
                assertEquals("bad-settings", error.code(), languages + ": " + error);
            }
        }
    }

    private static Problems load(Path folder, String text) throws IOException {
        Problems problems = new Problems();
        SettingsLoader.load("x", write(folder, text), null, problems);
        return problems;
    }

    private static List<String> lines(Problems problems) {
        return problems.errors().stream().map(p -> p.line() + " " + p.message()).toList();
    }

    private static Path write(Path folder, String text) throws IOException {
        Path file = Files.createTempFile(folder, "school", ".yml");
        Files.writeString(file, text);
        return file;
    }
}
