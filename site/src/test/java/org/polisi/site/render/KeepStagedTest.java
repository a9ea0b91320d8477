package org.polisi.site.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -Dpolisi.keep-staged=true} leaves every page of the build's sites as AsciiDoc under
 * {@code <work>/staged/}, which bench/site-build.sh's baselines convert: all of them, not the last
 * bake's (the root index's two pages once replaced them).
 */
class KeepStagedTest {

    @Test
    void everyPageOfEverySiteIsKeptNotOnlyTheRootIndex(@TempDir Path folder) throws Exception {
        BuildOptions options = Fixtures.options(Fixtures.content("good"), folder, List.of());
        BuildResult result;
        System.setProperty(RenderStage.KEEP_STAGED, "true");
        try {
            result = new SiteBuild(options, line -> { }).run();
        } finally {
            System.clearProperty(RenderStage.KEEP_STAGED);
        }

        assertTrue(result.published(), result.problems().toString());
        List<Path> staged;
        try (Stream<Path> files = Files.walk(options.workDir().resolve("staged"))) {
            staged = files.filter(file -> file.toString().endsWith(".adoc")).toList();
        }
        assertEquals(result.pages(), staged.size(), staged.toString());
        assertTrue(Files.isRegularFile(options.workDir().resolve("staged/solo/en/index.adoc")));
    }
}
