package org.polisi.site.render;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.RecordingProgress;
import org.polisi.site.SiteBuild;
import org.polisi.site.problem.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build cache on disk (docs/adr/0055-build-cache.md), on a small real site: the "good" fixture
 * (a cluster template, a school that adapts it, a standalone school) with a school that inherits
 * the template whole, a school with a form, and a school whose pages hold problems of every stage.
 * Each build here is the same code path as {@code ./polisi build}: only the output and cache
 * folders differ between the builds compared.
 */
class BuildCacheTest {
    @TempDir
    Path folder;
    private FixtureTree tree;
    private Path cacheDir;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void site() throws IOException {
        tree = FixtureTree.copyOf("good", folder.resolve("site")).withFollowerFormAndBrokenLink();
        // A problem only the form macros find while converting (a form:: naming no form is the compose stage's, ADR 0072).
        Path lonely = tree.content().resolve("schools/lonely/en/policy.adoc");
        Files.writeString(lonely, Files.readString(lonely) + "\nParents agree that statement:nope[photos].\n");
        cacheDir = folder.resolve("cache");
    }

    private BuildResult build(String out, RenderCache cache) throws IOException {
        BuildOptions options = Fixtures.options(tree.content(), folder.resolve(out), List.of()).withStrict(false);
        return new SiteBuild(options, progress, Optional.of(cache)).run();
    }

    private BuildResult cached(String out) throws IOException {
        return build(out, RenderCache.at(cacheDir));
    }

    @Test
    void aBuildFromTheCacheIsByteIdenticalToAColdBuild() throws IOException {
        build("cold", RenderCache.disabled());
        cached("warm");                     // fills the cache
        progress.clear();
        cached("warm");                     // served from it
        assertEquals(List.of(), progress.converted(), "nothing changed: no page is converted");
        Map<String, byte[]> cold = tree(folder.resolve("cold/public"));
        Map<String, byte[]> warm = tree(folder.resolve("warm/public"));
        assertTrue(cold.keySet().stream().anyMatch(file -> file.startsWith("hillside/en/") && file.endsWith(".html")));
        assertEquals(cold.keySet(), warm.keySet(), "the same files");
        cold.forEach((file, bytes) -> assertArrayEquals(bytes, warm.get(file), file + " differs from the cold build's"));
        Map<String, byte[]> coldManifests = tree(folder.resolve("cold/manifests"));
        assertFalse(coldManifests.isEmpty());
        Map<String, byte[]> warmManifests = tree(folder.resolve("warm/manifests"));
        assertEquals(coldManifests.keySet(), warmManifests.keySet());
        coldManifests.forEach((file, bytes) -> assertArrayEquals(bytes, warmManifests.get(file), file + ": the forms' versions"));
    }

    @Test
    void aCachedBuildReportsTheSameProblemsAsAColdOne() throws IOException {
        List<Problem> cold = build("cold", RenderCache.disabled()).problems();
        cached("warm");
        progress.clear();
        List<Problem> warm = cached("warm").problems();
        assertEquals(List.of(), progress.converted());
        List<String> codes = cold.stream().map(Problem::code).distinct().toList();
        // Conversion (Asciidoctor's log, the form macro), the HTML checks and compose: every stage that can find one.
        for (String code : List.of("asciidoc", "form", "broken-link")) {
            assertTrue(codes.contains(code), code + " among " + codes);
        }
        assertEquals(cold, warm, "problems must not vanish, or change, on a cached build");
    }

    @Test
    void aDamagedEntryIsIgnoredAndItsPageConvertedAndStoredAgain() throws IOException {
        cached("first");
        // Four entries of the schools' pages (the root pages are rendered by the publish stage).
        List<Path> entries = entries().stream().filter(entry -> url(entry).matches("/[a-z-]+/[a-z]{2}/.*")).limit(4).toList();
        assertEquals(4, entries.size());
        List<String> damaged = entries.stream().map(BuildCacheTest::url).sorted().toList();
        byte[] whole = Files.readAllBytes(entries.get(0));
        Files.write(entries.get(0), Arrays.copyOf(whole, whole.length / 2));                 // cut short
        byte[] flipped = Files.readAllBytes(entries.get(1));
        flipped[flipped.length / 3] ^= 0x20;                                                    // one character changed
        Files.write(entries.get(1), flipped);
        Files.writeString(entries.get(2), "not a cache entry", StandardCharsets.UTF_8);         // another program's file
        Files.write(entries.get(3), new byte[0]);                                               // empty
        progress.clear();
        BuildResult second = cached("second");
        assertEquals(damaged, progress.converted().stream().sorted().toList(), "exactly the damaged pages are converted again");
        assertEquals(build("cold", RenderCache.disabled()).problems(), second.problems());
        Map<String, byte[]> cold = tree(folder.resolve("cold/public"));
        Map<String, byte[]> rebuilt = tree(folder.resolve("second/public"));
        assertEquals(cold.keySet(), rebuilt.keySet());
        cold.forEach((file, bytes) -> assertArrayEquals(bytes, rebuilt.get(file), file));
        progress.clear();
        cached("third");
        assertEquals(List.of(), progress.converted(), "the damaged entries were written again, whole");
    }

