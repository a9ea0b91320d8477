package org.polisi.site;

import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small real site written by a test into a temporary folder: {@code content/} (optionally
 * starting as a copy of a fixture under src/test/resources/fixtures), built strictly or not with
 * the project's theme, into {@code public/} next to it, so that successive builds publish over
 * each other as {@code ./polisi build} does.
 */
public final class FixtureTree {
    private final Path folder;

    private FixtureTree(Path folder) {
        this.folder = folder;
    }

    /** An empty tree in {@code folder}. */
    public static FixtureTree in(Path folder) {
        return new FixtureTree(folder);
    }

    /** A tree in {@code folder} whose content starts as a copy of the fixture {@code name}. */
    public static FixtureTree copyOf(String name, Path folder) {
        try {
            FileTrees.copy(Fixtures.content(name), folder.resolve("content"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FixtureTree(folder);
    }

    /** Writes (or overwrites) a file under content/, e.g. {@code schools/x/en/page.adoc}. */
    public FixtureTree write(String path, String text) {
        try {
            Path file = content().resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Adds to the "good" fixture a school that inherits the template whole ({@code follower}: the
     * adopter's settings under its own name, no pages of its own), a school with a form
     * ({@code hillside}) and one whose broken link holds it back ({@code lonely}): a small real cluster.
     */
    public FixtureTree withFollowerFormAndBrokenLink() {
        String adopter = read("schools/adopter/school.yml");
        write("schools/follower/school.yml", adopter.replace("Riverside Primary School", "Follower Primary School")
                .replace("Ysgol Gynradd Glan yr Afon", "Ysgol Gynradd Dilynwr").replace("riverside", "follower")
                .replace("/adopter/", "/follower/"));
        try {
            org.polisi.site.render.FileTrees.copy(Fixtures.content("agreement").resolve("schools/hillside"), content().resolve("schools/hillside"));
            org.polisi.site.render.FileTrees.copy(Fixtures.content("broken-link").resolve("schools/lonely"), content().resolve("schools/lonely"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes bytes (an image) under content/. */
    public FixtureTree writeBytes(String path, byte[] bytes) {
        try {
            Path file = content().resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String path) {
        try {
            return Files.readString(content().resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    public Path content() {
        return folder.resolve("content");
    }

    public Path file(String contentPath) {
        return content().resolve(contentPath);
    }

    /** Build options writing to {@code public/} and {@code manifests/} of this tree; strict as asked. */
    public BuildOptions options(boolean strict, String... schools) {
        return Fixtures.options(content(), folder, List.of(schools)).withStrict(strict);
    }

    /** Builds (not strictly: as {@code ./polisi serve} does) the named schools, or all. */
    public BuildResult build(String... schools) {
        return build(options(false, schools));
    }

    public BuildResult build(BuildOptions options) {
        try {
            return Fixtures.build(options).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published file, e.g. {@code rumney/en/index.html}. */
    public Path published(String path) {
        return folder.resolve("public").resolve(path);
    }

    /** A file of the last build's staging folder (pages of schools that were not published). */
    public Path staged(String path) {
        return folder.resolve("build/out").resolve(path);
    }

    public static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
