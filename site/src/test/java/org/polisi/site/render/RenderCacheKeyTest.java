package org.polisi.site.render;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.RecordingProgress;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build cache's key covers everything a page depends on: after an edit to a theme template,
 * a theme bundle of the forms, a form's definition or the school's settings, the page with the
 * form is converted again and shows the change, and the manifest's form version follows it.
 */
class RenderCacheKeyTest {
    @TempDir
    Path folder;
    private FixtureTree tree;
    private BuildOptions options;
    private final RenderCache cache = new RenderCache();
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void buildOnce() throws IOException {
        tree = FixtureTree.in(folder)
                .write("schools/formed/school.yml", "name: {en: Formed School}\nlanguages: [en]\ncontact-email: office@formed.test\n")
                .write("schools/formed/en/policy.adoc", "= Policy\n:page-kind: policy\n\nSign below.\n\nform::parent-carer-agreement[]\n")
                .write("schools/formed/en/other.adoc", "= Other\n:page-kind: page\n\nNo form here.\n")
                .write("schools/formed/forms/parent-carer-agreement.yml",
                        FixtureTree.readFile(Fixtures.formsFixture("cluster/forms/parent-carer-agreement.yml")));
        Path theme = folder.resolve("theme");
        FileTrees.copy(Fixtures.theme(), theme);
        options = new BuildOptions(tree.content(), theme, folder.resolve("public"), folder.resolve("manifests"),
                folder.resolve("build"), List.of(), true, Fixtures.TODAY, folder.resolve("agreed-texts"));
        assertTrue(build().published());
        progress.clear();
    }

    private BuildResult build() throws IOException {
        return new SiteBuild(options, progress, Optional.of(cache)).run();
    }

    private boolean convertedAgain(String page) {
        return progress.converted().contains("/formed/en/" + page + ".html");
    }

    private String policy() throws IOException {
        return Files.readString(options.outputDir().resolve("formed/en/policy.html"));
    }

    private String manifest() throws IOException {
        return Files.readString(options.manifestsDir().resolve("formed.json"));
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void anUnchangedBuildCopiesEveryPage() throws IOException {
        assertTrue(build().published());
        assertEquals(List.of(), progress.converted(), "nothing changed: every page comes from the cache");
    }

    @Test
    void editingAThemeTemplateConvertsThePageAgain() throws IOException {
        edit(options.themeDir().resolve("templates/layout.ftl"), "<main id=\"main-content\" class=\"main\">",
                "<main id=\"main-content\" class=\"main\" data-edited=\"template\">");
        assertTrue(build().published());
        assertTrue(policy().contains("data-edited=\"template\""));
        assertTrue(convertedAgain("policy"));
    }

    @Test
    void editingTheFormsBundleConvertsThePageAgain() throws IOException {
        edit(options.themeDir().resolve("i18n/forms_en.properties"), "forms.submit.continue=Continue",
                "forms.submit.continue=Go on");
        assertTrue(build().published());
        assertTrue(policy().contains("Go on"), "the form's button shows the new words");
    }

    @Test
    void editingAFormsDefinitionConvertsThePageAgainWithANewFormVersion() throws IOException {
        String version = manifest();
        edit(tree.file("schools/formed/forms/parent-carer-agreement.yml"), "label: {en: Full name, cy: Enw llawn}",
                "label: {en: Your full name, cy: Eich enw llawn}");
        assertTrue(build().published());
        assertTrue(policy().contains("Your full name"));
        assertNotEquals(version, manifest());
        assertTrue(convertedAgain("policy"));
        // The key is per site: every page of a school may embed any of its forms, so all are converted again.
        assertTrue(convertedAgain("other"));
    }

    @Test
    void editingTheSettingsConvertsThePageAgain() throws IOException {
        edit(tree.file("schools/formed/school.yml"), "office@formed.test", "head@formed.test");
        assertTrue(build().published());
        assertTrue(policy().contains("head@formed.test"));
        assertTrue(convertedAgain("policy"));
    }
}
