package org.polisi.site.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildTools;
import org.polisi.site.Fixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Found 14:25 on 2026-12-01: a browser test's build ({@code PolisiCli build --out /tmp/...}, no
 * launcher, so no checkout lock) ran beside {@code POLISI_DAEMON=off ./polisi build --no-cache} in
 * the same checkout, and failed: the other build's PDF stage pruned the shared PDF cache, the
 * test's {@code .part} among it. Two real builds of the good fixture at once, in one work folder,
 * each publishing its own output: both must succeed, each with every PDF (docs/adr/0100).
 */
class WorkFolderLockTest {

    private record Run(int status, String out, String err) {
    }

    @Test
    void twoBuildsAtOnceInOneWorkFolderBothSucceedWithTheirPdfs(@TempDir Path folder) throws Exception {
        Path work = folder.resolve("build");      // one work folder: its PDF cache, staging and publish folders are shared
        List<BuildOptions> builds = new ArrayList<>();
        for (String name : List.of("developer", "test")) {
            BuildOptions own = Fixtures.options(Fixtures.content("good"), folder.resolve(name), List.of()).withStrict(false);
            builds.add(new BuildOptions(own.contentDir(), own.themeDir(), own.outputDir(), own.manifestsDir(), work, own.schools(),
                    own.strict(), own.today(), own.agreedTextsDir()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Run>> running = new ArrayList<>();
            for (BuildOptions options : builds) {
                Callable<Run> build = () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ByteArrayOutputStream err = new ByteArrayOutputStream();
                    int status = BuildCommand.build(folder, options, Optional.empty(), new BuildTools(),
                            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
                };
                running.add(pool.submit(build));
            }
            List<Run> runs = new ArrayList<>();
            for (Future<Run> run : running) {
                runs.add(run.get());
            }
            for (int i = 0; i < runs.size(); i++) {
                Run run = runs.get(i);
                assertEquals(0, run.status(), run.out() + run.err());
                assertFalse(run.err().contains("could not be made"), run.err());
                assertEquals(pdfs(builds.get(0).outputDir()), pdfs(builds.get(i).outputDir()));
            }
            assertEquals(1, runs.stream().filter(run -> run.out().contains("another build is using the work folder")).count(),
                    "one of the two waited for the other, and said so");
            assertTrue(pdfs(builds.get(0).outputDir()).size() >= 4, pdfs(builds.get(0).outputDir()).toString());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The PDFs published under {@code out}, by path. */
    private static List<String> pdfs(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).map(f -> out.relativize(f).toString()).sorted().toList();
        }
    }
}
