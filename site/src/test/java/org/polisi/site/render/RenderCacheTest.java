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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview keeps a render cache: after an author edits one page, only that page (and pages whose
 * chrome depends on it) are converted again; the others are copied from the last published site.
 */
class RenderCacheTest {

    @Test
    void aSecondBuildRerendersOnlyTheEditedPageAndCopiesTheRest(@TempDir Path folder) throws Exception {
        Path content = folder.resolve("content");
        org.polisi.site.render.FileTrees.copy(Fixtures.content("good"), content);
        BuildOptions options = Fixtures.options(content, folder, List.of("solo"));
        RenderCache cache = new RenderCache();
        assertTrue(new SiteBuild(options, line -> { }, Optional.of(cache)).run().published());

        // Mark every published page: a copied page keeps the mark, a re-rendered one loses it.
        Path pages = options.outputDir().resolve("solo/en");
        List<Path> published;
        try (var files = Files.list(pages)) {
            published = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        for (Path page : published) {
            Files.writeString(page, Files.readString(page) + "<!-- copied -->");
        }
        Path edited;
        try (var files = Files.list(content.resolve("schools/solo/en"))) {
            edited = files.filter(f -> f.toString().endsWith(".adoc")).findFirst().orElseThrow();
        }
        Files.writeString(edited, Files.readString(edited) + "\nA sentence added by the author.\n", StandardCharsets.UTF_8);

        BuildResult second = new SiteBuild(options, line -> { }, Optional.of(cache)).run();

        assertTrue(second.published(), second.errors().toString());
        String editedPage = Files.readString(pages.resolve(edited.getFileName().toString().replace(".adoc", ".html")));
        assertTrue(editedPage.contains("A sentence added by the author."));
        assertFalse(editedPage.contains("<!-- copied -->"), "the edited page was converted again");
        String untouched = Files.readString(options.outputDir().resolve("solo/en/index.html"));
        assertTrue(untouched.contains("<!-- copied -->"), "an unchanged page is copied, not converted");
    }
}
