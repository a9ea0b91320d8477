package org.polisi.site.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.render.FileTrees;
import org.polisi.site.uptodate.SiteRecords;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds that keep unchanged schools as published (docs/adr/0067-per-school-builds.md), on a small
 * real cluster: the "good" fixture's template {@code demo} with a school that adapts it
 * ({@code adopter}) and one that inherits it whole ({@code follower}), a standalone school
 * ({@code solo}), a school with a form ({@code hillside}) and one held back by a broken link
 * ({@code lonely}). After each change, the build through the cache must build exactly the sites the
 * change concerns, and its published sites, manifests, archive, report and exit status must equal
 * those of a cold build ({@code --no-cache}) of the same content, started from the same published
 * output (a site held back keeps its last good output in both).
 */
class UnchangedSitesTest {
    private static final Pattern COMPOSED = Pattern.compile("(?m)^  (\\S+)\\s+[a-z+]+, \\d+ pages?$");

    @TempDir
    Path folder;
    private FixtureTree tree;
    private BuildOptions options;
    private Path cacheDir;
    private int colds;

    @BeforeEach
    void site() throws IOException {
        tree = FixtureTree.copyOf("good", folder).withFollowerFormAndBrokenLink();
        FileTrees.copy(Fixtures.theme(), folder.resolve("theme"));
        options = new BuildOptions(tree.content(), folder.resolve("theme"), folder.resolve("public"), folder.resolve("manifests"),
                folder.resolve("build"), List.of(), false, Fixtures.TODAY, folder.resolve("agreed-texts"));
        cacheDir = folder.resolve("cache");
    }

    private record Run(int status, String out, String err) {
        /** The sites this build loaded and composed (none when nothing changed and the last build's report was given again). */
        Set<String> built() {
            Set<String> sites = new TreeSet<>();
            if (out.contains("nothing changed since the last build")) {
                return sites;
            }
            Matcher composed = COMPOSED.matcher(out);
            while (composed.find()) {
                sites.add(composed.group(1));
            }
            return sites;
        }

        /** What it reported: its summary without the time, and what it published or held back, with the output folder named OUT. */
        String report(Path output) {
            return out.lines().filter(line -> !line.startsWith("  ") && !line.startsWith("Building"))
                    .map(line -> line.replaceFirst(", [0-9.]+ s$", "").replace(output.toString(), "OUT")).toList().toString();
        }
    }

