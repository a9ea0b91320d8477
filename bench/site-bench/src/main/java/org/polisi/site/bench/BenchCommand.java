package org.polisi.site.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The site build's benchmark tools, run as {@code java -cp ... org.polisi.site.bench.BenchCommand ...}
 * (bench/site-build.sh and bench/proofing-cost.sh drive them; they are not part of {@code ./polisi}).
 * {@code generate} writes a synthetic cluster; {@code asciidoctor} and {@code jbake} are the two
 * baselines, converting the resolved .adoc files a build left in its work folder.
 */
@Command(name = "bench", description = "Benchmark tools: generate a synthetic cluster; baseline conversions.",
        subcommands = {BenchCommand.Generate.class, BenchCommand.BareAsciidoctor.class, BenchCommand.PlainJBake.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code generate}, {@code asciidoctor} or {@code jbake} with their options; exits with the command's status. */
    public static void main(String[] args) {
        org.polisi.site.cli.Logging.quieten();
        System.exit(new picocli.CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "generate", description = "Write N schools adopting a synthetic template, in en and cy, into DIR/content (and the theme into DIR/themes).")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--schools", required = true, description = "number of schools")
        int schools;

        @Option(names = "--out", required = true, description = "project folder to write (content/ and themes/)")
        Path out;

        @Option(names = "--theme", description = "theme folder to copy (default: the project's themes/)")
        Path theme;

        @Override
        public Integer call() throws Exception {
            Path root = out.toAbsolutePath();
            if (Files.exists(root.resolve("content"))) {
                org.polisi.site.render.FileTrees.deleteRecursively(root.resolve("content"));
            }
            int perSchool = new ClusterGenerator(root.resolve("content")).generate(schools);
            Path themes = theme != null ? theme : Path.of(System.getProperty("polisi.root", ".")).resolve("themes");
            org.polisi.site.render.FileTrees.copy(themes, root.resolve("themes"));
            System.out.printf("%d schools x %d pages + template preview (%d) = %d pages in %s%n",
                    schools, perSchool, perSchool, (schools + 1) * perSchool, root);
            return 0;
        }
    }

    @Command(name = "asciidoctor", description = "Baseline: bare AsciidoctorJ, one instance, converting every .adoc under DIR.")
    static final class BareAsciidoctor implements Callable<Integer> {
        @Parameters(index = "0", description = "folder of resolved .adoc files (a build's site/target/build/staged)")
        Path dir;

        @Option(names = "--out", required = true, description = "where to write the HTML")
        Path out;

        @Option(names = "--threads", description = "converting threads (default 1)")
        int threads = 1;

        @Override
        public Integer call() throws Exception {
            Baselines.Result result = Baselines.bareAsciidoctor(dir, out, threads);
            System.out.println(result);
            return 0;
        }
    }

    @Command(name = "jbake", description = "Baseline: plain JBake baking every .adoc under DIR with a minimal template.")
    static final class PlainJBake implements Callable<Integer> {
        @Parameters(index = "0", description = "folder of resolved .adoc files (a build's site/target/build/staged)")
        Path dir;

        @Option(names = "--out", required = true, description = "work folder (source and output)")
        Path out;

        @Override
        public Integer call() throws Exception {
            Baselines.Result result = Baselines.plainJBake(dir, out);
            System.out.println(result);
            return 0;
        }
    }
}
