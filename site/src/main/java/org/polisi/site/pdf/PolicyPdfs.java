package org.polisi.site.pdf;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.polisi.site.BuildProgress;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;
import org.polisi.site.render.BuiltPolicy;
import org.polisi.site.render.FileTrees;
import org.polisi.site.theme.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The PDF stage: an accessible PDF (PDF/UA-1) of every policy and appendix of every school, in
 * each language, beside its page ({@code <key>.html} → {@code <key>.pdf}), made from the built
 * page itself ({@link PdfSource}, {@link PdfWriter}), and a plain link to it on the page
 * ("Download this policy as a PDF (accessible)"). Template previews get none.
 *
 * <p>The PDFs are made on a thread of their own while the build checks, proofs and archives on
 * its own thread ({@link #start}, then {@link Started#join}). A PDF already made from the same
 * source (same page text, images, fonts and style) is kept under {@code <work>/pdf/} and copied,
 * not made again; entries that no build used are deleted at the end of the run. docs/adr/0047.
 */
public final class PolicyPdfs {
    /** The class of the element that holds the link on a page (the PDF leaves it out). */
    public static final String LINK_CLASS = "pdf-link";
    /** Part of every cache key: change it when {@link PdfSource} or {@link PdfWriter} output changes. */
    private static final String FORMAT = "polisi-pdf-4|openhtmltopdf-1.1.31|dejavu-2.37|no-gsub";
    /** In the PDF cache: when the last PDF stage finished, and with which {@link #FORMAT} ({@link #likelyToMake}). */
    static final String STAMP = "made.stamp";
    /** The link an earlier build put on a page that a preview build reuses. */
    private static final Pattern EXISTING_LINK = Pattern.compile("\\s*<(li|p) class=\"" + LINK_CLASS + "\">.*?</\\1>", Pattern.DOTALL);
    /** {@code -Dpolisi.pdf=false} leaves the stage out, only so that docs/benchmarks.md can measure its cost. */
    private static final boolean ENABLED = !"false".equals(System.getProperty("polisi.pdf"));

    private final Path cacheDir;
    private final PdfWriter writer;
    private final Map<String, Messages> messages;
    private final BuildProgress progress;
    /** For {@code -Dpolisi.timings}: PDFs made (not copied from the cache) and the stage's own time. */
    private final AtomicInteger fresh = new AtomicInteger();
    private volatile double seconds;
    /** The CPU time of the stage's threads, in nanoseconds: on a busy machine the steadier measure. */
    private final AtomicLong cpu = new AtomicLong();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * @param workDir  the build's work folder ({@code pdf/} under it keeps the PDFs between builds)
     * @param messages the site bundles by language (the link's words)
     * @param progress where the stage's timing goes ({@code -Dpolisi.timings=true})
     */
    public PolicyPdfs(Path workDir, Map<String, Messages> messages, BuildProgress progress) {
        this(workDir, new PdfWriter(), messages, progress);
    }

    /** @param writer makes the PDFs, with the fonts it keeps for every build of the process that lends it */
    public PolicyPdfs(Path workDir, PdfWriter writer, Map<String, Messages> messages, BuildProgress progress) {
        this.cacheDir = workDir.resolve("pdf");
        this.writer = writer;
        this.messages = messages;
        this.progress = progress;
    }

    private record Job(ResolvedPage page, Path html, Path root) {
        Path pdf() {
            String name = html.getFileName().toString();
            return html.resolveSibling(name.substring(0, name.length() - ".html".length()) + ".pdf");
        }
    }

    /**
     * Starts making the PDFs of the policy and appendix pages of {@code sites} that are built under
     * {@code built} ({@code <site>/<language>/<key>.html}), on a thread of its own. Nothing on the
     * pages changes until {@link Started#join}.
     */
    public Started start(List<ResolvedSite> sites, Path built) {
        if (!ENABLED) {     // the cache of an earlier build with PDFs is left as it was
            return new Started(CompletableFuture.completedFuture(List.of()), new Problems());
        }
        writer.startMaking();     // a warm-up not begun by now, or still going, would only run beside the real PDFs (ADR 0069, 0077)
        List<Job> jobs = new ArrayList<>();
        for (BuiltPolicy policy : BuiltPolicy.in(sites, built)) {
            jobs.add(new Job(policy.page(), policy.html(), built));
        }
        for (Job job : jobs) {
            unlink(job.html());     // a page a preview reuses keeps its last link: its PDF is not there yet
        }
        Problems found = new Problems();
        CompletableFuture<List<Job>> made = new CompletableFuture<>();
        long begin = System.nanoTime();
        FileTime stageStart = FileTime.from(java.time.Instant.now());     // for the stamp (likelyToMake)
        Thread thread = new Thread(() -> {
            try {
                List<Job> done = make(jobs, found, stageStart);
                seconds = (System.nanoTime() - begin) / 1e9;
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime());
                made.complete(done);
            } catch (Throwable e) {
                made.completeExceptionally(e);
            }
        }, "polisi-pdf");
        thread.setDaemon(true);
        thread.start();
        return new Started(made, found);
    }

    /** The PDFs being made (see {@link #start}). */
    public final class Started {
        private final CompletableFuture<List<Job>> made;
        private final Problems found;

        private Started(CompletableFuture<List<Job>> made, Problems found) {
            this.made = made;
            this.found = found;
        }

        /**
         * Waits for the PDFs, links each page to its PDF, and adds to {@code problems} a {@code pdf}
         * warning for each page whose PDF could not be made (that page gets no link).
         *
         * @throws IOException when a page cannot be read or written
         */
        public void join(Problems problems) throws IOException {
            long waiting = System.nanoTime();
            List<Job> done;
            try {
                done = made.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
            found.all().forEach(problems::add);
            for (Job job : done) {
                link(job);
            }
            progress.timed("pdf: " + done.size() + " PDFs (" + fresh.get() + " made, the rest unchanged), made alongside in",
                    seconds, String.format("; waited %.2f s; %.2f s CPU; warm-up pages made: %d", (System.nanoTime() - waiting) / 1e9,
                            cpu.get() / 1e9, writer.warmUpPages.get()));
        }
    }

    /**
     * Starts, on a background thread, making throw-away PDFs that nobody keeps, so that the real
     * PDFs do not pay for loading openhtmltopdf's and PDFBox's classes, compiling their hot code and
     * parsing the fonts (the real content's 25 PDFs on one thread: 2.3 s of CPU in a new JVM, 1.3 s
     * in a warm one), done instead while the build leaves a core idle: {@code SiteBuild} calls it
     * once proofing has ended, in the time its own thread waits for JRuby (ADR 0069). It makes one
     * warm-up page, and more ({@link #warmUp}) for as long as {@code coreIdle} says the core is
     * still idle and the warm-up's thread had at least a third of a core for its last page
     * ({@link CoreShare}; on a machine other work keeps busy it would only take CPU from everyone)
     * (ADR 0077). It does nothing once {@link #start} has begun the real PDFs, when PDFs
     * are off ({@code -Dpolisi.pdf=false}), when {@code writer} is already warm, or when no PDF will
     * probably be made ({@link #likelyToMake}): then the warm-up would only take CPU from the build
     * (docs/adr/0063).
     *
     * @param writer   the writer the build will make its PDFs with (warmed once)
     * @param workDir  the build's work folder (its {@code pdf/} holds the PDFs of earlier builds)
     * @param inputs   the folders the pages are made from (content and theme)
     * @param coreIdle asked after each warm-up page: whether a core is still left idle by the build
     *                 (JRuby still starting or converting its first page alone)
     */
    public static void prepare(PdfWriter writer, Path workDir, List<Path> inputs, BooleanSupplier coreIdle) {
        if (!ENABLED || !likelyToMake(workDir.resolve("pdf"), inputs) || !writer.startWarming()) {
            return;
        }
        Thread thread = new Thread(() -> {
            CoreShare share = new CoreShare();     // made on the warm-up's thread: it measures that thread
            warmUp(writer, () -> share.getAsBoolean() && coreIdle.getAsBoolean());
        }, "polisi-pdf-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * The most warm-up pages one build makes. In one JVM with the launcher's flags, the real
     * content's 25 PDFs after 1, 6, 12 and 24 warm-up pages took 1.97–2.03, 1.46–1.51, 1.30–1.45
     * and 1.28–1.29 s of process CPU (docs/benchmarks.md, 2026-12-01): past 12 the warm-up costs
     * more than it saves.
     */
    static final int MOST_WARM_UP_PAGES = 12;

    /**
     * Makes warm-up PDFs of {@link #WARM_UP_PAGE} with {@code writer}, throwing them away: the first
     * always (unless the real PDFs have begun), then one more while {@code coreIdle} says so, the real
     * PDFs have not begun ({@link PdfWriter#startMaking}) and fewer than {@link #MOST_WARM_UP_PAGES}
     * are made. The PDFs the build keeps are the same whether this ran or not: it changes only
     * which code the JVM has loaded and compiled.
     *
     * @return how many warm-up pages were made
     */
    static int warmUp(PdfWriter writer, BooleanSupplier coreIdle) {
        int made = 0;
        try {
            while (!writer.making() && made < MOST_WARM_UP_PAGES && (made == 0 || coreIdle.getAsBoolean())) {
                Document sample = PdfSource.of(Jsoup.parse(WARM_UP_PAGE, "file:///polisi-warm-up.html"));
                writer.write(sample, sample.outerHtml(), "file:///polisi-warm-up.html", null, OutputStream.nullOutputStream());
                made++;
                writer.warmUpPages.incrementAndGet();
                if (made == 1) {
                    // The real PDFs are made one per core at once, each with a font set of its own:
                    // parsed here, not on the critical path. The same CPU as there, so idle or not.
                    writer.parseFontSets(Runtime.getRuntime().availableProcessors());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Only a warm-up: a real PDF that fails the same way is reported at its page.
        }
        return made;
    }

    /**
     * Whether this build will probably make a PDF, not only copy PDFs kept from an earlier build:
     * true unless the work folder holds PDFs, and a stamp the last PDF stage left (with this
     * version's {@link #FORMAT}), and no file under {@code inputs} has changed since that stamp. Only
     * a guess, which costs time when wrong, never a PDF: a build that must make one after all makes
     * it cold.
     */
    static boolean likelyToMake(Path cacheDir, List<Path> inputs) {
        Path stamp = cacheDir.resolve(STAMP);
        try (Stream<Path> kept = Files.list(cacheDir)) {
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp, StandardCharsets.UTF_8).equals(FORMAT)
                    || kept.noneMatch(file -> file.getFileName().toString().endsWith(".pdf"))) {
                return true;
            }
            return FileTrees.changedAfter(inputs, Files.getLastModifiedTime(stamp));
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    /**
     * What the warm-up renders: each element and face the policies use (headings, lists, a table, a
     * link, bold, italic, code, Welsh letters), in four sections, so that the text breaks across
     * lines and the page across A4 pages as a policy's does.
     */
    private static final String WARM_UP_PAGE = """
            <!DOCTYPE html><html lang="cy"><head><title>Polisi</title></head><body>
            <header><p class="site-header__name">Ysgol</p></header>
            <main><h1>Polisi diogelwch ar-lein</h1>%s</main></body></html>""".formatted(IntStream.rangeClosed(1, 4)
            .mapToObj(section -> """
                    <h2 id="cyflwyniad-%1$d">Cyflwyniad %1$d</h2>
                    <p>Mae’r <strong>polisi</strong> hwn yn <em>berthnasol</em> i bawb: ŵ ŷ â ê î ô û ï ë — “dyfyniad”.
                    <a href="https://llyw.cymru/">Llywodraeth Cymru</a> <code>./polisi build</code></p>
                    <ul><li>Un</li><li>Dau</li></ul><h3 id="rhagor-%1$d">Rhagor</h3><ol><li>Tri</li></ol>
                    <table><thead><tr><th>Enw</th><th>Dyddiad</th></tr></thead><tbody><tr><td>Staff</td><td>1 Medi 2026</td></tr></tbody></table>
                    <div class="notice"><p>Nodyn</p></div>""".formatted(section))
            .collect(Collectors.joining("\n")));

    /**
     * Makes the PDFs on as many threads as the machine has cores, longest page first (so that no
     * core is left with the longest policy while the other has finished); findings are added in
     * page order.
     */
    private List<Job> make(List<Job> jobs, Problems problems, FileTime begin) throws IOException {
        Set<Path> used = ConcurrentHashMap.newKeySet();
        int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "polisi-pdf-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<Job, Future<Optional<String>>> submitted = new java.util.IdentityHashMap<>();
            for (Job job : longestFirst(jobs)) {
                submitted.put(job, pool.submit(() -> {
                    long before = THREADS.getCurrentThreadCpuTime();
                    try {
                        return make(job, used);
                    } finally {
                        cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - before);
                    }
                }));
            }
            List<Future<Optional<String>>> results = jobs.stream().map(submitted::get).toList();
            List<Job> done = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                Optional<String> failure = get(results.get(i));
                if (failure.isEmpty()) {
                    done.add(jobs.get(i));
                } else {
                    problems.warning("pdf", jobs.get(i).page().file(), 0, "the PDF of this page could not be made ("
                            + failure.get() + "); the page is published without one");
                }
            }
            prune(used, begin);
            stamp(begin);
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Job> longestFirst(List<Job> jobs) {
        Map<Job, Long> sizes = new java.util.IdentityHashMap<>();
        for (Job job : jobs) {
            try {
                sizes.put(job, Files.size(job.html()));
            } catch (IOException e) {
                sizes.put(job, 0L);     // make() reports the unreadable page
            }
        }
        return jobs.stream().sorted(java.util.Comparator.comparing(sizes::get).reversed()).toList();
    }

    private static Optional<String> get(Future<Optional<String>> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (ExecutionException e) {
            return Optional.of(e.getCause().toString());
        }
    }

    /** Makes (or copies from the cache) one page's PDF: empty when done, else why not. */
    private Optional<String> make(Job job, Set<Path> used) {
        try {
            Document page = Jsoup.parse(job.html().toFile(), StandardCharsets.UTF_8.name());
            Document source = PdfSource.of(page, messages.get(job.page().language()).all());
            if (source == null) {
                return Optional.of("the page has no <main>");
            }
            String sourceHtml = source.outerHtml();
            Path cached = cacheDir.resolve(key(sourceHtml, source, job.html()) + ".pdf");
            if (!Files.isRegularFile(cached)) {
                Files.createDirectories(cacheDir);
                Path partial = Files.createTempFile(cacheDir, "making", ".part");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    writer.write(source, sourceHtml, job.html().toUri().toString(), job.root(), out);
                }
                fresh.incrementAndGet();
                Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            used.add(cached);
            Files.copy(cached, job.pdf(), StandardCopyOption.REPLACE_EXISTING);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * What the PDF is made from: the source document ({@code sourceHtml}, its serialisation), the
     * bytes of each local image, and {@link #FORMAT}.
     */
    private static String key(String sourceHtml, Document source, Path html) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        digest.update(FORMAT.getBytes(StandardCharsets.UTF_8));
        digest.update(sourceHtml.getBytes(StandardCharsets.UTF_8));
        for (Element image : source.select("img[src]")) {
            String src = image.attr("src");
            if (!src.contains(":")) {
                Path file = html.resolveSibling(src).normalize();
                if (Files.isRegularFile(file)) {
                    digest.update(Files.readAllBytes(file));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Leaves the stamp {@link #likelyToMake} reads, dated when this stage started (a file changed
     * while the PDFs were made is newer than it), once the work folder holds this build's PDFs.
     */
    private void stamp(FileTime begin) throws IOException {
        if (Files.isDirectory(cacheDir)) {
            Path stamp = cacheDir.resolve(STAMP);
            Files.writeString(stamp, FORMAT, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(stamp, begin);
        }
    }

    /**
     * Deletes the cached PDFs this build did not use, but none written since it began ({@code begin}), and
     * no {@code .part} younger than a day: those belong to another build using the same folder (a test's
     * build beside a developer's deleted the other's PDF as it was being made: docs/adr/0100). Builds
     * take their work folder's lock ({@link org.polisi.site.buildserver.BuildLock#ofWorkFolder}), so this
     * is the second guard; a crashed build's {@code .part} goes the next day.
     */
    private void prune(Set<Path> used, FileTime begin) throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return;
        }
        long dayAgo = System.currentTimeMillis() - java.util.concurrent.TimeUnit.DAYS.toMillis(1);
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path file : files.filter(f -> !used.contains(f) && !f.getFileName().toString().equals(STAMP)).toList()) {
                FileTime written;
                try {
                    written = Files.getLastModifiedTime(file);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue;
                }
                boolean making = file.getFileName().toString().endsWith(".part") && written.toMillis() > dayAgo;
                if (written.compareTo(begin) < 0 && !making) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static final byte[] LINK_MARKER = ("class=\"" + LINK_CLASS + "\"").getBytes(StandardCharsets.US_ASCII);

    /** Where {@code needle} first occurs in {@code haystack}, or -1. */
    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Takes an earlier build's link off a page (the HTML checks must not see a link to a PDF not yet made). */
    private static void unlink(Path html) {
        try {
            // Looked for in the bytes (the marker is ASCII): a fresh page, which never has one, is not decoded.
            byte[] bytes = Files.readAllBytes(html);
            if (indexOf(bytes, LINK_MARKER) >= 0) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                org.polisi.site.render.FileTrees.writeAtomically(html, EXISTING_LINK.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built page " + html, e);
        }
    }

    /**
     * Puts the link on the page, once: as the last item of the policy's details, or else under its
     * heading. Written into the page's text, not through a parser, so that the rest of the page
     * keeps every byte the theme wrote (its character references included).
     */
    private void link(Job job) throws IOException {
        String html = Files.readString(job.html(), StandardCharsets.UTF_8);
        String words = messages.get(job.page().language())
                .get(job.page().kind().equals("appendix") ? "pdf.download.appendix" : "pdf.download.policy");
        String anchor = "<a href=\"" + job.pdf().getFileName() + "\" type=\"application/pdf\">" + Entities.escape(words) + "</a>";
        int details = html.indexOf("class=\"policy-details__list\"");
        int end = details < 0 ? -1 : html.indexOf("</ul>", details);
        if (end >= 0) {
            html = html.substring(0, end) + "  <li class=\"" + LINK_CLASS + "\">" + anchor + "</li>\n      " + html.substring(end);
        } else {
            int main = html.indexOf("<main");
            int heading = main < 0 ? -1 : html.indexOf("</h1>", main);
            if (heading < 0) {
                return;
            }
            heading += "</h1>".length();
            html = html.substring(0, heading) + "\n    <p class=\"" + LINK_CLASS + "\">" + anchor + "</p>" + html.substring(heading);
        }
        // Whole or not at all: the page history reads the built pages meanwhile, on its own threads
        // (docs/adr/0096), and a page half written had no <main> (tester 6, N2). Modes are set at publishing.
        org.polisi.site.render.FileTrees.writeAtomically(job.html(), html.getBytes(StandardCharsets.UTF_8));
    }
}
