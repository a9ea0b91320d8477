package org.polisi.site.cli;

import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.SiteBuild;
import org.polisi.site.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./polisi build [--school ID ...] [--out DIR] [--strict]}. */
@Command(name = "build", description = "Bake every school (or the named ones) into site/target/public.")
public final class BuildCommand implements Callable<Integer> {

    @Option(names = "--school", description = "a school id (repeatable); default: every school and template preview")
    List<String> schools = new ArrayList<>();

    @Option(names = "--out", description = "output folder (default site/target/public)")
    Path out;

    @Option(names = "--strict", description = "fail on any check error (the default in CI and tests)")
    boolean strict;

    @Option(names = "--agreed-texts", paramLabel = "DIR",
            description = "the archive of agreed texts (default data/agreed-texts, or $POLISI_AGREED_TEXTS_DIR); never delete it")
    Path agreedTexts;

    @Override
    public Integer call() throws Exception {
        Path root = PolisiCli.projectRoot();
        BuildOptions options = BuildOptions.defaults(root).withSchools(schools).withStrict(strict);
        if (out != null) {
            options = options.withOutput(out.toAbsolutePath());
        }
        if (agreedTexts != null) {
            options = options.withAgreedTexts(agreedTexts.toAbsolutePath());
        }
        System.out.println("Building " + (schools.isEmpty() ? "every school" : String.join(", ", schools)) + " from " + root.relativize(options.contentDir()));
        BuildResult result = new SiteBuild(options, System.out::println).run();
        return summarise(result, root, options);
    }

    static int summarise(BuildResult result, Path root, BuildOptions options) {
        for (Problem problem : result.problems()) {
            System.err.println((problem.severity() == Problem.Severity.ERROR ? "error: " : "warning: ") + problem.describe(root));
        }
        long languages = result.sites().stream().flatMap(s -> s.languages().stream()).distinct().count();
        System.out.printf("%d schools, %d pages, %d languages, %d errors, %d warnings, %.1f s%n",
                result.sites().size(), result.pages(), languages, result.errors().size(), result.warnings().size(), result.seconds());
        if (!result.published()) {
            System.err.println("Build failed: nothing published; the last good site is still in " + root.relativize(options.outputDir()));
            return 1;
        }
        System.out.println("Published to " + options.outputDir());
        return 0;
    }
}
