package org.polisi.site.buildserver;

import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@code ./polisi build} as the launcher does ({@link BuildClient} in a JVM of its own, with the
 * launcher's flags), in small real checkouts, and watches the build servers it starts. Every
 * process it starts is stopped by {@link #stopServer}.
 */
final class ServerProcesses {
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m");

    private ServerProcesses() {
    }

    /** One client run: its exit status, standard output and standard error. */
    record Run(int exit, String out, String err) {
        /** Both streams with the checkout's folder and the summary's seconds, which differ between runs, made neutral. */
        String normalised(Path root, String text) {
            return text.replace(root.toString(), "ROOT").replaceAll("(?m), [0-9.]+ s$", ", S s");
        }
    }

    /** A checkout with two schools (one page each) and the project's theme. */
    static FixtureTree checkout(Path root) throws IOException {
        String school = "name: {en: A School}\nlanguages: [en]\n";
        FixtureTree tree = FixtureTree.in(root)
                .write("schools/first/school.yml", school)
                .write("schools/first/en/page.adoc", "= A Page\n:page-kind: page\n\nText of the page.\n")
                .write("schools/second/school.yml", school)
                .write("schools/second/en/page.adoc", "= Another Page\n:page-kind: page\n\nText of another page.\n");
        Files.createSymbolicLink(root.resolve("themes"), Fixtures.projectRoot().resolve("themes"));
        return tree;
    }

    /** Runs {@code build ARGS} in {@code root} with the launcher's flags. */
    static Run build(Path root, String... args) throws IOException, InterruptedException {
        return build(root, LAUNCHER_FLAGS, args);
    }

    /** Runs {@code build ARGS} in {@code root} with {@code flags} as the JVM's options. */
    static Run build(Path root, List<String> flags, String... args) throws IOException, InterruptedException {
        return start(root, flags, args).finish();
    }

    /** A client process started, its output going to two files. */
    record Started(Process process, Path out, Path err) {
        /** Waits for it to end (five minutes at most); what it printed. */
        Run finish() throws IOException, InterruptedException {
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the build finished");
            Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        }
    }

    /** Starts {@code build ARGS} in {@code root} with {@code flags} as the JVM's options, without waiting. */
    static Started start(Path root, List<String> flags, String... args) throws IOException {
        return startWith(root, BuildClient.class.getName(), flags, withBuild(args));
    }

    /** Starts {@code ./polisi COMMAND ARGS} ({@code preview}, {@code clean}...) as the launcher does, without waiting. */
    static Started startCommand(Path root, List<String> flags, String... args) throws IOException {
        return startWith(root, BuildClient.class.getName(), flags, args);
    }

    /** Runs {@code build ARGS} in {@code root} through {@code mainClass} (another entry than the launcher's) with {@code flags}. */
    static Run buildWith(Path root, String mainClass, List<String> flags, String... args) throws IOException, InterruptedException {
        return startWith(root, mainClass, flags, withBuild(args)).finish();
    }

    private static String[] withBuild(String... args) {
        List<String> all = new ArrayList<>(List.of("build"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** Runs {@code build ARGS} in {@code root} with the launcher's flags, from a shell whose umask is {@code umask} (e.g. "077"). */
    static Run buildUnder(String umask, Path root, String... args) throws IOException, InterruptedException {
        return startWith(umask, root, BuildClient.class.getName(), LAUNCHER_FLAGS, withBuild(args)).finish();
    }

    private static Started startWith(Path root, String mainClass, List<String> flags, String... args) throws IOException {
        return startWith(null, root, mainClass, flags, args);
    }

    private static Started startWith(String umask, Path root, String mainClass, List<String> flags, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (umask != null) {
            command.addAll(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-Dpolisi.root=" + root, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("CI");
        builder.environment().remove(BuildClient.VARIABLE);
        builder.environment().put(BuildServer.IDLE_VARIABLE, "300");    // a server a failed test leaves stops by itself
        return new Started(builder.start(), out, err);
    }

    /** Waits until the server of {@code root} listens; its process. */
    static ProcessHandle awaitServer(Path root) throws IOException, InterruptedException {
        ServerFolder folder = ServerFolder.of(root);
        for (int i = 0; i < 1800; i++) {
            Optional<ProcessHandle> server = server(root);
            if (Files.exists(folder.socket()) && server.isPresent() && server.get().isAlive()) {
                return server.get();
            }
            Thread.sleep(100);
        }
        return fail("no build server started in 3 minutes; its log: " + log(root));
    }

    /** The server that wrote its process id, if its file is there. */
    static Optional<ProcessHandle> server(Path root) throws IOException {
        Path pid = ServerFolder.of(root).pidFile();
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
    }

    static String log(Path root) throws IOException {
        Path log = ServerFolder.of(root).log();
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
    }

    /** Stops whatever server {@code root} has, asking first and then ending its process. */
    static void stopServer(Path root) throws Exception {
        Optional<ProcessHandle> server = server(root);
        BuildClient.stop(root);
        if (server.isPresent()) {
            server.get().destroyForcibly();
            server.get().onExit().get(1, TimeUnit.MINUTES);
        }
    }

    static void awaitExit(ProcessHandle process) throws Exception {
        process.onExit().get(2, TimeUnit.MINUTES);
    }

    /** Every file under {@code dir}: relative name to bytes. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
