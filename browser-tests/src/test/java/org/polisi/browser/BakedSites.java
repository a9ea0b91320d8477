package org.polisi.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real sites, baked once per test run from the real {@code content/} into a temporary folder.
 * The site generator runs as a child process ({@code site/target/classes} and {@code site/target/lib},
 * which {@code package} of the site module made earlier in the same reactor build), so JBake and JRuby
 * never share a class path with Javalin.
 */
public final class BakedSites {

    private static BakedSites baked;

    private final Path projectRoot;
    private final Path publicDir;
    private final Path manifestsDir;
    private final Path agreedTextsDir;

    private BakedSites(Path projectRoot, Path publicDir, Path manifestsDir, Path agreedTextsDir) {
        this.projectRoot = projectRoot;
        this.publicDir = publicDir;
        this.manifestsDir = manifestsDir;
        this.agreedTextsDir = agreedTextsDir;
    }

    /** Bakes on first use; later calls in the same JVM get the same folder. */
    public static synchronized BakedSites get() {
        if (baked == null) {
            baked = bake(findProjectRoot());
        }
        return baked;
    }

    public Path publicDir() {
        return publicDir;
    }

    public Path manifestsDir() {
        return manifestsDir;
    }

    /** The archive of agreed texts the bake wrote (its own, never the project's data/ folder). */
    public Path agreedTextsDir() {
        return agreedTextsDir;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** Every generated HTML page, as a site path such as {@code /rumney/cy/index.html}, in a stable order. */
    public List<String> pages() {
        try (Stream<Path> files = Files.walk(publicDir)) {
            return files.filter(file -> file.toString().endsWith(".html"))
                    .map(file -> "/" + publicDir.relativize(file).toString().replace(File.separatorChar, '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String sitePath) {
        return publicDir.resolve(sitePath.substring(1));
    }

    static Path findProjectRoot() {
        String property = System.getProperty("polisi.root");
        Path start = Path.of(property == null || property.isBlank() ? "" : property).toAbsolutePath().normalize();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("content")) && Files.isDirectory(candidate.resolve("themes"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the project root (content/ and themes/) from " + start
                + "; run through Maven, which sets -Dpolisi.root");
    }

    private static BakedSites bake(Path root) {
        try {
            Path work = Files.createTempDirectory("polisi-browser-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(work), "polisi-browser-cleanup"));
            Path publicDir = work.resolve("public");
            build(root, root, publicDir, work.resolve("agreed-texts"));
            return new BakedSites(root, publicDir, work.resolve("public-manifests"), work.resolve("agreed-texts"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the site build", e);
        }
    }

    /**
     * Runs {@code ./polisi build --strict} over {@code siteRoot}'s content/ and themes/ with the generator
     * packaged in {@code projectRoot}: the pages go to {@code publicDir}, the manifests, work folder and build cache beside it
     * ({@code <publicDir>-manifests}, {@code -work}, {@code -cache}) and the agreed texts to {@code agreedTexts}.
     */
    static void build(Path projectRoot, Path siteRoot, Path publicDir, Path agreedTexts) {
        Path classes = projectRoot.resolve("site/target/classes");
        Path lib = projectRoot.resolve("site/target/lib");
        if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("the site generator is not packaged (" + lib + " is missing): run "
                    + "./mvnw verify from the project root, which packages site/ before these tests");
        }
        try {
            Path log = Files.createTempFile("polisi-build-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m",
                    "-Dpolisi.root=" + siteRoot, "-cp", classes + File.pathSeparator + lib.resolve("*"),
                    "org.polisi.site.cli.PolisiCli", "build", "--strict", "--out", publicDir.toString(),
                    // its own work folder and build cache, never the developer's site/target/build (docs/adr/0100)
                    "--work", publicDir.resolveSibling(publicDir.getFileName() + "-work").toString(),
                    "--cache", publicDir.resolveSibling(publicDir.getFileName() + "-cache").toString(),
                    "--agreed-texts", agreedTexts.toString()));
            Process process = new ProcessBuilder(command).directory(siteRoot.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the site build took more than 5 minutes; its output: " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the site build failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the site build", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies every file under {@code from} to the same place under {@code to} (fixture trees for a test). */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder: the operating system cleans up what we could not
        }
    }
}
