package org.polisi.site.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.RecordingProgress;
import org.polisi.site.SiteBuild;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview keeps a render cache: after an author edits one page, only that page (and pages whose
 * chrome depends on it) are converted again; the others are written from the build cache.
 */
class RenderCacheTest {

    @Test
    void aSecondBuildRerendersOnlyTheEditedPageAndCopiesTheRest(@TempDir Path folder) throws Exception {
        Path content = folder.resolve("content");
        org.polisi.site.render.FileTrees.copy(Fixtures.content("good"), content);
        BuildOptions options = Fixtures.options(content, folder, List.of("solo"));
        RenderCache cache = new RenderCache();
        RecordingProgress progress = new RecordingProgress();
        assertTrue(new SiteBuild(options, progress, Optional.of(cache)).run().published());
        progress.clear();

        Path edited;
        try (var files = Files.list(content.resolve("schools/solo/en"))) {
            edited = files.filter(f -> f.toString().endsWith(".adoc")).findFirst().orElseThrow();
        }
        Files.writeString(edited, Files.readString(edited) + "\nA sentence added by the author.\n", StandardCharsets.UTF_8);

        BuildResult second = new SiteBuild(options, progress, Optional.of(cache)).run();

        assertTrue(second.published(), second.errors().toString());
        Path pages = options.outputDir().resolve("solo/en");
        String editedUrl = "/solo/en/" + edited.getFileName().toString().replace(".adoc", ".html");
        assertTrue(Files.readString(options.outputDir().resolve(editedUrl.substring(1))).contains("A sentence added by the author."));
        assertEquals(List.of(editedUrl), progress.converted(), "only the edited page is converted; the others come from the cache");
        assertTrue(Files.readString(pages.resolve("index.html")).contains("<main"), "a page from the cache is published whole");
    }
}
