package org.polisi.site.proof;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proofing remembers what it has checked (each distinct text, word, link line and pair once per
 * build), so that a hundred schools adopting one template cost little more than one. These tests
 * prove that the findings do not change with it: the same misspelling in a template line and in
 * two schools' own pages is reported at each file and line where it is written, the template's
 * line once, and counted for every school that publishes it; and proofing alongside the build
 * (one thread) finds exactly what proofing on every core finds.
 *
 * <p>The fixture is {@code fixtures/good} with a second school adopting the same template
 * ({@code adopter-two}, a copy of {@code adopter}), and these planted: "recieve" in the template's
 * English appendix and in each school's English about page, "kamsillafiad" in each school's Welsh
 * about page, and an English-only link without its marker in the template's Welsh appendix.
 */
class ProofingAcrossSchoolsTest {
    private static final String TEMPLATE_EN = "clusters/demo/en/appendix-a-agreement.adoc";
    private static final String TEMPLATE_CY = "clusters/demo/cy/appendix-a-agreement.adoc";
    private static Path root;
    private static Path content;
    private static BuildResult result;

    @BeforeAll
    static void plantAndProof() throws IOException {
        root = Files.createTempDirectory("polisi-test-");
        content = root.resolve("content");
        copy(Fixtures.content("good"), content);
        copy(content.resolve("schools/adopter"), content.resolve("schools/adopter-two"));
        Path yml = content.resolve("schools/adopter-two/school.yml");
        Files.writeString(yml, Files.readString(yml).replace("/adopter/", "/adopter-two/")
                .replace("Riverside Primary School", "Hillside Primary School"), StandardCharsets.UTF_8);
        append(TEMPLATE_EN, "Pupils recieve a copy to keep.");
        append(TEMPLATE_CY, "Gweler https://www.example.com/cymorth am ragor.");
        for (String school : List.of("adopter", "adopter-two")) {
            append("schools/" + school + "/en/about.adoc", "Staff recieve training every year.");
            append("schools/" + school + "/cy/about.adoc", "Mae kamsillafiad yma.");
        }
        BuildOptions options = Fixtures.options(content, root.resolve("site"), List.of()).withStrict(false);
        result = new SiteBuild(options, line -> { }).resolveOnly();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void append(String file, String line) throws IOException {
        Files.writeString(content.resolve(file), "\n" + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The line of {@code file} (under content/) that contains {@code text}, counted from 1. */
    private static int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(content.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static List<String> where(String code, String word) {
        return result.problems().stream()
                .filter(p -> p.code().equals(code) && p.message().contains(word))
                .map(p -> content.relativize(p.file()) + ":" + p.line())
                .sorted().toList();
    }

    @Test
    void theSameMisspellingIsFoundAtEachFileAndLineWhereItIsWritten() throws IOException {
        assertEquals(List.of(
                TEMPLATE_EN + ":" + lineOf(TEMPLATE_EN, "recieve"),
                "schools/adopter-two/en/about.adoc:" + lineOf("schools/adopter-two/en/about.adoc", "recieve"),
                "schools/adopter/en/about.adoc:" + lineOf("schools/adopter/en/about.adoc", "recieve")),
                where("spelling", "'recieve'"));
        assertEquals(List.of(
                "schools/adopter-two/cy/about.adoc:" + lineOf("schools/adopter-two/cy/about.adoc", "kamsillafiad"),
                "schools/adopter/cy/about.adoc:" + lineOf("schools/adopter/cy/about.adoc", "kamsillafiad")),
                where("spelling", "'kamsillafiad'"));
        assertEquals(List.of(TEMPLATE_CY + ":" + lineOf(TEMPLATE_CY, "example.com")), where("glossary", "www.example.com"));
        assertTrue(result.problems().stream().filter(p -> p.code().equals("spelling"))
                        .allMatch(p -> p.message().contains("'recieve'") || p.message().contains("'kamsillafiad'")),
                () -> "only the planted words: " + result.problems());
    }

    @Test
    void aTemplateLineIsCountedForEverySchoolThatPublishesIt() {
        for (String school : List.of("adopter", "adopter-two")) {
            assertEquals(2, result.proofing().of(school).get("en").spelling(), school + ": the template's line and its own");
            assertEquals(1, result.proofing().of(school).get("cy").spelling(), school + ": its own Welsh line");
            assertTrue(result.proofing().of(school).get("cy").glossary() >= 1, school + ": the template's English-only link");
        }
        assertEquals(0, result.proofing().of("solo").get("en").spelling(), "a school that adopts nothing");
    }

    @Test
    void proofingAlongsideTheBuildFindsExactlyWhatProofingOnEveryCoreFinds() {
        Proofing proofing = new Proofing(content, Fixtures.theme().resolve("i18n"), null);
        Problems onEveryCore = new Problems();
        ProofResult counted = proofing.run(result.sites(), onEveryCore);
        Problems alongside = new Problems();
        ProofResult countedAlongside = new Proofing(content, Fixtures.theme().resolve("i18n"), null)
                .start(result.sites()).join(alongside);
        List<Problem> expected = onEveryCore.all();
        assertTrue(expected.stream().anyMatch(p -> p.message().contains("'recieve'")), expected.toString());
        assertEquals(expected, alongside.all());
        assertEquals(counted.bySite(), countedAlongside.bySite());
    }
}
