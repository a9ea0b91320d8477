package org.polisi.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.problem.Problem;
import org.polisi.site.render.FileTrees;
import org.polisi.site.render.RenderCache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds in one JVM (a preview's rebuilds, a test run) share the Asciidoctor instance and nothing
 * else: what one build's forms and Asciidoctor's log found wrong is never reported by another
 * (issue 13, fault 2).
 */
class BuildIsolationTest {

    private static final String TWICE = "embedded on two en pages";

    @Test
    void aCleanSiteBuiltAfterOneWithAFormProblemReportsNoFormProblem(@TempDir Path folder) throws Exception {
        BuildResult broken = build(formOnTwoPages(folder), folder.resolve("broken"), Optional.empty());
        assertTrue(mentions(broken, TWICE), "the fixture's problem is found: " + broken.problems());

        BuildResult clean = build(Fixtures.content("agreement"), folder.resolve("clean"), Optional.empty());

        assertTrue(clean.published(), clean.problems().toString());
        assertFalse(mentions(clean, TWICE));
    }

    @Test
    void aPreviewWithNothingChangedDoesNotReportAnotherBuildsFormProblems(@TempDir Path folder) throws Exception {
        Path content = folder.resolve("content");
        FileTrees.copy(Fixtures.content("agreement"), content);
        RenderCache cache = new RenderCache();
        assertTrue(build(content, folder.resolve("preview"), Optional.of(cache)).published());
        BuildResult broken = build(formOnTwoPages(folder), folder.resolve("broken"), Optional.empty());
        assertTrue(mentions(broken, TWICE), broken.problems().toString());

        BuildResult unchanged = build(content, folder.resolve("preview"), Optional.of(cache));

        assertTrue(unchanged.published(), "nothing changed, nothing is wrong: " + unchanged.problems());
        assertEquals(List.of(), unchanged.problems());
    }

    @Test
    void twoBuildsAtOnceEachReportOnlyTheirOwnProblems(@TempDir Path folder) throws Exception {
        Path broken = formOnTwoPages(folder);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                Path out = folder.resolve("round" + round);
                Future<BuildResult> bad = pool.submit(() -> build(broken, out.resolve("broken"), Optional.empty()));
                Future<BuildResult> good = pool.submit(() -> build(Fixtures.content("agreement"), out.resolve("clean"), Optional.empty()));

                assertTrue(good.get().published(), good.get().problems().toString());
                assertTrue(mentions(bad.get(), TWICE), bad.get().problems().toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The agreement fixture with its form also on a second English page: found only while rendering. */
    private static Path formOnTwoPages(Path folder) throws Exception {
        Path content = folder.resolve("twice/content");
        if (!Files.isDirectory(content)) {
            FileTrees.copy(Fixtures.content("agreement"), content);
            Path english = content.resolve("schools/hillside/en");
            Files.writeString(english.resolve("staff-agreement-again.adoc"), """
                    = Staff agreement again
                    :page-kind: policy
                    :page-order: 2

                    [[again]]
                    == Again

                    Staff keep their passwords to themselves.

                    form::staff-agreement[]
                    """, StandardCharsets.UTF_8);
        }
        return content;
    }

    private static BuildResult build(Path content, Path out, Optional<RenderCache> cache) throws Exception {
        return new SiteBuild(Fixtures.options(content, out, List.of()), line -> { }, cache).run();
    }

    private static boolean mentions(BuildResult result, String text) {
        return result.problems().stream().map(Problem::message).anyMatch(message -> message.contains(text));
    }
}
