package org.polisi.site.history;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.polisi.site.Fixtures;
import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A real git repository made in a test: a copy of the {@code good} fixture's content, committed on
 * given days, with files edited between commits.
 */
public final class PolicyRepository implements AutoCloseable {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    final Path root;
    private final Git git;

    private PolicyRepository(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    /** A new repository holding the {@code good} fixture's content under {@code content/}, not yet committed. */
    public static PolicyRepository ofGoodFixture() throws IOException, GitAPIException {
        return of("good");
    }

    /** A new repository holding the named fixture's content under {@code content/}, not yet committed. */
    public static PolicyRepository of(String fixture) throws IOException, GitAPIException {
        Path root = Files.createTempDirectory("polisi-history-");
        FileTrees.copy(Fixtures.content(fixture), root.resolve("content"));
        return new PolicyRepository(root, Git.init().setDirectory(root.toFile()).setInitialBranch("main").call());
    }

    public Path content() {
        return root.resolve("content");
    }

    /** Replaces the first occurrence of {@code from} in a content file; fails if it is not there. */
    public void edit(String contentPath, String from, String to) throws IOException {
        Path file = content().resolve(contentPath);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(contentPath + " has no '" + from + "'");
        }
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }

    /** The line (1-based) of the first line of a content file that holds {@code text}; fails if none does. */
    public int lineOf(String contentPath, String text) throws IOException {
        List<String> lines = Files.readAllLines(content().resolve(contentPath), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(contentPath + " has no '" + text + "'");
    }

    /** The working copy built (strict) into a new temporary folder; fails unless it was published. */
    public Fixtures.BakedSite bake() {
        Fixtures.BakedSite site = Fixtures.bake(content(), List.of());
        if (!site.result().published()) {
            throw new AssertionError("build failed: " + site.result().problems());
        }
        return site;
    }

    /** Commits every change at noon on {@code day}, London time. */
    public RevCommit commit(LocalDate day, String message) throws GitAPIException {
        return commit(day.atTime(12, 0), message);
    }

    /** Commits every change at {@code when}, London time. */
    public RevCommit commit(java.time.LocalDateTime when, String message) throws GitAPIException {
        PersonIdent author = new PersonIdent("Policy Author", "author@example.org",
                when.atZone(LONDON).toInstant(), LONDON);
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(author).setCommitter(author).call();
    }

    @Override
    public void close() throws IOException {
        git.close();
        FileTrees.deleteRecursively(root);
    }
}
