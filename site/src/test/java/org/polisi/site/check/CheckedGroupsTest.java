package org.polisi.site.check;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.RecordingProgress;
import org.polisi.site.SiteBuild;
import org.polisi.site.problem.Problem;
import org.polisi.site.render.FileTrees;
import org.polisi.site.render.RenderCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML checks' results kept in the build cache (docs/adr/0062-nothing-changed-builds.md): a
 * group whose pages' keys are unchanged is not checked again, its findings come back at the
 * author's line, a damaged entry is ignored, and a changed page is checked again.
 */
class CheckedGroupsTest {
    @TempDir
    Path folder;
    private FixtureTree tree;
    private BuildOptions options;

    @BeforeEach
    void site() throws IOException {
        tree = FixtureTree.copyOf("good", folder.resolve("site"));
        FileTrees.copy(Fixtures.content("broken-link").resolve("schools/lonely"), tree.content().resolve("schools/lonely"));
        Path solo = tree.file("schools/solo/en/policy.adoc");
        Files.writeString(solo, Files.readString(solo) + "\nAsk {headteacher-nmae} first.\n");   // found in the HTML, by a group's checks
        options = Fixtures.options(tree.content(), folder.resolve("out"), List.of()).withStrict(false);
    }

    private List<Problem> build(RenderCache cache) throws IOException {
        return new SiteBuild(options, new RecordingProgress(), Optional.of(cache)).run().problems();
    }

    private List<Problem> cached() throws IOException {
        return build(RenderCache.at(folder.resolve("cache")));
    }

    @Test
    void keptFindingsAreReportedAsAFreshCheckReportsThem() throws IOException {
        List<Problem> cold = build(RenderCache.disabled());
        assertTrue(cold.stream().anyMatch(p -> p.code().equals("unresolved-attribute") && p.file() != null && p.line() > 0), cold.toString());
        assertTrue(cold.stream().anyMatch(p -> p.code().equals("broken-link")), "and the link check across pages: " + cold);
        assertEquals(cold, cached());
        assertFalse(entries().isEmpty(), "the groups' results are kept");
        assertEquals(cold, cached(), "from the kept results: the same problems at the same lines");
    }

    @Test
    void aKeptResultIsReadAndADamagedOneIgnored() throws IOException {
        List<Problem> cold = cached();
        Path entry = entries().stream().filter(file -> read(file).findings().stream()
                .anyMatch(f -> f.code().equals("unresolved-attribute"))).findFirst().orElseThrow();
        CheckedGroups.Result kept = read(entry);
        List<CheckedGroups.Finding> altered = new ArrayList<>();
        kept.findings().forEach(f -> altered.add(new CheckedGroups.Finding(f.url(), f.code(), "kept: " + f.message(), f.needles())));
        Files.write(entry, CheckedGroups.entry(new CheckedGroups.Result(kept.pages(), altered)));
        assertTrue(cached().stream().anyMatch(p -> p.message().startsWith("kept: ")), "the kept result is what is reported");

        byte[] damaged = Files.readAllBytes(entry);
        damaged[damaged.length / 2] ^= 0x20;
        Files.write(entry, damaged);
        assertEquals(cold, cached(), "a damaged entry is ignored and the group checked again");
        assertEquals(cold, cached(), "and stored again whole");
    }

    @Test
    void aChangedPageIsCheckedAgain() throws IOException {
        List<Problem> before = cached();
        Path page = tree.file("schools/solo/en/policy.adoc");
        Files.writeString(page, Files.readString(page) + "\nSee link:nowhere-at-all.html[the missing page].\n");
        List<Problem> after = cached();
        assertTrue(after.stream().anyMatch(p -> p.code().equals("broken-link") && p.message().contains("nowhere-at-all")
                && page.equals(p.file())), after.toString());
        Files.writeString(page, Files.readString(page).replace("\nSee link:nowhere-at-all.html[the missing page].\n", ""));
        assertEquals(before, cached(), "fixed again: the kept result of the first build is found again");
    }

    private static CheckedGroups.Result read(Path entry) {
        try {
            return CheckedGroups.entry(Files.readAllBytes(entry)).orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The cache's entries that are the checks' results. */
    private List<Path> entries() throws IOException {
        try (Stream<Path> walk = Files.walk(folder.resolve("cache"))) {
            return walk.filter(Files::isRegularFile).filter(file -> {
                try {
                    return CheckedGroups.entry(Files.readAllBytes(file)).isPresent();
                } catch (IOException e) {
                    return false;
                }
            }).sorted().toList();
        }
    }
}
