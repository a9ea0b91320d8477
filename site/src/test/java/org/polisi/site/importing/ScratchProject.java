package org.polisi.site.importing;

import org.polisi.site.Fixtures;
import org.polisi.site.cli.PolisiCli;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project folder of the tests' own: an empty {@code content/} in which {@code ./polisi new-school}
 * starts a standalone school, and documents made from the test resources by pandoc.
 */
final class ScratchProject {
    final Path root;
    final Path content;

    private ScratchProject(Path root) {
        this.root = root;
        this.content = root.resolve("content");
    }

    /** A new project with one standalone school made by the real command ({@code wales} or {@code england}). */
    static ScratchProject withSchool(String id, String name, String country) throws IOException {
        ScratchProject project = new ScratchProject(Files.createTempDirectory("polisi-import-test-"));
        Files.createDirectories(project.content.resolve("schools"));
        // the project-wide lists a school in this repository shares: accepted words, sites that offer Welsh
        for (String list : List.of("words.txt", "welsh-language-sites.txt")) {
            Files.copy(Fixtures.projectRoot().resolve("content").resolve(list), project.content.resolve(list));
        }
        project.cli("new-school", "--id", id, "--name", name, "--country", country);
        return project;
    }

    /** Runs a {@code ./polisi} command with this project as its root; returns its exit status. */
    int cli(String... arguments) {
        String previous = System.getProperty("polisi.root");
        System.setProperty("polisi.root", root.toString());
        try {
            return new CommandLine(new PolisiCli()).execute(arguments);
        } finally {
            if (previous == null) {
                System.clearProperty("polisi.root");
            } else {
                System.setProperty("polisi.root", previous);
            }
        }
    }

    /** A test resource under {@code importing/}. */
    static Path resource(String name) {
        try {
            return Path.of(ScratchProject.class.getResource("/importing/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource importing/" + name, e);
        }
    }

    /** Pandoc writes {@code source} as {@code fileName} (its format from the extension) in this project's folder. */
    Path document(Path source, String fileName, String... more) {
        Path out = root.resolve(fileName);
        List<String> arguments = new ArrayList<>(List.of(source.toString(), "-s", "-o", out.toString(),
                "--resource-path=" + source.getParent()));
        arguments.addAll(List.of(more));
        PandocCondition.pandoc().run(root, arguments);
        return out;
    }

    PageImporter.Outcome importPage(Path document, String school, String key, String language, String kind) throws IOException {
        return PageImporter.run(PandocCondition.pandoc(), new PageImporter.Request(document, content, Fixtures.theme(), school,
                key, language, kind, Optional.empty(), false));
    }

    Fixtures.BakedSite bake(String school) {
        return Fixtures.bake(content, List.of(school));
    }

    void delete() {
        try {
            org.polisi.site.render.FileTrees.deleteRecursively(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