    private Run run(BuildOptions with, Optional<Path> cache) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BuildCommand.build(folder, with, cache, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A build through the cache, compared in every respect with a cold build of the same content; returns the sites it built. */
    private Set<String> buildAndCompare() throws IOException {
        Path cold = folder.resolve("cold-" + ++colds);
        for (String output : List.of("public", "manifests", "agreed-texts")) {    // the same last good output to start from
            if (Files.isDirectory(folder.resolve(output))) {
                FileTrees.copy(folder.resolve(output), cold.resolve(output));
            }
        }
        Run kept = run(options, Optional.of(cacheDir));
        BuildOptions coldOptions = new BuildOptions(tree.content(), folder.resolve("theme"), cold.resolve("public"),
                cold.resolve("manifests"), cold.resolve("build"), List.of(), false, Fixtures.TODAY, cold.resolve("agreed-texts"));
        Run fresh = run(coldOptions, Optional.empty());
        assertEquals(fresh.status(), kept.status(), "the exit status of a cold build");
        assertEquals(fresh.err().replace("stays in " + folder.relativize(cold.resolve("public")), "stays in public"), kept.err(),
                "the same problems, word for word, in the same order");
        assertEquals(fresh.report(cold.resolve("public")), kept.report(folder.resolve("public")), "the same summary");
        for (String output : List.of("public", "manifests", "agreed-texts")) {
            Map<String, byte[]> expected = files(cold.resolve(output));
            Map<String, byte[]> actual = files(folder.resolve(output));
            assertEquals(expected.keySet(), actual.keySet(), "the same files in " + output);
            expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), output + "/" + file + " differs from a cold build's"));
        }
        assertTrue(files(folder.resolve("public")).keySet().stream().anyMatch(f -> f.startsWith("hillside/en/")));
        return kept.built();
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private void append(String page, String text) {
        tree.write(page, tree.read(page) + "\n" + text + "\n");
    }

    @Test
    void aChangedPageRebuildsItsSchoolAloneAndTheOutputIsACold() throws IOException {
        assertEquals(Set.of("adopter", "follower", "solo", "hillside", "lonely", "demo-template"), buildAndCompare(), "the first build builds all");
        append("schools/adopter/en/policy.adoc", "Pupils may ask the digital leader for help at any time.");
        assertEquals(Set.of("adopter", "lonely"), buildAndCompare(),
                "only the changed school, and the school held back by its error (which is never kept)");
        assertTrue(Files.readString(folder.resolve("public/adopter/en/policy.html")).contains("ask the digital leader"));
        assertEquals(Set.of(), buildAndCompare(), "nothing changed: the whole build is skipped (ADR 0062)");
        append("schools/solo/en/policy.adoc", "Pupils may ask too.");
        assertEquals(Set.of("solo", "lonely"), buildAndCompare(), "the school built last time is kept now");
    }

    @Test
    void aDeletedOrEditedPublishedFileRebuildsItsSchool() throws IOException {
        buildAndCompare();
        Files.delete(folder.resolve("public/solo/en/policy.html"));
        assertEquals(Set.of("solo", "lonely"), buildAndCompare());
        Files.writeString(folder.resolve("public/hillside/en/staff-agreement.html"), "edited by hand");
        assertEquals(Set.of("hillside", "lonely"), buildAndCompare());
        Files.delete(folder.resolve("manifests/hillside.json"));
        assertEquals(Set.of("hillside", "lonely"), buildAndCompare(), "its forms manifest");
        Files.delete(folder.resolve("public/index.html"));
        assertEquals(Set.of("lonely"), buildAndCompare(), "the root index is made again from the kept entries");
    }

    @Test
    void aTemplateChangeRebuildsTheSchoolsThatReadTheTemplate() throws IOException {
        buildAndCompare();
        append("clusters/demo/en/policy.adoc", "Every school of the cluster reads this sentence.");
        assertEquals(Set.of("adopter", "follower", "demo-template", "lonely"), buildAndCompare(), "not solo nor hillside");
        assertTrue(Files.readString(folder.resolve("public/follower/en/policy.html")).contains("Every school of the cluster"));
    }

    @Test
    void whatEverySiteReadsRebuildsEverySite() throws IOException {
        Set<String> all = buildAndCompare();
        Files.writeString(folder.resolve("theme/i18n/extra_en.properties"), "unused=a new bundle\n");
        assertEquals(all, buildAndCompare(), "a theme file");
        tree.write("words.txt", tree.read("words.txt") + "Riverside    # a word more\n");
        assertEquals(all, buildAndCompare(), "the content's word list");
        tree.write("schools/solo/words.txt", "Solo    # the school's name\n");
        assertEquals(Set.of("solo", "lonely"), buildAndCompare(), "a school's own word list is its own");
    }

    @Test
    void addingAndRemovingASchoolBuildsOnlyThatSchool() throws IOException {
        buildAndCompare();
        FileTrees.copy(tree.content().resolve("schools/solo"), tree.content().resolve("schools/newbie"));
        assertEquals(Set.of("newbie", "lonely"), buildAndCompare());
        assertTrue(Files.isRegularFile(folder.resolve("public/newbie/en/policy.html")));
        FileTrees.deleteRecursively(tree.content().resolve("schools/newbie"));
        assertEquals(Set.of("lonely"), buildAndCompare(), "its output goes; no other school is built");
        assertFalse(Files.exists(folder.resolve("public/newbie")));
    }

    @Test
    void aLinkIntoAnotherSchoolIsCheckedAgainWhenThatSchoolChanges() throws IOException {
        append("schools/adopter/en/about.adoc", "See also link:/solo/en/policy.html#rules[the rules of our partner school].");
        buildAndCompare();
        String solo = tree.read("schools/solo/en/policy.adoc");
        tree.write("schools/solo/en/policy.adoc", solo.replace("[[rules]]", "[[our-rules]]"));
        Set<String> built = buildAndCompare();
        assertEquals(Set.of("solo", "adopter", "lonely"), built, "the school linking into the changed one is checked again");
        Run again = run(options, Optional.of(cacheDir));
        assertTrue(again.err().contains("broken-anchor") && again.err().contains("about.adoc"), again.err());
    }

    @Test
    void aDamagedRecordIsIgnoredAndNoCacheNeitherReadsNorWritesIt() throws IOException {
        Set<String> all = buildAndCompare();
        Path records = cacheDir.resolve(SiteRecords.FILE);
        byte[] stored = Files.readAllBytes(records);
        byte[] damaged = Arrays.copyOf(stored, stored.length);
        damaged[damaged.length / 2] ^= 0x20;
        Files.write(records, damaged);
        append("schools/adopter/en/policy.adoc", "A sentence so that the whole build is not skipped.");
        assertEquals(all, buildAndCompare(), "a damaged record keeps nothing");
        byte[] rewritten = Files.readAllBytes(records);
        append("schools/solo/en/policy.adoc", "Another sentence.");
        run(options, Optional.empty());
        assertArrayEquals(rewritten, Files.readAllBytes(records), "--no-cache neither reads nor writes the records");
        assertEquals(Set.of("adopter", "follower", "solo", "hillside", "lonely", "demo-template"), buildAndCompare(),
                "after a --no-cache build every published folder is new, so every site is built");
    }
}
