package org.polisi.site.cli;

import org.polisi.site.Counted;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.BuildTools;
import org.polisi.site.SiteBuild;
import org.polisi.site.buildserver.BuildLock;
import org.polisi.site.problem.Problem;
import org.polisi.site.render.RenderCache;
import org.polisi.site.uptodate.LastBuild;
import org.polisi.site.uptodate.UpToDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ./polisi build [--school ID ...] [--out DIR] [--work DIR] [--served-at URL] [--strict] [--release] [--cache DIR | --no-cache]
 * [--no-daemon | --stop]}. The launcher runs it through this checkout's build server when one runs (docs/adr/0079). Every
 * build holds its work folder's lock ({@link BuildLock#ofWorkFolder}) and publishes at the published set's one origin
 * ({@link PublishedOrigin}): docs/adr/0100.
 */
@Command(name = "build", description = "Bake every school (or the named ones) into site/target/public.")
public final class BuildCommand implements Callable<Integer> {

    @Option(names = "--school", description = "a school id (repeatable); default: every school and template preview")
    List<String> schools = new ArrayList<>();

    @Option(names = "--out", description = "output folder (default site/target/public); its work folder is then <DIR>-work,"
            + " unless --work says otherwise")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", description = "the build's work folder (default site/target/build, or <DIR>-work"
            + " with --out DIR): one build at a time uses it; another waits (docs/adr/0100)")
    Path work;

    @Option(names = "--strict", description = "treat every warning as an error (the default in CI and tests)")
    boolean strict;

    @Option(names = "--release", description = "refuse to build while anything is left to confirm with the school (./polisi report)")
    boolean release;

    @Option(names = "--agreed-texts", paramLabel = "DIR",
            description = "the archive of agreed texts (default data/agreed-texts, or $POLISI_AGREED_TEXTS_DIR); never delete it")
    Path agreedTexts;

    @Option(names = "--served-at", paramLabel = "URL",
            description = "where the pages will be served on this machine (e.g. http://localhost:8080; ./polisi serve passes"
                    + " its --port): a base-url on localhost is written there; a public base-url wins")
    java.net.URI servedAt;

    @Mixin
    CacheOptions cacheOptions;

    @Option(names = "--no-daemon", description = "build in this process, without this checkout's build server"
            + " (so does POLISI_DAEMON=off; docs/adr/0079)")
    boolean noDaemon;

    @Option(names = "--stop", description = "stop this checkout's build server, if one runs, and build nothing")
    boolean stop;

    /** The dictionaries and fonts this process lends each build: one set per command, or per build server. */
    private final BuildTools tools;

    /** A command whose build reads its own dictionaries and fonts. */
    public BuildCommand() {
        this(new BuildTools());
    }

    /** A command whose build borrows {@code tools} (read once by a process that runs many builds). */
    BuildCommand(BuildTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() throws Exception {
        Path root = PolisiCli.projectRoot();
        if (stop) {
            System.out.println(org.polisi.site.buildserver.BuildClient.stop(root));
            return 0;
        }
        BuildOptions options = BuildOptions.defaults(root).withSchools(schools).withStrict(strict).withRelease(release);
        if (out != null) {
            options = options.withOutput(out.toAbsolutePath());
            // another output is another published set: its pages, PDFs and staging are not the default build's (ADR 0100)
            options = withWork(options, out.toAbsolutePath().resolveSibling(out.getFileName() + "-work"));
        }
        if (work != null) {
            options = withWork(options, work.toAbsolutePath());
        }
        if (agreedTexts != null) {
            options = options.withAgreedTexts(agreedTexts.toAbsolutePath());
        }
        if (servedAt != null) {
            if (servedAt.getScheme() == null || servedAt.getHost() == null) {
                System.err.println("error: --served-at needs an origin such as http://localhost:8080, not '" + servedAt + "'");
                return 2;
            }
            options = options.withServedAt(servedAt);
        }
        System.out.println("Building " + (schools.isEmpty() ? "every school" : String.join(", ", schools)) + " from " + root.relativize(options.contentDir()));
        return build(root, options, cacheOptions.off ? Optional.empty() : Optional.of(cacheOptions.folder(root)), tools, System.out, System.err);
    }

    private static BuildOptions withWork(BuildOptions o, Path folder) {
        return new BuildOptions(o.contentDir(), o.themeDir(), o.outputDir(), o.manifestsDir(), folder, o.schools(), o.strict(),
                o.today(), o.agreedTextsDir(), o.release(), o.servedAt());
    }

    /**
     * Builds with {@code options}, printing progress to {@code out} and problems to {@code err};
     * with a {@code cacheDir}, through the build cache, and not at all when nothing changed since
     * the last build (its report is printed again: docs/adr/0062-nothing-changed-builds.md).
     *
     * @return the exit status: 0, or 1 when there was an error
     * @throws IOException when the output or work folder cannot be written
     */
    static int build(Path root, BuildOptions options, Optional<Path> cacheDir, PrintStream out, PrintStream err) throws IOException {
        return build(root, options, cacheDir, new BuildTools(), out, err);
    }

    /** As {@link #build(Path, BuildOptions, Optional, PrintStream, PrintStream)}, lending the build {@code tools}. */
    static int build(Path root, BuildOptions options, Optional<Path> cacheDir, BuildTools tools, PrintStream out, PrintStream err)
            throws IOException {
        long start = System.nanoTime();
        Optional<String> refused = FileSystemRefusals.beforeBuilding(root, options, cacheDir);   // no link, no other user's folder (ADR 0097)
        if (refused.isPresent()) {
            err.println("error: " + refused.get());
            return 1;
        }
        // One build at a time in a work folder, whoever started it (the launcher, a test, a benchmark): ADR 0100
        try (BuildLock lock = BuildLock.ofWorkFolder(options.workDir(), out)) {
            BuildOptions resolved;
            try {
                resolved = PublishedOrigin.resolve(options, out);      // one origin for the published set (tester 6's N5)
            } catch (PublishedOrigin.Refused refusal) {
                err.println("error: " + refusal.getMessage());
                return 2;
            }
            Optional<UpToDate> check = cacheDir.flatMap(dir -> UpToDate.before(dir, resolved));
            Optional<LastBuild> last = check.flatMap(UpToDate::lastBuild);
            if (last.isPresent()) {
                return Transcript.replay(last.get(), (System.nanoTime() - start) / 1e9, out, err);
            }
            Transcript transcript = new Transcript(out, err);
            SiteBuild build = new SiteBuild(resolved, transcript, cacheDir.map(RenderCache::at), tools);
            cacheDir.ifPresent(build::keepingUnchangedSites);     // sites whose inputs and output are unchanged are kept (ADR 0067)
            BuildResult result = build.run();
            int status = summarise(result, root, resolved, transcript);
            check.ifPresent(done -> done.record(status, result.pages(), transcript.lines()));
            return status;
        }
    }

    /** Prints every problem ({@code file:line: level: message [code]}) and what was published; 1 when there was an error. */
    static int summarise(BuildResult result, Path root, BuildOptions options) {
        return summarise(result, root, options, new Transcript(System.out, System.err));
    }

    private static int summarise(BuildResult result, Path root, BuildOptions options, Transcript report) {
        PublishedOrigin.record(options, result);     // preview and import summarise here too
        for (Problem problem : result.problems()) {
            report.error(problem.describe(root));
        }
        report.line(String.format("%s, %s, %s, %s, %s, %.1f s", Counted.of(result.siteCount(), "school", "schools"),
                Counted.of(result.pages(), "page", "pages"), Counted.of(result.languageCount(), "language", "languages"),
                Counted.of(result.errors().size(), "error", "errors"), Counted.of(result.warnings().size(), "warning", "warnings"),
                result.seconds()));
        long open = result.toConfirm().values().stream().mapToLong(List::size).sum();
        if (open > 0) {
            report.line(Counted.of(open, "item", "items") + " to confirm with the school (./polisi report lists them; build --release refuses until they are settled)");
        }
        if (!result.publishedSites().isEmpty()) {
            report.line("Published " + String.join(", ", result.publishedSites()) + " to " + options.outputDir());
        }
        if (!result.heldBack().isEmpty()) {
            report.error("Not published, because of the errors above (their last good output, if any, stays in "
                    + root.relativize(options.outputDir().toAbsolutePath()) + "): " + String.join(", ", result.heldBack()));
        }
        return result.errors().isEmpty() && result.heldBack().isEmpty() ? 0 : 1;
    }
}
