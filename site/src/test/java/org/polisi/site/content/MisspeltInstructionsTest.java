package org.polisi.site.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A comment meant as one of Polisi's instructions but not written as one changes nothing, so it is
 * an error at its line (tester 7's finding 6: "// Polisi: remove community-users" left the section
 * published, 0 errors).
 */
class MisspeltInstructionsTest {

    @Test
    void theTestersSpellingsAreEachAnErrorAtTheirLineAndTheSchoolIsHeldBack(@TempDir Path folder) throws Exception {
        String[] spellings = {"// Polisi: remove community", "// POLISI: remove community", "// polisi remove community",
                "/// polisi: remove community"};
        for (String spelling : spellings) {
            FixtureTree tree = FixtureTree.copyOf("good", folder.resolve(Integer.toString(spelling.hashCode() & 0xffff)));
            String english = tree.read("schools/adopter/en/policy.adoc");
            tree.write("schools/adopter/en/policy.adoc", english.replace("// polisi: remove community template=0123456789ab", spelling));
            tree.write("schools/adopter/cy/policy.adoc", tree.read("schools/adopter/cy/policy.adoc")
                    .replaceAll("// polisi: remove community[^\n]*", spelling));
            BuildResult result = tree.build("adopter");
            List<Problem> misspelt = result.errors().stream().filter(p -> p.code().equals("misspelt-instruction")).toList();
            assertEquals(2, misspelt.size(), spelling + ": " + result.errors());
            Problem english1 = misspelt.stream().filter(p -> p.file().toString().contains("/en/")).findFirst().orElseThrow();
            assertEquals(lineOf(tree.file("schools/adopter/en/policy.adoc"), spelling), english1.line(), spelling);
            assertTrue(english1.message().endsWith("write '// polisi: remove community'"), english1.message());
            assertFalse(Files.exists(tree.published("adopter/en/policy.html")), "the school keeps its last good pages");
        }
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return lines.indexOf(text) + 1;
    }

    @Test
    void nearMissesOfEveryInstructionAreNamedAsPolisiWouldReadThem() {
        assertEquals("// polisi: remove community-users", suggested("// Polisi: remove community-users"));
        assertEquals("// polisi: replace roles template=abc", suggested("//polisi replace roles template=abc"));
        assertEquals("// polisi: insert-after scope", suggested("////  POLISI ; Insert-After scope"));
        assertEquals("// polisi: change-note Dates updated", suggested("// Polisi: change-note Dates updated"));
        assertEquals("// polisi: confirm the DSL's name", suggested("// polisi confirm the DSL's name"));
        assertEquals("// polisi: remove x", suggested("// Polisi: remvoe x"), "a slip of the word too");
        assertEquals("// polisi: append", suggested("// polisi. append"));
        // tester 8: a slip of "polisi" itself, and the dashes and colons Word and other keyboards type
        assertEquals("// polisi: remove community", suggested("// pollisi: remove community"));
        assertEquals("// polisi: remove community", suggested("// Policy: remove community"));
        assertEquals("// polisi: remove community", suggested("// polisi \u2013 remove community"));
        assertEquals("// polisi: replace roles", suggested("// polisi\uFF1A replace roles"));
    }

    private static String suggested(String line) {
        String message = MisspeltInstructions.message(line, true);
        String prefix = "write '";
        return message == null ? null : message.substring(message.indexOf(prefix) + prefix.length(), message.length() - 1);
    }

    @Test
    void commentsThatOnlyTalkAboutAPolicyAndInstructionsWrittenRightAreLeftAlone() {
        assertNull(MisspeltInstructions.message("// Polisi diogelu plant: fersiwn 2024", false), "Welsh for 'child protection policy'");
        assertNull(MisspeltInstructions.message("// Polisi: fersiwn 2024", false));
        assertNull(MisspeltInstructions.message("// Polisi builds this page from the template", false));
        assertNull(MisspeltInstructions.message("// Policy reviewed every year by the governors", true));
        assertNull(MisspeltInstructions.message("// Polish version to follow", true));
        assertNull(MisspeltInstructions.message("// replaced by the school's own wording in 2025", true));
        assertNull(MisspeltInstructions.message("// polisi: remove community", true), "read by the directive parser");
        assertNull(MisspeltInstructions.message("// polisi: change-note Dates updated", false));
        assertNull(MisspeltInstructions.message("//  polisi:confirm the name", false));
        assertNull(MisspeltInstructions.message("// polisi: frobnicate", true), "the directive parser reports it in an adapting page");
    }

    @Test
    void aTemplateDirectiveInAPageThatAdaptsNoTemplateChangesNothingAndSaysSo() {
        String message = MisspeltInstructions.message("// polisi: remove community", false);
        assertTrue(message != null && message.contains("':adapts-template:'"), String.valueOf(message));
        String slip = MisspeltInstructions.message("// polisi: chnage-note Dates updated", false);
        assertTrue(slip != null && slip.contains("did you mean '// polisi: change-note'"), String.valueOf(slip));
    }

    @Test
    void inAPageThatAdaptsNoTemplateTheErrorIsAtItsLine(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        String about = tree.read("schools/adopter/en/about.adoc");
        tree.write("schools/adopter/en/about.adoc", about + "\n// Polisi: confrim the author's name\n");
        BuildResult result = tree.build("adopter");
        List<Problem> misspelt = result.errors().stream().filter(p -> p.code().equals("misspelt-instruction")).toList();
        assertEquals(1, misspelt.size(), result.errors().toString());
        assertEquals(about.split("\n", -1).length + 1, misspelt.get(0).line());
        assertTrue(misspelt.get(0).message().endsWith("write '// polisi: confirm the author's name'"), misspelt.get(0).message());
    }
}
