package org.polisi.site.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.Fixtures;
import org.polisi.site.FixtureTree;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./polisi build} run as a new user would, in its own process, over content with badly named
 * schools and pages, a broken settings file and Asciidoctor warnings: the exit status is 1, each
 * problem is one {@code file:line: level: message} line naming the fix, the good school is published,
 * and no Java stack trace or raw Asciidoctor log line appears.
 */
class BuildCommandProblemsTest {
    @TempDir
    static Path folder;
    private static int exit;
    private static String output;
    private static FixtureTree tree;

    @BeforeAll
    static void buildInItsOwnProcess() throws Exception {
        String school = "name: {en: A School}\nlanguages: [en]\n";
        String page = "= A Page\n:page-kind: page\n\nText of the page.\n";
        tree = FixtureTree.in(folder)
                .write("schools/Aber Ford/school.yml", school)
                .write("schools/Aber Ford/en/page.adoc", page)
                .write("schools/good/school.yml", school)
                .write("schools/good/en/page.adoc", page)
                .write("schools/warned/school.yml", school)
                .write("schools/warned/en/page.adoc", page + "\nSee <<no-such-section>> for more.\n")
                .write("schools/names/school.yml", school)
                .write("schools/names/en/Anti Bullying.adoc", page)
                .write("schools/names/en/appendix-b-100%-safe.adoc", page)
                .write("schools/names/en/a#b.adoc", page)
                .write("schools/names/en/polisi-ŵyr.adoc", page)
                .write("schools/names/en/Anti-Bullying.adoc", page)
                .write("schools/names/en/fine.adoc", page)
                .write("schools/misspelt/school.yml", school + "attributes:\n  setting-manager: Mr Manager\n")
                .write("schools/misspelt/en/page.adoc", page + "\nAsk {setting-manger} for a laptop.\n")
                .write("schools/colon/school.yml", "name: {en: Colon School}\nlanguages: [en]\nroles:\n  headteacher: Ms X (Manager: Early Years)\n")
                .write("schools/colon/en/page.adoc", page);
        Files.createSymbolicLink(folder.resolve("themes"), Fixtures.projectRoot().resolve("themes"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xss4m", "-Dpolisi.root=" + folder,
                "-cp", System.getProperty("java.class.path"), PolisiCli.class.getName(), "build"));
        Path log = folder.resolve("build.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the build finished");
        exit = process.exitValue();
        output = Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void theBuildFailsWithExitStatusOneAndNoStackTrace() {
        assertEquals(1, exit, output);
        assertFalse(output.contains("Exception"), output);
        assertFalse(output.matches("(?s).*\\n\\s+at [a-z]+\\..*"), output);
        assertFalse(output.contains("WARN asciidoctor") || output.contains("asciidoctor: WARNING"), output);
    }

    @Test
    void everyCountIsInTheRightNumberNeverOneItems() {
        assertTrue(output.lines().anyMatch(line -> line.matches("^\\d+ schools, \\d+ pages, 1 language, \\d+ errors?, \\d+ warnings?, [0-9.]+ s$")),
                output);
        assertFalse(output.matches("(?s).*\\b1 (items|schools|pages|languages|errors|warnings)\\b.*"), output);
    }

    @Test
    void eachBadNameIsReportedAtItsFileWithTheNameToUse() {
        for (String expected : List.of(
                "content/schools/Aber Ford: error: 'Aber Ford' cannot be a school id (it is part of every web address): rename it 'aber-ford'",
                "content/schools/names/en/Anti Bullying.adoc: error: 'Anti Bullying.adoc' cannot be a page (its name is the page's web address): rename it 'anti-bullying.adoc'",
                "content/schools/names/en/appendix-b-100%-safe.adoc: error: 'appendix-b-100%-safe.adoc' cannot be a page (its name is the page's web address): rename it 'appendix-b-100-safe.adoc'",
                "content/schools/names/en/a#b.adoc: error: 'a#b.adoc' cannot be a page (its name is the page's web address): rename it 'a-b.adoc'",
                "content/schools/names/en/polisi-ŵyr.adoc: error: 'polisi-ŵyr.adoc' cannot be a page (its name is the page's web address): rename it 'polisi-wyr.adoc'",
                "content/schools/names/en/Anti-Bullying.adoc: error: 'Anti-Bullying.adoc' cannot be a page (its name is the page's web address): rename it 'anti-bullying.adoc'")) {
            assertTrue(output.contains(expected), "missing: " + expected + "\nin:\n" + output);
        }
    }

    @Test
    void aYamlSlipIsOneErrorAtItsLineAndColumnWithAPlainHint() {
        List<String> colon = output.lines().filter(line -> line.startsWith("content/schools/colon/")).toList();
        assertEquals(1, colon.size(), output);
        assertTrue(colon.get(0).startsWith("content/schools/colon/school.yml:4:"), colon.get(0));
        assertTrue(colon.get(0).contains("a value that contains ': ' needs quotes"), colon.get(0));
    }

    @Test
    void aBrokenReferenceAndAMisspeltAttributeAreReportedAtTheirOwnLinesInTheSameFormat() {
        assertTrue(output.contains("content/schools/warned/en/page.adoc:6: error:"), output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("content/schools/misspelt/en/page.adoc:6: error:")
                && line.contains("did you mean '{setting-manager}'?")), output);
        assertFalse(Files.exists(folder.resolve("site/target/public/misspelt")), "an unresolved attribute is never published");
    }

    @Test
    void theGoodSchoolIsPublishedAndTheBrokenOnesAreHeldBackByName() {
        Path published = folder.resolve("site/target/public");
        assertTrue(Files.isRegularFile(published.resolve("good/en/page.html")), output);
        assertFalse(Files.exists(published.resolve("names")), "a school with a badly named page is held back");
        assertFalse(Files.exists(published.resolve("warned")));
        assertTrue(output.contains("Published good"), output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("Not published") && line.contains("names")
                && line.contains("warned") && line.contains("misspelt") && line.contains("colon")), output);
        // tester 4's fault 2: a school whose school.yml cannot be read is counted and named like the others
        assertTrue(output.lines().anyMatch(line -> line.startsWith("5 schools, ")), output);
        assertTrue(output.contains("their last good output, if any, stays in site/target/public"), output);
        String index = FixtureTree.readFile(published.resolve("index.html"));
        assertTrue(index.contains("good/en/index.html") && !index.contains("names/en/index.html"), index);
    }
}
