package org.polisi.site.proof;

import org.junit.jupiter.api.Test;
import org.polisi.site.BuildOptions;
import org.polisi.site.Fixtures;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Proofing.Started#then}: what the build runs after proofing on the core proofing leaves
 * (the PDF warm-up, docs/adr/0069) runs once, only when the run has ended, and at once when it
 * is asked for after the end.
 */
class ProofingStartedTest {
    @Test
    void whatFollowsRunsOnceAfterTheRunHasEnded() throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("polisi-test-");
        try {
            follow(folder);
        } finally {
            org.polisi.site.render.FileTrees.deleteRecursively(folder);
        }
    }

    private static void follow(Path folder) throws IOException, InterruptedException {
        BuildOptions options = Fixtures.options(Fixtures.content("proofing"), folder, List.of()).withStrict(false);
        List<ResolvedSite> sites = CatalogStage.load(options, new Problems()).sites();
        Path answers = options.workDir().resolve("spelling-" + Dictionaries.VERSIONS.get("en") + ".tsv");
        Files.deleteIfExists(answers);

        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean answersSavedFirst = new AtomicBoolean();
        CountDownLatch followed = new CountDownLatch(1);
        Proofing.Started started = Proofing.of(options, new Dictionaries()).start(sites);
        started.then(() -> {
            runs.incrementAndGet();
            answersSavedFirst.set(Files.isRegularFile(answers));     // the run's last step saves the answers
            followed.countDown();
        });
        Problems problems = new Problems();
        started.join(problems);
        assertTrue(followed.await(30, TimeUnit.SECONDS), "what follows proofing ran");
        assertTrue(answersSavedFirst.get(), "it ran only after the run had saved its answers");
        assertTrue(problems.all().stream().anyMatch(p -> p.message().contains("'recieve'")), "the run found what it finds");

        Thread caller = Thread.currentThread();
        AtomicBoolean onCaller = new AtomicBoolean();
        started.then(() -> onCaller.set(Thread.currentThread() == caller));
        assertTrue(onCaller.get(), "asked for after the end, it runs at once");
        assertEquals(1, runs.get(), "the first action ran once");
    }
}
