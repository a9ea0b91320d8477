package org.polisi.site.history;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.polisi.site.BuildProgress;
import org.polisi.site.content.ContentLoader;
import org.polisi.site.content.ContentTree;
import org.polisi.site.content.LocalizedText;
import org.polisi.site.content.SiteSource;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ForkResolver;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.problem.Problems;
import org.polisi.site.render.BuiltPolicy;
import org.polisi.site.render.FileTrees;
import org.polisi.site.render.HtmlFragments;
import org.polisi.site.theme.LocalDates;
import org.polisi.site.theme.Messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The history stage. For every policy and appendix page of every school (not the template
 * previews), it lists the page's published changes on the page, newest first, under "Updates to
 * this policy", and links each to the page as it was then ({@code <key>.version-<commit>.html}) and
 * to a comparison with the current text ({@code <key>.changes-<commit>.html}).
 *
 * <p>A change is listed when a commit changes one of the page's source files (the school's file and
 * the template's, in the page's language) beyond white space: with the new change note it gives the
 * file as its summary, or, without one, saying that no note says what changed, when the page as
 * composed changed too (docs/adr/0096). A commit that changes a file the page is composed from
 * (the settings, the definitions of the forms it embeds: {@link ComposedText}) is listed the same
 * way when it changed the page as composed (docs/adr/0099); a change whose new note starts {@code minor} is left out, and
 * the first commit of the page is listed as "First published". Two changes of one day show their
 * times (Europe/London). An
 * earlier version is the content at that commit, loaded and resolved by the build's own stages;
 * those versions are kept under {@code <work>/history/<commit>} between builds (a commit never
 * changes). Without a git repository nothing is added.
 */
public final class PageHistory {
    /** What a listed change says of itself. */
    public enum Kind {
        /** The page's first commit. */
        FIRST_PUBLISHED,
        /** A change whose commit gave the page's source a new change note: the note is its summary. */
        NOTED,
        /** A change of the page's text whose commit gave it no new note: listed all the same, saying so. */
        WITHOUT_NOTE
    }

    /**
     * A listed change: its commit, its date and time in Europe/London, its summary (the change note;
     * {@code null} unless {@link Kind#NOTED}), and whether the time is shown (when another listed
     * change of the page has the same date, so that the two can be told apart).
     */
    public record Entry(String commit, LocalDate date, java.time.LocalTime time, Kind kind, String summary, boolean timeShown) {
        String shortId() {
            return commit.substring(0, 12);
        }

        Entry showingTime(boolean shown) {
            return new Entry(commit, date, time, kind, summary, shown);
        }
    }

    /** Each work folder's stage that has started and not finished, by its set-aside folder. */
    private static final Map<Path, CompletableFuture<Optional<Outcome>>> UNDER_WAY = new ConcurrentHashMap<>();

    private final Path contentDir;
    private final Path workDir;
    private final Map<String, Messages> messages;
    /** Each content file's changes as the list reads them, by repository path, read once for every page made from it. */
    private final Map<String, List<FileFact>> facts = new ConcurrentHashMap<>();
    /** Each site as it was at a commit, by commit and site id, resolved once for all its pages. */
    private final Map<String, Optional<At>> sitesAt = new ConcurrentHashMap<>();
    /** Each site's forms now, by site id. */
    private final Map<String, Optional<SchoolForms>> formsNow = new ConcurrentHashMap<>();
    /** Each commit's content, loaded once by the first page that needs it; other pages wait for it. */
    private final Map<String, CompletableFuture<Optional<ContentTree>>> trees = new ConcurrentHashMap<>();
    private final BuildProgress progress;
    private final int threads;

    /**
     * @param contentDir the content folder being built
     * @param workDir    the build's work folder ({@code history/} under it keeps earlier versions)
     * @param messages   the site bundles by language
     * @param progress   where the stage's timing goes ({@code -Dpolisi.timings=true})
     */
    public PageHistory(Path contentDir, Path workDir, Map<String, Messages> messages, BuildProgress progress) {
        this(contentDir, workDir, messages, progress, Runtime.getRuntime().availableProcessors());
    }

