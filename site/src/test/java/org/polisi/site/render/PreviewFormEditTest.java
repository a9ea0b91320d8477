package org.polisi.site.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a preview (builds that keep a {@link RenderCache}), an edit to a form's YAML file, and to
 * nothing else, renders the pages that embed the form again: the page shows the new text and its
 * form carries a new version for the manifest.
 */
class PreviewFormEditTest {

    @Test
    void editingAFormsYamlChangesThePageThatEmbedsIt(@TempDir Path folder) throws Exception {
        Path content = folder.resolve("content");
        FileTrees.copy(Fixtures.content("agreement"), content);
        BuildOptions options = Fixtures.options(content, folder, List.of());
        RenderCache cache = new RenderCache();
        assertTrue(new SiteBuild(options, line -> { }, Optional.of(cache)).run().published());
        Path page = options.outputDir().resolve("hillside/en/staff-agreement.html");
        Path manifest = options.manifestsDir().resolve("hillside.json");
        String before = Files.readString(page);
        String manifestBefore = Files.readString(manifest);
        assertTrue(before.contains("I have read the agreement above and I agree to follow it."));

        Path form = content.resolve("schools/hillside/forms/staff-agreement.yml");
        Files.writeString(form, Files.readString(form).replace("I have read the agreement above and I agree to follow it.",
                "I have read the agreement above and I will follow it."), StandardCharsets.UTF_8);
        BuildResult second = new SiteBuild(options, line -> { }, Optional.of(cache)).run();

        assertTrue(second.published(), second.problems().toString());
        String after = Files.readString(page);
        assertTrue(after.contains("I have read the agreement above and I will follow it."), "the edited declaration is shown");
        assertFalse(after.contains("I agree to follow it."));
        assertNotEquals(manifestBefore, Files.readString(manifest), "the form's version changed with its text");
        assertTrue(Files.readString(options.outputDir().resolve("hillside/cy/staff-agreement.html"))
                .contains("Rwyf wedi darllen y cytundeb uchod"), "the Welsh page, unchanged, is still published");
    }
}
