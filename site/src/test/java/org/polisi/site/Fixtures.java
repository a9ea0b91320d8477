package org.polisi.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.polisi.site.content.ContentLoader;
import org.polisi.site.content.ContentTree;
import org.polisi.site.problem.Problems;
import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The fixture trees under src/test/resources/fixtures, and the way every test builds them:
 * strictly, with the project's default theme, on a fixed day (2026-11-22).
 */
public final class Fixtures {
    /** The day the fixtures are built on: policies due before it are overdue. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private Fixtures() {
    }

    /** A fixture's folder, e.g. {@code fixtures/good}. */
    public static Path fixture(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    /** A file of the form fixtures under src/test/resources/forms, e.g. {@code cluster/forms/parent-carer-agreement.yml}. */
    public static Path formsFixture(String path) {
        try {
            return Path.of(Fixtures.class.getResource("/forms/" + path).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no form fixture " + path, e);
        }
    }

    /** A fixture's {@code content/} folder. */
    public static Path content(String name) {
        return fixture(name).resolve("content");
    }

    /** A fixture's content, loaded; the problems found go into {@code problems}. */
    public static ContentTree load(String name, Problems problems) {
        return ContentLoader.load(content(name), problems);
    }

    /** The project folder (content/, themes/): surefire sets polisi.root; from an IDE the tests run in site/. */
    public static Path projectRoot() {
        String root = System.getProperty("polisi.root");
        Path start = root == null || root.isBlank() ? Path.of("").toAbsolutePath() : Path.of(root).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("themes/default/templates"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no themes/default above " + start);
    }

    public static Path theme() {
        return projectRoot().resolve("themes/default");
    }

    /** Strict options that build {@code contentDir} into {@code folder}/public, working in {@code folder}/build. */
    public static BuildOptions options(Path contentDir, Path folder, List<String> schools) {
        return new BuildOptions(contentDir, theme(), folder.resolve("public"), folder.resolve("manifests"),
                folder.resolve("build"), List.copyOf(schools), true, TODAY, folder.resolve("agreed-texts"));
    }

    /**
     * The dictionaries and fonts the tests' builds share, as a preview's rebuilds do (docs/adr/0064):
     * each is read once for the test run, not once per build.
     */
    public static final BuildTools TOOLS = new BuildTools();

    /** A build of {@code options} with the tests' shared {@link #TOOLS}, reporting nothing. */
    public static SiteBuild build(BuildOptions options) {
        return new SiteBuild(options, line -> { }, java.util.Optional.empty(), TOOLS);
    }

    /** Bakes a content folder into a new temporary folder. */
    public static BakedSite bake(Path contentDir, List<String> schools) {
        try {
            Path folder = Files.createTempDirectory("polisi-test-");
            BuildOptions options = options(contentDir, folder, schools);
            return new BakedSite(folder, options, build(options).run());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished build and where its pages are. */
    public record BakedSite(Path folder, BuildOptions options, BuildResult result) {

        /**
         * The folder holding the generated pages: the published site, or, when the build did not
         * publish, its staging folder, so that one failure does not hide what every other page shows.
         */
        public Path pages() {
            return result.published() ? options.outputDir() : options.workDir().resolve("out");
        }

        public Path file(String path) {
            return pages().resolve(path);
        }

        /** A generated page, parsed, with its own URL as base so that relative links resolve. */
        public Document page(String path) {
            try {
                return Jsoup.parse(Files.readString(file(path), StandardCharsets.UTF_8), "http://localhost/" + path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void delete() {
            try {
                FileTrees.deleteRecursively(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