    /** As above, writing the pages on at most {@code threads} threads (1: on the calling thread). */
    PageHistory(Path contentDir, Path workDir, Map<String, Messages> messages, BuildProgress progress, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        this.contentDir = contentDir;
        this.workDir = workDir;
        this.messages = messages;
        this.progress = progress;
    }

    /**
     * Adds the updates to the built pages of {@code sites} and writes their earlier versions and
     * comparisons beside them: {@link #start} then {@link Started#finish} with the same sites.
     *
     * @return how many pages show a list of updates (0 without a git repository)
     * @throws IOException when a built page cannot be read or written, or the repository cannot be
     *         read (the first such failure in page order)
     */
    public int write(List<ResolvedSite> sites, Path built) throws IOException {
        return start(sites, built).finish(sites);
    }

    /**
     * Begins the history of {@code sites}' built pages on threads of its own and returns at once, so
     * that it runs beside the HTML checks, the PDFs and the verdict, which it does not depend on
     * (docs/adr/0096). Nothing under {@code built} changes until {@link Started#finish}: the
     * {@code .version-} and {@code .changes-} pages are written to {@code <work>/history-pages/}
     * meanwhile, and each page's list is put on it only by {@code finish}, on the page as it is then
     * (with the PDF stage's link), so the checks, the PDFs and the archive of agreed texts read the
     * pages as rendered, as when the stage ran after them. One page at a time on each of
     * {@link #threads} threads: each page's files are its own (its HTML, its {@code .version-} and
     * {@code .changes-} pages, its earlier versions' cached HTML), the earlier content trees are loaded
     * once per commit whichever page needs them first, and earlier versions are converted in turn
     * through the render stage's one lock; so the files are the same, byte for byte, on one thread or
     * several.
     *
     * @param sites the sites rendered into {@code built}; the history of those the verdict then holds
     *              back is written aside and dropped by {@link Started#finish}
     * @param built the render stage's staging folder, {@code <site>/<language>/<key>.html}
     * @return the running stage (nothing runs when {@code sites} is empty)
     * @throws IOException when the last build's set-aside history pages cannot be deleted
     */
    public Started start(List<ResolvedSite> sites, Path built) throws IOException {
        Path aside = workDir.resolve("history-pages").toAbsolutePath().normalize();
        // A build that failed between start and finish (in a long-lived build server or preview) left
        // its stage running: it ends on its own, and is waited for before its folder is reused.
        CompletableFuture<Optional<Outcome>> abandoned = UNDER_WAY.remove(aside);
        if (abandoned != null) {
            abandoned.handle((outcome, fault) -> null).join();
        }
        FileTrees.deleteRecursively(aside);
        if (sites.isEmpty()) {
            return new Started(built, aside, CompletableFuture.completedFuture(Optional.empty()), System.nanoTime());
        }
        long start = System.nanoTime();
        CompletableFuture<Optional<Outcome>> outcome = new CompletableFuture<>();
        Thread coordinator = new Thread(() -> {
            try {
                outcome.complete(run(sites, built, aside));
            } catch (Throwable fault) {      // an IOException opening the repository, or an Error: finish() rethrows it
                outcome.completeExceptionally(fault);
            }
        }, "polisi-history");
        coordinator.setDaemon(true);
        UNDER_WAY.put(aside, outcome);
        coordinator.start();
        return new Started(built, aside, outcome, start);
    }

    /** The history stage under way: {@link #finish} waits for it and publishes what it wrote for the sites that pass. */
    public final class Started {
        private final Path built;
        private final Path aside;
        private final CompletableFuture<Optional<Outcome>> outcome;
        private final long startNanos;

        private Started(Path built, Path aside, CompletableFuture<Optional<Outcome>> outcome, long startNanos) {
            this.built = built;
            this.aside = aside;
            this.outcome = outcome;
            this.startNanos = startNanos;
        }

