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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /**
     * Builds running at the same time (here: four caches on one folder, as four processes would
     * hold, writing the same key over and over while two read it) never leave or read a partial
     * entry: a reader finds nothing or one writer's whole page, and no temporary file stays behind.
     */
    @Test
    void concurrentWritersNeverLeaveAPartialEntry(@TempDir Path folder) throws Exception {
        String key = "ab" + "0".repeat(62);
        int rounds = 150;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> tasks = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            byte fill = (byte) ('a' + writer);
            int length = 50_000 + writer * 7_919;
            RenderCache cache = RenderCache.at(folder);
            tasks.add(pool.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    byte[] html = new byte[length];
                    Arrays.fill(html, fill);
                    cache.put(key, new PageRecord("/page.html", html, List.of(), List.of("writer " + (char) fill), List.of()));
                }
                return 0;
            }));
        }
        for (int reader = 0; reader < 2; reader++) {
            RenderCache cache = RenderCache.at(folder);
            tasks.add(pool.submit(() -> {
                int whole = 0;
                for (int i = 0; i < rounds * 2; i++) {
                    Optional<PageRecord> read = cache.get(key);
                    if (read.isPresent()) {
                        byte[] html = read.get().html();
                        char fill = (char) html[0];
                        assertEquals(50_000 + (fill - 'a') * 7_919, html.length, "a whole page of one writer");
                        for (byte b : html) {
                            assertEquals(fill, (char) b);
                        }
                        assertEquals(List.of("writer " + fill), read.get().formProblems());
                        whole++;
                    }
                }
                return whole;
            }));
        }
        int read = 0;
        for (Future<Integer> task : tasks) {
            read += task.get();
        }
        pool.shutdown();
        assertTrue(read > 0, "the readers found entries");
        try (var files = Files.walk(folder)) {
            assertEquals(List.of(folder.resolve("ab").resolve(key)), files.filter(Files::isRegularFile).toList(),
                    "one entry and no temporary file left");
        }
    }

    @Test
    void aKeyThatIsNotAHashIsRefusedNotUsedAsAPath(@TempDir Path folder) {
        RenderCache cache = RenderCache.at(folder);
        PageRecord record = new PageRecord("/page.html", new byte[] {1}, List.of(), List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> cache.put("../../etc/passwd", record));
    }
}
