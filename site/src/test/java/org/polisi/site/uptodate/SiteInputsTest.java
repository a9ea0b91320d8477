package org.polisi.site.uptodate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which sites' fingerprints a change moves (docs/adr/0067-per-school-builds.md), on the "good"
 * fixture: a template {@code demo}, {@code adopter} which adopts it, {@code solo} which does not, and
 * the template's preview {@code demo-template}.
 */
class SiteInputsTest {
    private static final List<String> SITES = List.of("adopter", "solo", "demo-template");
    @TempDir
    Path folder;
    private FixtureTree tree;
    private BuildOptions options;

    @BeforeEach
    void site() throws IOException {
        tree = FixtureTree.copyOf("good", folder);
        FileTrees.copy(Fixtures.theme(), folder.resolve("theme"));
        options = new BuildOptions(tree.content(), folder.resolve("theme"), folder.resolve("public"), folder.resolve("manifests"),
                folder.resolve("build"), List.of(), false, Fixtures.TODAY, folder.resolve("agreed-texts"));
    }

    private Map<String, String> fingerprints() {
        SiteInputs inputs = SiteInputs.of(options);
        Map<String, String> all = new TreeMap<>();
        SITES.forEach(id -> all.put(id, inputs.of(id).orElseThrow()));
        return all;
    }

    /** The sites whose fingerprint {@code change} moved. */
    private Set<String> moved(Runnable change) {
        Map<String, String> before = fingerprints();
        change.run();
        Map<String, String> after = fingerprints();
        return SITES.stream().filter(id -> !before.get(id).equals(after.get(id))).collect(Collectors.toSet());
    }

    @Test
    void aSchoolsOwnFileMovesOnlyThatSchool() {
        assertEquals(Set.of("solo"), moved(() -> tree.write("schools/solo/en/policy.adoc", tree.read("schools/solo/en/policy.adoc") + "\nMore.\n")));
        assertEquals(Set.of("adopter"), moved(() -> tree.write("schools/adopter/words.txt", "Riverside  # its name\n")));
        assertEquals(Set.of("solo"), moved(() -> tree.writeBytes("schools/solo/assets/logo.png", new byte[]{1, 2, 3})));
    }

    @Test
    void aTemplateFileMovesItsPreviewAndTheSchoolsThatAdoptIt() {
        assertEquals(Set.of("adopter", "demo-template"),
                moved(() -> tree.write("clusters/demo/en/policy.adoc", tree.read("clusters/demo/en/policy.adoc") + "\nMore.\n")));
        assertEquals(Set.of("adopter", "demo-template"), moved(() -> tree.write("clusters/demo/words.txt", "Owen  # a name\n")));
    }

    @Test
    void whatEverySiteReadsMovesEverySite() throws IOException {
        Set<String> all = Set.copyOf(SITES);
        assertEquals(all, moved(() -> tree.write("words.txt", tree.read("words.txt") + "Extra  # a word\n")));
        assertEquals(all, moved(() -> tree.write("glossary.yml", "terms: []\n")));
        assertEquals(all, moved(() -> write(folder.resolve("theme/templates/extra.ftl"), "<#-- new -->")));
        Map<String, String> before = fingerprints();
        options = options.withToday(Fixtures.TODAY.plusDays(1));
        assertTrue(SITES.stream().noneMatch(id -> before.get(id).equals(fingerprints().get(id))), "the date of the build");
    }

    @Test
    void adoptingAnotherTemplateMovesTheSchool() {
        String settings = tree.read("schools/solo/school.yml");
        assertEquals(Set.of("solo"), moved(() -> tree.write("schools/solo/school.yml", "adopts: demo\n" + settings)));
        assertEquals(Set.of("solo", "adopter", "demo-template"),
                moved(() -> tree.write("clusters/demo/en/policy.adoc", tree.read("clusters/demo/en/policy.adoc") + "\nMore.\n")),
                "now solo reads the template too");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