        /**
         * Waits for the stage, then moves the pages it wrote for {@code publishable} into the staging
         * folder (replacing the pages as rendered) and drops the others'.
         *
         * @param publishable the sites the verdict lets through (a subset of those started with)
         * @return how many pages of {@code publishable} show a list of updates (0 without a git repository)
         * @throws IOException the first failure, in page order, of a page of {@code publishable}, or
         *         the repository's when it could not be read; a held-back site's failures are not its
         *         concern here (the verdict already keeps it from being published)
         */
        public int finish(List<ResolvedSite> publishable) throws IOException {
            long waitStart = System.nanoTime();
            Optional<Outcome> done;
            try {
                done = await();
            } finally {
                UNDER_WAY.remove(aside, outcome);
            }
            double waited = (System.nanoTime() - waitStart) / 1e9;
            try {
                if (done.isEmpty()) {
                    return 0;
                }
                Set<String> ids = new LinkedHashSet<>();
                publishable.forEach(site -> ids.add(site.id()));
                List<PageOutcome> listing = new ArrayList<>();
                for (PageOutcome page : done.get().pages()) {
                    if (!ids.contains(page.candidate().site().id())) {
                        continue;
                    }
                    if (page.failure() instanceof IOException io) {
                        throw io;
                    }
                    if (page.failure() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (page.listed() != null) {
                        listing.add(page);
                    }
                }
                for (String id : ids) {
                    moveInto(aside.resolve(id), built.resolve(id));
                }
                // The list goes on the page as it is now: the PDF stage has linked its PDF since the
                // stage read it (PolicyPdfs.Started.join), and the page keeps that link.
                FileTrees.inParallel(listing, page -> list(page.candidate(), page.listed()));
                int pages = listing.size();
                Outcome o = done.get();
                progress.timed("history: " + pages + " pages with updates,", (o.endNanos() - startNanos) / 1e9,
                        String.format(java.util.Locale.ROOT, "(the repository's history read in %.2f s, %.2f s CPU; the pages %.2f s CPU on %d threads; "
                                        + "alongside the checks and PDFs, then waited for %.2f s)",
                                o.openSeconds(), o.openCpuSeconds(), o.cpuSeconds(), o.threads(), waited));
                return pages;
            } finally {
                FileTrees.deleteRecursively(aside);
            }
        }

        private Optional<Outcome> await() throws IOException {
            try {
                return outcome.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("the history stage was interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Moves every file under {@code from} to the same place under {@code to}, replacing what is there. */
    private static void moveInto(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What the stage did: each candidate page's result in page order, and its timings. */
    private record Outcome(List<PageOutcome> pages, double openSeconds, double openCpuSeconds, double cpuSeconds,
                           int threads, long endNanos) {
    }

    /**
     * One page: the updates it lists ({@code null} when it has none to list), or what kept it from
     * them (an IOException or RuntimeException).
     */
    private record PageOutcome(BuiltPolicy candidate, List<HistoryPages.Listed> listed, Exception failure) {
    }

    /** Reads the repository's history and writes every candidate page aside; empty without a repository. */
    private Optional<Outcome> run(List<ResolvedSite> sites, Path built, Path aside) throws IOException {
        long start = System.nanoTime();
        long openCpu = threadCpuNanos();
        Optional<ContentHistory> opened = ContentHistory.open(contentDir);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        double openSeconds = (System.nanoTime() - start) / 1e9;
        double openCpuSeconds = (threadCpuNanos() - openCpu) / 1e9;
        List<BuiltPolicy> candidates = BuiltPolicy.in(sites, built);
        try (ContentHistory history = opened.get()) {
            java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
            List<PageOutcome> pages = writeAll(candidates, candidate -> {
                long before = threadCpuNanos();
                try {
                    return new PageOutcome(candidate, writeOne(history, candidate, aside.resolve(built.relativize(candidate.html()).toString())), null);
                } catch (IOException | RuntimeException failure) {
                    return new PageOutcome(candidate, null, failure);
                } finally {
                    cpu.addAndGet(threadCpuNanos() - before);
                }
            });
            return Optional.of(new Outcome(pages, openSeconds, openCpuSeconds, cpu.get() / 1e9,
                    Math.min(threads, Math.max(1, candidates.size())), System.nanoTime()));
        }
    }

    /** Runs {@code task} for every candidate on at most {@link #threads} threads; the results in page order. */
    private List<PageOutcome> writeAll(List<BuiltPolicy> candidates, java.util.function.Function<BuiltPolicy, PageOutcome> task)
            throws IOException {
        int count = Math.min(threads, candidates.size());
        if (count <= 1) {
            return candidates.stream().map(task).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "polisi-history");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PageOutcome>> results = new ArrayList<>();
            for (BuiltPolicy candidate : candidates) {
                results.add(pool.submit(() -> task.apply(candidate)));
            }
            List<PageOutcome> pages = new ArrayList<>();
            for (Future<PageOutcome> result : results) {
                pages.add(result.get());
            }
            return pages;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("the history stage was interrupted");
        } catch (ExecutionException e) {       // an Error: the task itself catches the rest
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** CPU nanoseconds the calling thread has used (0 where the JVM cannot tell), for the timings line. */
    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0;
    }

    /** Writes the page's earlier versions and comparisons; the updates it will list, {@code null} when none. */
    private List<HistoryPages.Listed> writeOne(ContentHistory history, BuiltPolicy candidate, Path aside) throws IOException {
        List<Entry> entries = entries(history, candidate.page(), ComposedText.contextFiles(candidate.site(), candidate.page()), facts);
        if (entries.isEmpty()) {
            return null;
        }
        return publish(history, candidate.site(), candidate.page(), entries, candidate.html(), aside);
    }

    /** Puts {@code listed} on the built page, as it is now. */
    private void list(BuiltPolicy candidate, List<HistoryPages.Listed> listed) throws IOException {
        Document current = Jsoup.parse(candidate.html().toFile(), StandardCharsets.UTF_8.name());
        current.outputSettings().prettyPrint(false);   // the rest of the page stays as the theme wrote it
        new HistoryPages(current, candidate.page(), messages.get(candidate.page().language())).list(listed);
        Files.writeString(candidate.html(), current.outerHtml(), StandardCharsets.UTF_8);
    }

    /** The page's listed changes, newest first, from its own source files only. */
    static List<Entry> entries(ContentHistory history, ResolvedPage page) throws IOException {
        return entries(history, page, List.of(), new ConcurrentHashMap<>());
    }

    /**
     * One commit's change to one file, as the list reads it: whether its text differs from the
     * file's before it beyond white space and notes, and the note it brings (new, or not).
     */
    record FileFact(ContentHistory.FileChange change, boolean differs, ChangeNote note, boolean newNote) {
    }

    /** Each change of the file at {@code path}, oldest first, its blobs read and compared once. */
    static List<FileFact> factsOf(ContentHistory history, String path) throws IOException {
        List<FileFact> facts = new ArrayList<>();
        String before = null;
        ChangeNote noteBefore = ChangeNote.in(null);
        for (ContentHistory.FileChange change : history.changesOf(path)) {
            String text = change.text();
            ChangeNote note = ChangeNote.in(text);
            facts.add(new FileFact(change, ChangeNote.differsBeyondWhitespace(before, text), note,
                    text != null && !note.isBlank() && !note.equals(noteBefore)));
            before = text;
            noteBefore = note;
        }
        return facts;
    }

    /**
     * As {@link #entries(ContentHistory, ResolvedPage)}, with each file's {@link #factsOf} kept in
     * {@code facts} for the other pages made from it (a template's file, read once for every school).
     *
     * @param context the files besides the page's own whose changes can alter what it shows
     *                ({@link ComposedText#contextFiles}: settings, form definitions). A commit that
     *                changes one of them after the page's first is a candidate change without a note
     *                ({@link Kind#WITHOUT_NOTE}), kept by {@link #listed} only if the page as composed
     *                changed (docs/adr/0099); their text is never read for a change note.
     */
    static List<Entry> entries(ContentHistory history, ResolvedPage page, List<Path> context, Map<String, List<FileFact>> facts)
            throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        files.add(page.file());
        page.body().stream().map(SourceLine::file).filter(f -> f != null).forEach(files::add);
        TreeMap<Long, List<FileFact>> byCommit = new TreeMap<>();
        for (Path file : files) {
            for (FileFact fact : known(history, file, facts)) {
                byCommit.computeIfAbsent(fact.change().order(), o -> new ArrayList<>()).add(fact);
            }
        }
        if (!byCommit.isEmpty()) {
            long first = byCommit.firstKey();
            for (Path file : context) {
                if (files.contains(file)) {
                    continue;
                }
                for (FileFact fact : known(history, file, facts)) {
                    if (fact.change().order() > first && fact.differs()) {
                        byCommit.computeIfAbsent(fact.change().order(), o -> new ArrayList<>())
                                .add(new FileFact(fact.change(), true, ChangeNote.in(null), false));
                    }
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        boolean first = true;
        for (List<FileFact> commit : byCommit.values()) {
            ContentHistory.FileChange any = commit.get(0).change();
            if (first) {
                entries.add(0, new Entry(any.commit(), any.date(), any.time(), Kind.FIRST_PUBLISHED, null, false));
                first = false;
                continue;
            }
            List<String> notes = new ArrayList<>();
            boolean changed = false;
            boolean markedMinor = false;
            for (FileFact fact : commit) {
                changed |= fact.differs();
                markedMinor |= fact.newNote() && fact.note().isMinor();
                if (fact.newNote() && !fact.note().isMinor() && fact.differs()) {
                    notes.add(fact.note().text());
                }
            }
            if (!notes.isEmpty()) {
                entries.add(0, new Entry(any.commit(), any.date(), any.time(), Kind.NOTED, String.join(" ", notes), false));
            } else if (changed && !markedMinor) {
                // A change of the text with no new note is a change all the same: an inspector reading the
                // list must not miss a text that was in force (docs/adr/0096); only "minor" leaves one out.
                entries.add(0, new Entry(any.commit(), any.date(), any.time(), Kind.WITHOUT_NOTE, null, false));
            }
        }
        return entries;
    }

    /** The file's facts, read once per build for every page that needs them; none when it is outside the repository. */
    private static List<FileFact> known(ContentHistory history, Path file, Map<String, List<FileFact>> facts) throws IOException {
        Optional<String> path = history.pathOf(file);
        if (path.isEmpty()) {
            return List.of();
        }
        List<FileFact> known = facts.get(path.get());
        if (known == null) {
            known = factsOf(history, path.get());
            facts.putIfAbsent(path.get(), known);
        }
        return known;
    }

    /**
     * The entries a page lists: {@code entries} less each change without a note that left the page as
     * composed unchanged ({@link ComposedText#all}: a template's section the school replaces, say,
     * whose file changed, or a setting the page does not use), with the time shown where two listed
     * changes share a date.
     *
     * @param entries newest first, as {@link #entries} gives them
     * @param then    the page as resolved at each entry's commit (empty where it cannot be read: kept)
     */
    static List<Entry> listed(List<Entry> entries, Map<String, Optional<Then>> then) {
        List<Entry> kept = new ArrayList<>();
        String olderText = null;
        for (int i = entries.size() - 1; i >= 0; i--) {      // oldest first
            Entry entry = entries.get(i);
            Optional<Then> page = then.getOrDefault(entry.commit(), Optional.empty());
            String text = page.map(Then::composed).orElse(null);
            boolean unchangedPage = text != null && olderText != null && !ChangeNote.differsBeyondWhitespace(olderText, text);
            if (entry.kind() == Kind.WITHOUT_NOTE && unchangedPage) {
                continue;
            }
            kept.add(0, entry);
            if (text != null) {
                olderText = text;
            }
        }
        Map<LocalDate, Integer> perDate = new java.util.HashMap<>();
        kept.forEach(entry -> perDate.merge(entry.date(), 1, Integer::sum));
        return kept.stream().map(entry -> entry.showingTime(perDate.get(entry.date()) > 1)).toList();
    }

    /**
     * Reads the page as rendered at {@code html}, writes its earlier versions and comparisons beside
     * {@code aside}, and returns what its list will say (put on the page by {@link Started#finish}).
     */
    private List<HistoryPages.Listed> publish(ContentHistory history, ResolvedSite site, ResolvedPage page, List<Entry> entries,
                                              Path html, Path aside) throws IOException {
        Messages text = messages.get(page.language());
        Document current = Jsoup.parse(html.toFile(), StandardCharsets.UTF_8.name());
        Files.createDirectories(aside.getParent());
        current.outputSettings().prettyPrint(false);   // the rest of the page stays as the theme wrote it
        HistoryPages pages = new HistoryPages(current, page, text);
        String shownNow = ComposedText.of(site, page, currentForms(site), messages).shown();
        Map<String, Optional<Then>> resolved = new java.util.HashMap<>();
        for (Entry entry : entries) {
            resolved.put(entry.commit(), then(history, entry.commit(), site, page));
        }
        List<HistoryPages.Listed> listed = new ArrayList<>();
        for (Entry entry : listed(entries, resolved)) {
            Optional<Then> then = resolved.get(entry.commit());
            // An earlier version's page shows its text with its settings; forms are only on the current page.
            boolean readable = then.isPresent() && !then.get().shown().equals(shownNow);
            if (readable) {
                Element earlier = Jsoup.parseBodyFragment(earlierHtml(entry.commit(), site, page,
                        () -> siteAt(history, entry.commit(), site).orElseThrow())).body();
                pages.writeVersion(entry, then.get().title(), earlier, aside.resolveSibling(HistoryPages.versionFile(page, entry)));
                pages.writeComparison(entry, earlier, aside.resolveSibling(HistoryPages.changesFile(page, entry)));
            }
            listed.add(new HistoryPages.Listed(entry, readable));
        }
        return listed;
    }

    /**
     * What the history reads of a page as it was at a commit: its title, its text
     * ({@link ResolvedPage#bodyText}), what it showed besides its forms ({@link ComposedText#shown}) and
     * everything composed ({@link ComposedText#all}).
     */
    record Then(String title, String bodyText, String shown, String composed) {
        /** A page whose text is all there is (no settings, no forms): what tests of the listing give. */
        Then(String title, String bodyText) {
            this(title, bodyText, bodyText, bodyText);
        }
    }

    /** The separator of a kept {@link Then}'s parts: no source text holds it (control characters are removed on reading). */
    private static final String PART = "\u0000\u0001";

    /**
     * The page's title and text at {@code commit}, empty when it did not exist or cannot be read:
     * kept under {@code <work>/history/<commit>/resolved-<code>/} (a commit never changes; the code
     * that resolves it is part of the folder's name, {@code render.RenderKeys#code}), so a later
     * build reads a small file instead of loading and resolving the whole content of that commit.
     */
    private Optional<Then> then(ContentHistory history, String commit, ResolvedSite site, ResolvedPage page) throws IOException {
        Path kept = workDir.resolve("history").resolve(commit).resolve("resolved-" + org.polisi.site.render.RenderKeys.code().substring(0, 16))
                .resolve(site.id()).resolve(page.language()).resolve(page.key() + ".txt");
        if (Files.isRegularFile(kept)) {
            String text = Files.readString(kept, StandardCharsets.UTF_8);
            String[] parts = text.split(PART, -1);
            return text.equals(ABSENT) || parts.length != 4 ? Optional.empty()
                    : Optional.of(new Then(parts[0], parts[1], parts[2], parts[3]));
        }
        Optional<Then> then = Optional.empty();
        Optional<At> at = siteAt(history, commit, site);
        Optional<ResolvedPage> earlier = at.flatMap(a -> a.site().page(page.language(), page.key()));
        if (earlier.isPresent()) {
            ComposedText composed = ComposedText.of(at.get().site(), earlier.get(), at.get().forms(), messages);
            then = Optional.of(new Then(earlier.get().title(), earlier.get().bodyText(), composed.shown(), composed.all()));
        }
        FileTrees.writeAtomically(kept, then.map(t -> String.join(PART, t.title().replace('\n', ' '), t.bodyText(), t.shown(), t.composed()))
                .orElse(ABSENT).getBytes(StandardCharsets.UTF_8));
        return then;
    }

    /** What {@link #then} keeps for a page that did not exist, or could not be read, at a commit. */
    private static final String ABSENT = "\u0000absent";

    /** A site as it was at a commit: resolved by the build's own loader and fork resolver, with its forms then. */
    record At(ResolvedSite site, Optional<SchoolForms> forms) {
    }

    /** The site as it was at {@code commit}, resolved once for all its pages; empty when it did not exist or cannot be read. */
    private Optional<At> siteAt(ContentHistory history, String commit, ResolvedSite site) {
        return sitesAt.computeIfAbsent(commit + '\u0000' + site.id(), key -> resolveAt(history, commit, site));
    }

    /** The site's forms now, read once per build. */
    private Optional<SchoolForms> currentForms(ResolvedSite site) {
        return formsNow.computeIfAbsent(site.id(), id -> ComposedText.formsOf(site));
    }

    private Optional<At> resolveAt(ContentHistory history, String commit, ResolvedSite site) {
        CompletableFuture<Optional<ContentTree>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ContentTree>> first = trees.putIfAbsent(commit, mine);
        if (first == null) {
            try {
                mine.complete(load(history, commit));     // an unreadable version is empty
            } catch (Throwable fault) {                  // an Error: the pages waiting for it fail too, never hang
                mine.completeExceptionally(fault);
                throw fault;
            }
        }
        Optional<ContentTree> tree = (first == null ? mine : first).join();
        Optional<SiteSource> school = tree.map(t -> t.schools().get(site.id()));
        if (school.isEmpty()) {
            return Optional.empty();
        }
        Optional<SiteSource> template = school.get().settings().adopts().flatMap(tree.get()::cluster);
        ResolvedSite then = ForkResolver.resolve(school.get(), template, new Problems());
        return Optional.of(new At(then, ComposedText.formsOf(then)));
    }

    private Optional<ContentTree> load(ContentHistory history, String commit) {
        Path dir = workDir.resolve("history").resolve(commit);
        try {
            if (!Files.isDirectory(dir.resolve("content"))) {
                Path partial = workDir.resolve("history").resolve(commit + ".part");
                FileTrees.deleteRecursively(partial);
                history.writeContentAt(commit, partial.resolve("content"));
                Files.createDirectories(dir.getParent());
                Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            }
            // An earlier version's problems were the build's problems then, not now.
            return Optional.of(ContentLoader.load(dir.resolve("content"), new Problems()));
        } catch (IOException | RuntimeException unreadable) {   // e.g. ContentException: an older format
            return Optional.empty();
        }
    }

    /** The earlier version's body as HTML, converted once and kept beside its content. */
    private String earlierHtml(String commit, ResolvedSite site, ResolvedPage page, java.util.function.Supplier<At> resolve)
            throws IOException {
        // the code that converts it is part of the folder's name, as for the resolved text (a commit never changes, the code does)
        Path cached = workDir.resolve("history").resolve(commit).resolve("html-" + org.polisi.site.render.RenderKeys.code().substring(0, 16))
                .resolve(site.id()).resolve(page.language()).resolve(page.key() + ".html");
        if (Files.exists(cached)) {
            return org.polisi.site.render.ResponsiveTables.rewrite(Files.readString(cached, StandardCharsets.UTF_8));
        }
        At at = resolve.get();       // the content of that commit is loaded only when its HTML is not kept
        ResolvedPage then = at.site().page(page.language(), page.key()).orElseThrow();
        StringBuilder asciidoc = new StringBuilder("= ").append(then.title()).append('\n');
        // the settings of that commit: a value the page used then is what it showed then (docs/adr/0099)
        for (Map.Entry<String, LocalizedText> value : at.site().source().settings().attributes().entrySet()) {
            asciidoc.append(':').append(value.getKey()).append(": ").append(value.getValue().inOrEnglish(then.language())).append('\n');
        }
        for (Map.Entry<String, String> message : messages.get(then.language()).family(Messages.SITE).entrySet()) {
            asciidoc.append(":t-").append(message.getKey().replace('.', '-')).append(": ").append(message.getValue()).append('\n');
        }
        asciidoc.append(":idprefix:\n:idseparator: -\n:attribute-missing: skip\n\n");
        for (SourceLine line : then.body()) {
            // Forms are only on the current page: an earlier version's form cannot be sent.
            asciidoc.append(line.text().startsWith("form::") ? "" : line.text()).append('\n');
        }
        String html = HtmlFragments.convert(asciidoc.toString());
        Files.createDirectories(cached.getParent());
        // Atomically: a build server's next build may read it while an abandoned build's history still writes it.
        FileTrees.writeAtomically(cached, html.getBytes(StandardCharsets.UTF_8));
        return html;
    }
}
