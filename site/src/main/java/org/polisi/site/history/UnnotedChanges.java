package org.polisi.site.history;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warns, before a change is committed, that a page's source changed beyond white space since the
 * last commit while its change note did not (tester 5, fault 5; docs/adr/0096). Once committed so,
 * the page's "Updates to this policy" can only say that it changed, not what changed
 * ({@link PageHistory.Kind#WITHOUT_NOTE}), and a commit cannot be given its note afterwards; the
 * author is told while it can still be written. A file not yet committed (a new page: its first
 * publication needs no note) and a build outside a git work tree are passed over. The comparison is
 * {@link ChangeNote#differsBeyondWhitespace}, as the history's.
 */
public final class UnnotedChanges {
    /** The kinds of page whose history is listed ({@link PageHistory}, {@code render.BuiltPolicy}). */
    private static final Set<String> HISTORY_KINDS = Set.of("policy", "appendix");
    /** The problem's code: a warning, so {@code --strict} (CI) refuses it. */
    public static final String CODE = "change-note";

    private UnnotedChanges() {
    }

    /**
     * Adds a {@link #CODE} warning to {@code problems} for each source file of {@code sites}' pages
     * (a school's own and its template's) whose working copy differs from {@code HEAD}'s beyond white
     * space and notes and carries the same change note; at the note's line, or line 1 without one.
     *
     * @param contentDir the content folder the build reads
     * @throws IOException when a repository is found but cannot be read
     */
    public static void check(Path contentDir, List<ResolvedSite> sites, Problems problems) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(contentDir.toFile());
        if (builder.getGitDir() == null) {
            return;
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            ObjectId head = repository.isBare() ? null : repository.resolve(Constants.HEAD + "^{tree}");
            if (head == null) {
                return;
            }
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            try (ObjectInserter.Formatter hasher = new ObjectInserter.Formatter()) {
                for (Path file : sourceFiles(sites)) {
                    Path real = file.toRealPath();
                    if (!real.startsWith(workTree)) {
                        continue;
                    }
                    byte[] now = Files.readAllBytes(real);
                    String path = workTree.relativize(real).toString().replace('\\', '/');
                    try (TreeWalk committed = TreeWalk.forPath(repository, path, head)) {
                        if (committed == null || committed.getObjectId(0).equals(hasher.idFor(Constants.OBJ_BLOB, now))) {
                            continue;       // new, or as committed
                        }
                        // decoded as the build reads a source (UTF-8, or UTF-16 with its mark; content.SourceText)
                        String before = text(file, repository.open(committed.getObjectId(0)).getBytes());
                        String after = text(file, now);
                        if (ChangeNote.differsBeyondWhitespace(before, after) && ChangeNote.in(after).equals(ChangeNote.in(before))) {
                            problems.warning(CODE, file, noteLine(after), "the text has changed since the last commit but its "
                                    + "change note has not, so once committed the page's \"Updates to this policy\" will say only "
                                    + "that it changed: write what changed as ':change-note: ...' in the page's header (for example "
                                    + "':change-note: Phones are now kept in the office.'), or ':change-note: minor: ...' for a "
                                    + "correction readers need not be told about");
                        }
                    }
                }
            }
        }
    }

    /** Every policy's and appendix's own file and the files its text comes from, in site, language and page order, once each. */
    private static Set<Path> sourceFiles(List<ResolvedSite> sites) {
        Set<Path> files = new LinkedHashSet<>();
        for (ResolvedSite site : sites) {
            for (String language : site.languages()) {
                for (ResolvedPage page : site.pages(language).values()) {
                    if (!HISTORY_KINDS.contains(page.kind())) {
                        continue;       // only policies and appendices list their updates
                    }
                    files.add(page.file());
                    page.body().stream().map(SourceLine::file).filter(f -> f != null).forEach(files::add);
                }
            }
        }
        return files;
    }

    private static String text(Path file, byte[] bytes) {
        try {
            return org.polisi.site.content.SourceText.decode(file, bytes).text();
        } catch (RuntimeException unreadable) {        // reported by the loader at the file
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The line of the file's (last) change note, 1 when it has none. */
    private static int noteLine(String source) {
        String[] lines = source.split("\n", -1);
        int found = 1;
        for (int i = 0; i < lines.length; i++) {
            if (!ChangeNote.in(lines[i]).isBlank() || lines[i].trim().startsWith(":change-note:")) {
                found = i + 1;
            }
        }
        return found;
    }
}
