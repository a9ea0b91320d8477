package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.OptionsBuilder;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.polisi.site.compose.StagedPage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts staged pages from AsciiDoc to HTML on every core, with ONE Asciidoctor instance for the
 * whole process: JRuby's start-up is the costliest part of a build, so it is paid once (and a
 * preview's later builds find it warm), and AsciidoctorJ 2.5 converts safely on several threads
 * with one instance. Our stateless extensions (ticks, policy references) register through the SPI
 * when the instance is created, and our postprocessing of the HTML runs in Java on what the
 * conversion returns ({@link #postprocessed}); what belongs to one build (the form macro, the log handler) is
 * registered by its {@link RenderSession} for the length of {@link #convert}, one session at a time.
 */
final class AsciidocConverter {
    private static volatile Asciidoctor shared;
    /** Whether this process has converted a first page: until then conversion keeps one core at most. */
    private static volatile boolean firstConverted;
    /** Whether a thread creating {@link #shared} has been started: at most one is. */
    private static final java.util.concurrent.atomic.AtomicBoolean warmUpStarted = new java.util.concurrent.atomic.AtomicBoolean();
    /** Whether {@link #startEarly} started that thread and no build has claimed it yet. */
    private static volatile boolean startedEarly;
    /** Whether {@link #startEarly} started it (for {@link #startTimings}). */
    private static volatile boolean wasStartedEarly;
    /** The CPU of the thread that called {@link #startEarly}, then; and what it used until the build claimed the start. */
    private static volatile long earlyThreadCpu;
    private static volatile double headStartCpuSeconds = -1;
    /** Held while a session is registered on {@link #shared}: one build's pages never meet another's macro. */
    private static final Object SESSION = new Object();
    private static final String WARM_UP = """
            = Warm-up

            == A section [[a-section]]

            A paragraph with *bold*, _italic_, `code` and https://example.org[a link]; see <<a-section>>.

            * a list item
            . a numbered item

            NOTE: An admonition.

            [cols="1,2"]
            |===
            | a | table
            |===

            === A subsection

            Term:: a description
            """;

    private AsciidocConverter() {
    }

    /** What receives each converted page, on the converting thread: it must be thread-safe. */
    interface Sink {
        void accept(ConvertedPage page) throws java.io.IOException;

        /**
         * A page whose conversion threw (a fault of Asciidoctor or of our extensions on this
         * page's text): that page alone fails, and every other page is still converted.
         */
        void failed(StagedPage page, RuntimeException fault);
    }

    /**
     * Converts every page and hands each to {@code sink} as soon as it is done, so that a large
     * build never holds all converted pages in memory at once.
     */
    static void convert(List<StagedPage> pages, RenderSession session, Sink sink) {
        session.prepareWhile(() -> shared == null);     // work the pages will need, while JRuby still starts
        synchronized (SESSION) {
            RubyCompilation.forPages(instance(), pages.size());
            session.open(instance());
            try {
                convert(instance(), pages, session, sink);
            } finally {
                session.close();
            }
        }
    }

    /**
     * Converts AsciiDoc that is no page of a build (an earlier version, for a page's history) to a
     * body fragment in SAFE mode, between sessions: what Asciidoctor logs about it is discarded, and
     * no build's log or forms ever see it.
     */
    static String convertAside(String asciidoc) {
        synchronized (SESSION) {
            Asciidoctor asciidoctor = instance();
            org.asciidoctor.log.LogHandler discard = record -> { };
            asciidoctor.registerLogHandler(discard);
            try {
                return postprocessed(asciidoctor.load(asciidoc, OptionsBuilder.options().safe(SafeMode.SAFE).headerFooter(false).asMap())
                        .convert());
            } finally {
                asciidoctor.unregisterLogHandler(discard);
            }
        }
    }

    private static void convert(Asciidoctor asciidoctor, List<StagedPage> pages, RenderSession session, Sink sink) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), pages.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "asciidoc-converter");
            thread.setDaemon(true);
            return thread;
        });
        try {
            if (pages.isEmpty()) {
                return;
            }
            // The first conversion defines our extensions' Ruby classes; doing it alone keeps two
            // threads from defining them at once (JRuby warns "already initialized constant").
            // Every document activates every extension, so the shortest page will do, and the
            // other core waits the least (docs/adr/0092).
            List<StagedPage> order = schedule(pages);
            long firstWall = System.nanoTime();
            long firstCpu = threadCpu();
            convertInto(asciidoctor, session, order.get(0), sink);
            if (!firstConverted) {
                firstPageSeconds = (System.nanoTime() - firstWall) / 1e9;
                firstPageCpuSeconds = (threadCpu() - firstCpu) / 1e9;
                firstPageChars = order.get(0).asciidoc().length();
            }
            firstConverted = true;
            List<Future<?>> results = new ArrayList<>();
            for (StagedPage page : order.subList(1, order.size())) {
                results.add(pool.submit(() -> {
                    convertInto(asciidoctor, session, page, sink);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("conversion interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("conversion failed: " + e.getCause().getMessage(), e.getCause());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The order in which {@link #convert} takes {@code pages}: the shortest AsciiDoc first (it
     * converts alone, while the other cores wait), then the rest longest first, so that no core is
     * left converting one long page at the end while the others idle (longest-processing-time-first
     * scheduling, Graham 1969). Ties keep the pages' order; nothing else depends on the order, as
     * pages already finish in any order on several threads.
     *
     * @param pages the pages to convert, not empty
     * @return the same pages, reordered; a new list
     */
    static List<StagedPage> schedule(List<StagedPage> pages) {
        int shortest = 0;
        for (int i = 1; i < pages.size(); i++) {
            if (pages.get(i).asciidoc().length() < pages.get(shortest).asciidoc().length()) {
                shortest = i;
            }
        }
        List<StagedPage> rest = new ArrayList<>(pages);
        StagedPage first = rest.remove(shortest);
        rest.sort(java.util.Comparator.comparingInt((StagedPage page) -> page.asciidoc().length()).reversed());
        List<StagedPage> order = new ArrayList<>(pages.size());
        order.add(first);
        order.addAll(rest);
        return order;
    }

    private static void convertInto(Asciidoctor asciidoctor, RenderSession session, StagedPage page, Sink sink)
            throws java.io.IOException {
        ConvertedPage converted;
        try {
            converted = convertOne(asciidoctor, session, page);
        } catch (RuntimeException fault) {
            sink.failed(page, fault);
            return;
        }
        sink.accept(converted);
    }

    private static ConvertedPage convertOne(Asciidoctor asciidoctor, RenderSession session, StagedPage page) {
        session.converting(page);
        try {
            // SECURE: Asciidoctor reads no file at all. Includes were expanded, within the school's
            // own folders, when the content was loaded (content.Includes).
            Document document = RubyDocuments.load(asciidoctor, page.asciidoc(),
                    OptionsBuilder.options().safe(SafeMode.SECURE).headerFooter(false).asMap());
            String body = inLanguage(postprocessed(document.convert()), document);
            Map<String, String> attributes = new LinkedHashMap<>();
            // The document's attribute table read in place (a lookup in Ruby's hash for each name) rather
            // than a call of Ruby's Document#attr per name, which returns that same table's value: a page's
            // header has a hundred entries (docs/adr/0095).
            Map<String, Object> table = document.getAttributes();
            for (String name : headerAttributeNames(page.asciidoc())) {
                Object value = table.get(name);
                attributes.put(name, value == null ? "" : value.toString());
            }
            String title = document.getDoctitle();
            return new ConvertedPage(page, title == null ? "" : title, attributes, body);
        } finally {
            session.done();
        }
    }

    /**
     * The converted HTML as our postprocessors leave it: the admonitions' roles, then the tables
     * rewritten. Asciidoctor would apply them last in {@code Document#convert}, in this order, on
     * the whole output; here they run on the Java string the conversion returns, which spares each
     * page two copies of its HTML from Ruby to Java and back (docs/adr/0086).
     */
    static String postprocessed(String converted) {
        return ResponsiveTables.rewrite(AccessibleAdmonitions.apply(converted));
    }

    private static final Pattern FOOTNOTE_TOOLTIP = Pattern.compile("title=\"View footnote\\.\"");
    private static final Pattern PRESENTATION_IMAGE = Pattern.compile(
            "(class=\"(?:imageblock|image)\\b[^\"]*\\bpresentation\\b[^\"]*\">(?:\\s*<div class=\"content\">)?\\s*<img src=\"[^\"]*\") alt=\"[^\"]*\"");

    /**
     * What Asciidoctor writes in English whatever the document says: the footnote link's tooltip
     * (the page's {@code polisi-footnote-tooltip} instead), and a decorative image's alt text,
     * which it makes from the file name (empty for {@code role=presentation}, as WCAG's H67 asks).
     */
    static String inLanguage(String html, Document document) {
        String result = html;
        Object tooltip = document.getAttribute("polisi-footnote-tooltip");
        if (tooltip != null && result.contains("View footnote.")) {
            result = FOOTNOTE_TOOLTIP.matcher(result).replaceAll(Matcher.quoteReplacement("title=\"" + tooltip + "\""));
        }
        if (result.contains("presentation")) {
            result = PRESENTATION_IMAGE.matcher(result).replaceAll("$1 alt=\"\"");
        }
        return result;
    }

    /** The attributes the composer wrote in the page's header, in order. */
    private static List<String> headerAttributeNames(String asciidoc) {
        List<String> names = new ArrayList<>();
        // Line by line up to the first blank one: the header only, not a split of the whole page.
        for (int from = 0, end; from <= asciidoc.length(); from = end + 1) {
            end = asciidoc.indexOf('\n', from);
            int lineEnd = end < 0 ? asciidoc.length() : end;
            if (blank(asciidoc, from, lineEnd)) {
                break;
            }
            String name = entryName(asciidoc, from, lineEnd);
            if (name != null) {
                names.add(name);
            }
            if (end < 0) {
                break;
            }
        }
        return names;
    }

    /**
     * The name of the attribute entry {@code line} starts ({@code :name:}, as {@code ^:([A-Za-z0-9_][A-Za-z0-9_-]*):}
     * finds it), or null: without a regular expression, as a page's header has a hundred lines and
     * every page is read so (docs/adr/0095).
     */
    static String entryName(String line) {
        return entryName(line, 0, line.length());
    }

    /** {@link #entryName(String)} of the line {@code text[from, to)}, read in place. */
    private static String entryName(String text, int from, int to) {
        if (to - from < 3 || text.charAt(from) != ':' || !nameChar(text.charAt(from + 1)) || text.charAt(from + 1) == '-') {
            return null;
        }
        for (int i = from + 2; i < to; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return text.substring(from + 1, i);
            }
            if (!nameChar(c)) {
                return null;
            }
        }
        return null;
    }

    /** Whether {@code text[from, to)} is {@link String#isBlank blank}: white space only (no supplementary character is). */
    static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9_-]}. */
    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /**
     * Starts creating the Asciidoctor instance (JRuby's start-up, seconds) on a background thread,
     * so that it overlaps the build's stages before rendering; {@link #convert} waits for it.
     *
     * @return whether it started now (false: this process has started it already)
     */
    static boolean warmUpInBackground() {
        if (shared == null && warmUpStarted.compareAndSet(false, true)) {
            Thread warmUp = new Thread(AsciidocConverter::instance, "asciidoctor-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
            return true;
        }
        return false;
    }

    /**
     * Starts the instance's creation on a background thread before any build exists (the command
     * line's first step, docs/adr/0084), so that the process's first build finds it starting
     * ({@link #claimEarlyStart}).
     *
     * @return whether it started now (false: this process has started it already)
     */
    static boolean startEarly() {
        long cpu = threadCpu();
        if (warmUpInBackground()) {
            earlyThreadCpu = cpu;
            startedEarly = true;
            wasStartedEarly = true;
            return true;
        }
        return false;
    }

    /**
     * @return true once, for the first build after {@link #startEarly} started the instance: that
     *         build treats JRuby as started by itself (it waits for it and lends the idle core meanwhile)
     */
    static boolean claimEarlyStart() {
        if (startedEarly) {
            startedEarly = false;
            headStartCpuSeconds = (threadCpu() - earlyThreadCpu) / 1e9;
            return true;
        }
        return false;
    }

    /**
     * Starts the instance, if it is not started yet, and converts one small document with it outside
     * any build's session (under the session lock, so no build's macro or log handler sees it), so
     * that Asciidoctor's parser and HTML converter are loaded before a process's first build (the
     * build server, docs/adr/0079). The document has no macro, attribute or warning. Returns when done.
     */
    static void warmUpWithOneDocument() {
        // the blocks policies use most (sections, lists, a table, an admonition, inline marks, an xref):
        // each loads its own Ruby code at its first use
        Asciidoctor asciidoctor = instance();
        synchronized (SESSION) {
            asciidoctor.load(WARM_UP, OptionsBuilder.options().safe(SafeMode.SECURE).headerFooter(false).asMap()).convert();
        }
    }

    private static volatile double firstPageSeconds = -1;
    private static volatile double firstPageCpuSeconds = -1;
    private static volatile int firstPageChars;
    private static volatile double startSeconds = -1;
    private static volatile double startCpuSeconds = -1;
    private static volatile double readyAtUptime = -1;

    /** Seconds of CPU the calling thread has used (0 where the JVM cannot tell). */
    static double threadCpuSeconds() {
        return threadCpu() / 1e9;
    }

    private static long threadCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /**
     * How this process's JRuby start went, for {@code -Dpolisi.timings=true}: its wall and thread
     * CPU seconds and the JVM's uptime when it was ready; empty before it has started.
     */
    static String startTimings() {
        return startSeconds < 0 ? "" : String.format(java.util.Locale.ROOT, "JRuby and Asciidoctor started %sin %.2f s (%.2f s CPU), ready %.2f s after the JVM started%s",
                wasStartedEarly ? String.format(java.util.Locale.ROOT, "before the command line was read (%.2f s of CPU before the build would have started it), ",
                        headStartCpuSeconds) : "", startSeconds, startCpuSeconds, readyAtUptime,
                firstPageSeconds < 0 ? "" : String.format(java.util.Locale.ROOT, "; the process's first page (%,d characters of AsciiDoc) converted alone in %.2f s (%.2f s CPU)",
                        firstPageChars, firstPageSeconds, firstPageCpuSeconds));
    }

    /** Whether this process has converted its first page, after which conversion runs on every core. */
    static boolean firstConverted() {
        return firstConverted;
    }

    static Asciidoctor instance() {
        if (shared == null) {
            synchronized (AsciidocConverter.class) {
                if (shared == null) {
                    long wall = System.nanoTime();
                    long cpu = threadCpu();
                    Asciidoctor created = RubyStart.create();
                    RubyCompilation.holdBack(created);
                    startSeconds = (System.nanoTime() - wall) / 1e9;
                    startCpuSeconds = (threadCpu() - cpu) / 1e9;
                    readyAtUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
                    shared = created;
                }
            }
        }
        return shared;
    }
}
