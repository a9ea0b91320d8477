package org.polisi.site.publish;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;
import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing swaps folders: a good build replaces the live site, a failed one leaves it as it was. */
class AtomicPublisherTest {
    private static final Path folder = createFolder();

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("polisi-publish-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void clean() throws IOException {
        FileTrees.deleteRecursively(folder);
    }

    @Test
    void aFailedStrictBuildLeavesTheLastGoodSiteInPlace() throws IOException {
        BuildOptions good = Fixtures.options(Fixtures.content("good"), folder, List.of("solo"));
        BuildResult first = new SiteBuild(good, line -> { }).run();
        assertTrue(first.published(), first.errors().toString());
        Path live = good.outputDir();
        String index = Files.readString(live.resolve("index.html"));
        String policy = Files.readString(live.resolve("solo/en/policy.html"));

        BuildOptions broken = Fixtures.options(Fixtures.content("broken-link"), folder, List.of());
        BuildResult second = new SiteBuild(broken, line -> { }).run();

        assertFalse(second.published());
        assertFalse(second.errors().isEmpty());
        assertEquals(index, Files.readString(live.resolve("index.html")));
        assertEquals(policy, Files.readString(live.resolve("solo/en/policy.html")));
        assertFalse(Files.exists(live.resolve("lonely")), "nothing of the failed build is published");
        assertFalse(Files.exists(live.resolveSibling(live.getFileName() + ".previous")));
    }

    @Test
    void publishingReplacesTheLiveFolderWhole() throws IOException {
        Path built = Files.createDirectories(folder.resolve("swap/built"));
        Path live = Files.createDirectories(folder.resolve("swap/live"));
        Files.writeString(built.resolve("new.html"), "new");
        Files.writeString(live.resolve("old.html"), "old");

        AtomicPublisher.publish(built, live);

        assertEquals("new", Files.readString(live.resolve("new.html")));
        assertFalse(Files.exists(live.resolve("old.html")), "no page of the old site is left behind");
        assertFalse(Files.exists(built));
        assertFalse(Files.exists(folder.resolve("swap/live.previous")));
    }
}