    @Test
    void aTemplateSectionChangeConvertsThePagesThatInheritItAndNotThoseThatReplacedIt() throws IOException {
        cached("out");
        progress.clear();
        Path template = tree.file("clusters/demo/en/policy.adoc");
        String text = Files.readString(template);
        String section = "{headteacher} leads online safety across the whole school and reports to the governors.";
        assertTrue(text.contains(section));
        Files.writeString(template, text.replace(section, section.replace("the governors", "the governing body each term")));
        cached("out");
        List<String> converted = progress.converted();
        assertTrue(converted.contains("/follower/en/policy.html"), converted.toString());
        assertTrue(converted.stream().noneMatch(url -> url.startsWith("/adopter/en/")), "adopter replaced the section: " + converted);
        // The Welsh pages made from the template now say that the English changed (ADR 0072): their
        // chrome, and so their key, changed. Without a repository, the adopter's cannot be told apart.
        assertTrue(converted.stream().allMatch(url -> url.equals("/follower/en/policy.html")
                || url.equals("/demo" + SiteBuildSuffix.TEMPLATE + "/en/policy.html") || url.endsWith("/cy/policy.html")),
                "nothing else: " + converted);
        assertTrue(Files.readString(folder.resolve("out/public/follower/cy/policy.html")).contains("notice--stale"));
        String follower = Files.readString(folder.resolve("out/public/follower/en/policy.html"));
        assertTrue(follower.contains("the governing body each term"));
        String adopter = Files.readString(folder.resolve("out/public/adopter/en/policy.html"));
        assertTrue(adopter.contains("Our digital leader, Mr Owen Example"));
        assertFalse(adopter.contains("each term"));
    }

    @Test
    void withoutTheCacheEveryPageIsConvertedAndNothingIsStored() throws IOException {
        cached("out");
        long stored = entries().size();
        progress.clear();
        BuildResult uncached = build("out", RenderCache.disabled());
        assertEquals(uncached.pages(), progress.converted().size(), "--no-cache converts every page");
        assertEquals(stored, entries().size());
    }

    /**
     * {@code prepare()} tells the build whether JRuby is starting on a thread of its own (the build
     * then starts proofing where its thread will wait for it, docs/adr/0069): not when every page
     * will come from the cache, and not when this process runs JRuby already.
     */
    @Test
    void jrubyIsNotStartedForABuildFromTheCacheNorStartedTwice() throws IOException {
        cached("out");                      // converts: JRuby now runs in this process
        BuildOptions options = Fixtures.options(tree.content(), folder.resolve("out"), List.of()).withStrict(false);
        assertFalse(new RenderStage(options, RenderCache.at(cacheDir), progress).prepare(), "every page is in the cache");
        assertFalse(new RenderStage(options, RenderCache.disabled(), progress).prepare(), "JRuby runs already");
    }

    /** Every file under {@code root}, by its path relative to it. */
    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static String url(Path entry) {
        try {
            return PageRecordFormat.read(Files.readAllBytes(entry)).orElseThrow().url();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isPage(Path entry) {
        try {
            return PageRecordFormat.read(Files.readAllBytes(entry)).isPresent();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            return walk.filter(Files::isRegularFile).filter(file -> !file.getParent().equals(cacheDir))
                    .filter(BuildCacheTest::isPage).sorted().toList();      // not the HTML checks' entries
        }
    }

    /** The template preview's site id is the template's id with this suffix. */
    private static final class SiteBuildSuffix {
        static final String TEMPLATE = org.polisi.site.SiteBuild.TEMPLATE_PREVIEW_SUFFIX;
    }
}
