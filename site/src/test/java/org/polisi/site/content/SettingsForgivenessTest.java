package org.polisi.site.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;
import org.polisi.site.report.SiteReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings forgive and explain: dates in the forms a school writes them, unknown keys named with
 * the nearest known one, a YAML slip reported once at its line and column with a plain hint.
 */
class SettingsForgivenessTest {

    @Test
    void datesAreReadInIsoUkAndMonthForms() {
        assertEquals(Optional.of("2026-09-30"), SettingsDate.parse("2026-09-30"));
        assertEquals(Optional.of("2026-09-30"), SettingsDate.parse("30/09/2026"));
        assertEquals(Optional.of("2026-09-03"), SettingsDate.parse("3/9/2026"));
        assertEquals(Optional.of("2026-09"), SettingsDate.parse("September 2026"));
        assertEquals(Optional.of("2026-09"), SettingsDate.parse("Medi 2026"));
        assertEquals(Optional.of("2026-03"), SettingsDate.parse("mawrth 2026"));
        assertEquals(Optional.empty(), SettingsDate.parse(""));
    }

    @Test
    void everyMonthIsReadInEnglishAndWelshWhateverTheCase() {
        List<String> welsh = List.of("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
                "Medi", "Hydref", "Tachwedd", "Rhagfyr");
        for (int month = 1; month <= 12; month++) {
            String expected = String.format("2027-%02d", month);
            String english = java.time.Month.of(month).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);
            assertEquals(Optional.of(expected), SettingsDate.parse(english + " 2027"), english);
            assertEquals(Optional.of(expected), SettingsDate.parse(english.toUpperCase(java.util.Locale.ROOT) + " 2027"), english);
            assertEquals(Optional.of(expected), SettingsDate.parse(welsh.get(month - 1) + " 2027"), welsh.get(month - 1));
            assertEquals(Optional.of(expected), SettingsDate.parse(welsh.get(month - 1).toLowerCase(java.util.Locale.ROOT) + " 2027"));
        }
    }

    @Test
    void anythingElseIsRefusedWithTheAcceptedForms() {
        for (String bad : List.of("31/02/2026", "09/30/2026", "Sept 2026", "next year", "2026/09/30")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SettingsDate.parse(bad), bad);
            assertTrue(refused.getMessage().contains("2026-09-30, 30/09/2026") && refused.getMessage().contains("September 2026"),
                    refused.getMessage());
        }
    }

    @Test
    void aBadDateIsAnErrorAtItsLine(@TempDir Path folder) throws IOException {
        Path file = write(folder, "name: {en: X}\nlanguages: [en]\npolicy:\n  review-due: soon\n");
        Problems problems = new Problems();
        SettingsLoader.load("x", file, null, problems);
        assertEquals(List.of("bad-date 4"), problems.errors().stream().map(p -> p.code() + " " + p.line()).toList());
    }

    @Test
    void anUnknownKeyIsAWarningWithTheNearestKnownKey(@TempDir Path folder) throws IOException {
        Path file = write(folder, "name: {en: X}\nlangauges: [en]\nroles:\n  headteachr: Ms X\n  bursar: Mr Y\ncontact-emial: a@b.test\n");
        Problems problems = new Problems();
        SettingsLoader.load("x", file, null, problems);
        List<String> warnings = problems.warnings().stream().map(p -> p.line() + " " + p.message()).toList();
        assertEquals(List.of(
                "2 'langauges' is not a setting this build knows: did you mean 'languages'?",
                "6 'contact-emial' is not a setting this build knows: did you mean 'contact-email'?",
                "4 'roles: headteachr' is not a setting this build knows: did you mean 'headteacher'?",
                "5 'roles: bursar' is not a setting this build knows: a school's own values go under 'attributes:'"), warnings);
    }

    @Test
    void aTabOrAnUnquotedColonIsOneErrorAtLineAndColumnWithAPlainHint(@TempDir Path folder) throws IOException {
        ContentException colon = assertThrows(ContentException.class, () -> YamlFile.read(write(folder,
                "name: {en: X}\nroles:\n  headteacher: Ms X (Manager: Early Years)\n")));
        assertEquals(1, colon.problems().size());
        Problem problem = colon.problems().get(0);
        assertEquals(3, problem.line());
        assertTrue(problem.column() > 0);
        assertTrue(problem.message().startsWith("a value that contains ': ' needs quotes"), problem.message());

        ContentException tab = assertThrows(ContentException.class, () -> YamlFile.read(write(folder,
                "name: {en: X}\nroles:\n\theadteacher: Ms X\n")));
        assertEquals(3, tab.problems().get(0).line());
        assertTrue(tab.problems().get(0).message().contains("tab"), tab.problems().get(0).message());
    }

    @Test
    void aUkReviewDateShowsOnThePageAndInTheReport(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/uk/school.yml", "name: {en: UK School}\nlanguages: [en]\npolicy:\n  review-due: 30/09/2026\n")
                .write("schools/uk/en/policy.adoc", "= Policy\n:page-kind: policy\n\nText.\n")
                .write("schools/month/school.yml", "name: {en: Month School}\nlanguages: [en]\npolicy:\n  review-due: September 2027\n")
                .write("schools/month/en/policy.adoc", "= Policy\n:page-kind: policy\n\nText.\n");
        BuildResult result = tree.build();
        assertEquals(List.of(), result.errors());
        String uk = FixtureTree.readFile(tree.published("uk/en/policy.html"));
        assertTrue(uk.contains("Next review due: 30 September 2026"), uk);
        assertTrue(uk.contains("This policy was due for review by 30 September 2026. Please ask the school for its current version."),
                "overdue on " + Fixtures.TODAY);
        String month = FixtureTree.readFile(tree.published("month/en/policy.html"));
        assertTrue(month.contains("Next review due: September 2027"), month);
        var report = SiteReport.of(result.sites(), result.translations(), result.toConfirm(), Fixtures.TODAY);
        assertEquals("overdue", report.stream().filter(r -> r.school().equals("uk")).findFirst().orElseThrow()
                .reviews().get(0).get("status"));
    }

    private static Path write(Path folder, String text) throws IOException {
        Path file = Files.createTempFile(folder, "school", ".yml");
        Files.writeString(file, text);
        return file;
    }
}
