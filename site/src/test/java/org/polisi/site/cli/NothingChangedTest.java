package org.polisi.site.cli;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.render.FileTrees;
import org.polisi.site.uptodate.UpToDate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
 * {@code ./polisi build} when nothing changed since the last build (docs/adr/0062-nothing-changed-builds.md):
 * it reports the same problems, exit status and summary without touching a file, and any change to
 * what a build reads or to what it published makes the next build run in full.
 */
class NothingChangedTest {
    private static final String NOTHING_CHANGED = "nothing changed since the last build";

    @TempDir
    Path folder;
    private FixtureTree tree;
    private BuildOptions options;
    private Path cacheDir;

    @BeforeEach
    void site() throws IOException {
        tree = FixtureTree.copyOf("good", folder);
        FileTrees.copy(Fixtures.content("agreement").resolve("schools/hillside"), tree.content().resolve("schools/hillside"));
        FileTrees.copy(Fixtures.content("broken-link").resolve("schools/lonely"), tree.content().resolve("schools/lonely"));
        FileTrees.copy(Fixtures.theme(), folder.resolve("theme"));
        options = new BuildOptions(tree.content(), folder.resolve("theme"), folder.resolve("public"), folder.resolve("manifests"),
                folder.resolve("build"), List.of(), false, Fixtures.TODAY, folder.resolve("agreed-texts"));
        cacheDir = folder.resolve("cache");
    }

    private record Run(int status, String out, String err) {
        boolean skipped() {
            return out.contains(NOTHING_CHANGED);
        }
    }

    private Run build(BuildOptions with, Optional<Path> cache) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BuildCommand.build(folder, with, cache, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run build() throws IOException {
        return build(options, Optional.of(cacheDir));
    }

    @Test
    void aBuildWithNothingChangedReportsWhatTheLastOneDidAndWritesNothing() throws IOException {
        Run first = build();
        assertFalse(first.skipped(), first.out());
        assertEquals(1, first.status(), "the lonely school's broken link holds it back: " + first.err());
        assertTrue(first.err().contains("broken-link"), first.err());
        Map<String, FileTime> published = times(folder.resolve("public"));
        Map<String, FileTime> work = times(folder.resolve("build"));

        Run second = build();
        assertTrue(second.skipped(), second.out());
        assertEquals(first.status(), second.status());
        assertEquals(first.err(), second.err(), "the same problems, word for word, in the same order");
        assertEquals(withoutTimes(first.out()), withoutTimes(second.out()).replaceFirst(".*" + NOTHING_CHANGED + ".*\n", ""));
        assertEquals(published, times(folder.resolve("public")), "no published file was written again");
        assertEquals(work, times(folder.resolve("build")), "nor any file of the work folder");
        assertTrue(build().skipped(), "and again");
    }

    @Test
    void anEditToAPageMakesTheBuildRunEvenWhenTheFileKeepsItsSizeAndTime() throws IOException {
        build();
        Path page = tree.file("schools/adopter/en/policy.adoc");
        FileTime time = Files.getLastModifiedTime(page);
        String text = Files.readString(page);
        assertTrue(text.contains("school laptop"));
        Files.writeString(page, text.replace("school laptop", "school Laptop"));
        Files.setLastModifiedTime(page, time);
        Run after = build();
        assertFalse(after.skipped(), after.out());
        assertTrue(Files.readString(folder.resolve("public/adopter/en/policy.html")).contains("school Laptop"));
    }

    @Test
    void eachInputOfTheBuildIsPartOfWhatMustBeUnchanged() throws IOException {
        build();
        assertTrue(build().skipped());
        tree.write("words.txt", tree.read("words.txt") + "Riverside    # a word more\n");   // a file only proofing reads
        assertFalse(build().skipped(), "a word list changed");
        assertTrue(build().skipped());
        Files.writeString(folder.resolve("theme/i18n/extra_en.properties"), "unused=a new bundle\n");
        assertFalse(build().skipped(), "a file of the theme");
        assertTrue(build().skipped());
        assertFalse(build(options.withStrict(true), Optional.of(cacheDir)).skipped(), "--strict");
        assertFalse(build().skipped(), "and back");
        assertFalse(build(options.withToday(Fixtures.TODAY.plusDays(1)), Optional.of(cacheDir)).skipped(), "another day");
        assertFalse(build(options.withSchools(List.of("adopter")), Optional.of(cacheDir)).skipped(), "other schools asked for");
        assertFalse(build(options.withServedAt(java.net.URI.create("http://localhost:18080")), Optional.of(cacheDir)).skipped(),
                "another served address (./polisi serve --port)");
        System.setProperty("polisi.pdf", "false");
        try {
            assertFalse(build().skipped(), "a polisi.* property");
        } finally {
            System.clearProperty("polisi.pdf");
        }
        assertFalse(build().skipped(), "the property gone again");
        assertTrue(build().skipped());
    }

    @Test
    void aPublishedFileChangedOrRemovedIsPublishedAgain() throws IOException {
        build();
        Path page = folder.resolve("public/adopter/en/policy.html");
        byte[] built = Files.readAllBytes(page);
        Files.writeString(page, "edited by hand");
        assertFalse(build().skipped(), "an edited page");
        assertArrayEquals(built, Files.readAllBytes(page));
        Files.delete(page);
        assertFalse(build().skipped(), "a deleted page");
        assertArrayEquals(built, Files.readAllBytes(page));
        FileTrees.deleteRecursively(folder.resolve("manifests"));
        assertFalse(build().skipped(), "the forms manifests gone");
        assertTrue(Files.isDirectory(folder.resolve("manifests")));
        assertTrue(build().skipped());
    }

    @Test
    void aNewCommitChangesThePageHistoryAndSoTheBuild() throws Exception {
        try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("content").call();
            commit(git, "first");
            build();
            assertTrue(build().skipped());
            commit(git, "second, touching no file");
            assertFalse(build().skipped(), "HEAD moved");
            assertTrue(build().skipped());
        }
    }

    private static void commit(Git git, String message) throws Exception {
        git.commit().setMessage(message).setAllowEmpty(true).setSign(false)
                .setAuthor("Test", "test@example.org").setCommitter("Test", "test@example.org").call();
    }

    @Test
    void aDamagedRecordIsIgnoredAndWrittenAgain() throws IOException {
        Run first = build();
        Path record = cacheDir.resolve(UpToDate.FILE);
        byte[] whole = Files.readAllBytes(record);
        for (byte[] damaged : List.of(Arrays.copyOf(whole, whole.length / 2), flip(whole), new byte[0],
                "not a record".getBytes(StandardCharsets.UTF_8))) {
            Files.write(record, damaged);
            Run again = build();
            assertFalse(again.skipped(), "a damaged record is never replayed");
            assertEquals(first.err(), again.err());
            assertTrue(build().skipped(), "the record was written again, whole");
        }
    }

    @Test
    void withoutTheCacheTheRecordIsNeitherReadNorWritten() throws IOException {
        build(options, Optional.empty());
        assertFalse(Files.exists(cacheDir.resolve(UpToDate.FILE)));
        build();
        assertFalse(build(options, Optional.empty()).skipped(), "--no-cache always builds");
    }

    private static byte[] flip(byte[] bytes) {
        byte[] flipped = bytes.clone();
        flipped[flipped.length / 3] ^= 0x20;
        return flipped;
    }

    /** The output without its build times, which differ from run to run. */
    private static String withoutTimes(String out) {
        return out.replaceAll(", [0-9.]+ s\n", "\n").replaceAll(".*pages converted.*\n", "");
    }

    private static Map<String, FileTime> times(Path root) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                times.put(root.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
