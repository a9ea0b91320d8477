package org.polisi.site.history;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.polisi.site.content.ContentLoader;
import org.polisi.site.content.ContentTree;
import org.polisi.site.content.SiteSource;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ForkResolver;
import org.polisi.site.render.FileTrees;
import org.polisi.site.theme.Messages;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Warns, before a change is committed, that a page's source changed beyond white space since the
 * last commit while its change note did not (tester 5, fault 5; docs/adr/0096). Once committed so,
 * the page's "Updates to this policy" can only say that it changed, not what changed
 * ({@link PageHistory.Kind#WITHOUT_NOTE}), and a commit cannot be given its note afterwards; the
 * author is told while it can still be written. A file not yet committed (a new page: its first
 * publication needs no note) and a build outside a git work tree are passed over. The comparison is
 * {@link ChangeNote#differsBeyondWhitespace}, as the history's.
 *
 * <p>A change can also reach a page from another file (tester 6's N3; docs/adr/0099): a school's or
 * template's settings (a value the page's text uses) or a form definition the page embeds. When one
 * of those files differs from {@code HEAD}'s, the content as committed is loaded and each page is
 * composed both ways ({@link ComposedText}); a page that changed while its own change note did not
 * is named in a warning at the file that changed, at its first changed line.
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
     * Then, for the settings and form files of those sites that differ from {@code HEAD}'s, a
     * {@link #CODE} warning at each such file naming the pages it changes whose notes did not.
     *
     * @param contentDir the content folder the build reads
     * @param messages   the theme's bundles by language (what a form's definition text is made with)
     * @throws IOException when a repository is found but cannot be read
     */
    public static void check(Path contentDir, List<ResolvedSite> sites, Map<String, Messages> messages, Problems problems)
            throws IOException {
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
                new Context(repository, workTree, contentDir, sites, messages, hasher).check(problems);
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

    /** The settings and form files' changes since {@code HEAD}, and the pages they alter. */
    private static final class Context {
        private final Repository repository;
        private final Path workTree;
        private final Path contentDir;
        private final List<ResolvedSite> sites;
        private final Map<String, Messages> messages;
        private final ObjectInserter.Formatter hasher;
        private final ObjectId head;
        /** The content as committed, loaded when first needed (a file of settings or forms changed). */
        private Optional<ContentTree> committed;
        private Path scratch;
        /** Each site as committed, by id, resolved once for all its pages. */
        private final Map<String, Optional<PageHistory.At>> resolved = new java.util.HashMap<>();

        Context(Repository repository, Path workTree, Path contentDir, List<ResolvedSite> sites, Map<String, Messages> messages,
                ObjectInserter.Formatter hasher) throws IOException {
            this.repository = repository;
            this.contentDir = contentDir;
            this.workTree = workTree;
            this.sites = sites;
            this.messages = messages;
            this.hasher = hasher;
            this.head = repository.resolve(Constants.HEAD + "^{tree}");
        }

        void check(Problems problems) throws IOException {
            // the pages each changed file alters, by file, in site, language and page order
            Map<Path, Set<String>> altered = new LinkedHashMap<>();
            Map<Path, Integer> lines = new LinkedHashMap<>();
            Map<Path, Optional<Integer>> changedLines = new java.util.HashMap<>();
            try {
                for (ResolvedSite site : sites) {
                    for (String language : site.languages()) {
                        for (ResolvedPage page : site.pages(language).values()) {
                            if (!HISTORY_KINDS.contains(page.kind())) {
                                continue;
                            }
                            List<Path> changed = new ArrayList<>();
                            for (Path file : ComposedText.contextFiles(site, page)) {
                                Optional<Integer> line = changedLines.get(file);
                                if (line == null) {         // a settings or form file is read once for all the pages it is in
                                    line = changedLine(file);
                                    changedLines.put(file, line);
                                }
                                line.ifPresent(number -> {
                                    changed.add(file);
                                    lines.put(file, number);
                                });
                            }
                            if (changed.isEmpty() || noteChanged(page.file())) {
                                continue;
                            }
                            for (Path file : culprits(site, page, changed)) {
                                altered.computeIfAbsent(file, f -> new LinkedHashSet<>()).add(
                                        site.id() + "/" + language + "/" + page.key());
                            }
                        }
                    }
                }
            } finally {
                if (scratch != null) {
                    FileTrees.deleteRecursively(scratch);
                }
            }
            altered.forEach((file, pages) -> problems.warning(CODE, file, lines.get(file), "this change alters what readers see on "
                    + (pages.size() == 1 ? "the page " : "the pages ") + String.join(", ", pages)
                    + " (a value its text uses, or a form it embeds), but " + (pages.size() == 1 ? "its" : "their")
                    + " change note has not changed, so once committed " + (pages.size() == 1 ? "its" : "their")
                    + " \"Updates to this policy\" will say only that it changed: write what changed as ':change-note: ...' in "
                    + (pages.size() == 1 ? "the page's header" : "each page's header") + " (or ':change-note: minor: ...' for a "
                    + "correction readers need not be told about)"));
        }

        /** Of the changed files, those that altered the page as composed (none when it looks the same as committed). */
        private List<Path> culprits(ResolvedSite site, ResolvedPage page, List<Path> changed) throws IOException {
            Optional<ResolvedPage> before = committedSite(site).flatMap(s -> s.site().page(page.language(), page.key()));
            if (before.isEmpty()) {
                return List.of();       // a new page, or a content that cannot be read as committed: its first publication needs no note
            }
            PageHistory.At then = committedSite(site).get();
            ComposedText was = ComposedText.of(then.site(), before.get(), then.forms(), messages);
            ComposedText now = ComposedText.of(site, page, ComposedText.formsOf(site), messages);
            if (!ChangeNote.differsBeyondWhitespace(was.all(), now.all())) {
                return List.of();
            }
            Set<Path> settings = new LinkedHashSet<>();
            site.template().map(t -> t.settings().file()).ifPresent(settings::add);
            settings.add(site.source().settings().file());
            boolean settingsDiffer = ChangeNote.differsBeyondWhitespace(was.settings(), now.settings());
            boolean formsDiffer = ChangeNote.differsBeyondWhitespace(was.forms(), now.forms());
            List<Path> culprits = new ArrayList<>();
            for (Path file : changed) {
                boolean isSettings = settings.contains(file);
                if ((isSettings && (settingsDiffer || formsDiffer)) || (!isSettings && formsDiffer)) {
                    culprits.add(file);
                }
            }
            return culprits.isEmpty() ? changed : culprits;
        }

        /** The first line of the file that differs from {@code HEAD}'s beyond white space (1-based), empty when none does or it is new. */
        private Optional<Integer> changedLine(Path file) throws IOException {
            Optional<byte[]> before = committedBytes(file);
            if (before.isEmpty() || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] now = Files.readAllBytes(file);
            if (hasher.idFor(Constants.OBJ_BLOB, now).equals(hasher.idFor(Constants.OBJ_BLOB, before.get()))) {
                return Optional.empty();
            }
            EditList edits = new HistogramDiff().diff(RawTextComparator.WS_IGNORE_ALL, new RawText(before.get()), new RawText(now));
            if (edits.isEmpty()) {
                return Optional.empty();
            }
            RawText after = new RawText(now);
            return Optional.of(Math.max(1, Math.min(edits.get(0).getBeginB() + 1, after.size())));
        }

        /** Whether the page's own file carries another change note than it had at {@code HEAD} (a new page: yes). */
        private boolean noteChanged(Path file) throws IOException {
            Optional<byte[]> before = committedBytes(file);
            if (before.isEmpty()) {
                return true;
            }
            return !ChangeNote.in(text(file, Files.readAllBytes(file))).equals(ChangeNote.in(text(file, before.get())));
        }

        private Optional<byte[]> committedBytes(Path file) throws IOException {
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException gone) {
                return Optional.empty();
            }
            if (!real.startsWith(workTree)) {
                return Optional.empty();
            }
            try (TreeWalk walk = TreeWalk.forPath(repository, workTree.relativize(real).toString().replace('\\', '/'), head)) {
                return walk == null ? Optional.empty() : Optional.of(repository.open(walk.getObjectId(0)).getBytes());
            }
        }

        /** The site as committed, resolved by the build's own loader and fork resolver; empty when it was not there. */
        private Optional<PageHistory.At> committedSite(ResolvedSite site) throws IOException {
            Optional<PageHistory.At> known = resolved.get(site.id());
            if (known == null) {
                known = resolveCommitted(site);
                resolved.put(site.id(), known);
            }
            return known;
        }

        private Optional<PageHistory.At> resolveCommitted(ResolvedSite site) throws IOException {
            Optional<ContentTree> tree = committed();
            Optional<SiteSource> school = tree.map(t -> t.schools().get(site.id()));
            if (school.isEmpty()) {
                return Optional.empty();
            }
            Optional<SiteSource> template = school.get().settings().adopts().flatMap(tree.get()::cluster);
            ResolvedSite then = ForkResolver.resolve(school.get(), template, new Problems());
            return Optional.of(new PageHistory.At(then, ComposedText.formsOf(then)));
        }

        private Optional<ContentTree> committed() throws IOException {
            if (committed == null) {
                String prefix = workTree.relativize(contentDir.toRealPath()).toString().replace('\\', '/');
                scratch = Files.createTempDirectory("polisi-committed-");
                Path target = scratch.resolve("content");
                try (TreeWalk tree = new TreeWalk(repository)) {
                    tree.addTree(head);
                    tree.setRecursive(true);
                    if (!prefix.isEmpty()) {
                        tree.setFilter(PathFilter.create(prefix));
                    }
                    while (tree.next()) {
                        String relative = prefix.isEmpty() ? tree.getPathString() : tree.getPathString().substring(prefix.length() + 1);
                        Path file = target.resolve(relative);
                        Files.createDirectories(file.getParent());
                        Files.write(file, repository.open(tree.getObjectId(0)).getBytes());
                    }
                }
                try {
                    committed = Optional.of(ContentLoader.load(target, new Problems()));   // its problems were the last commit's
                } catch (RuntimeException unreadable) {
                    committed = Optional.empty();
                }
            }
            return committed;
        }
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
