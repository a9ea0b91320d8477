package org.polisi.site.render;

import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.SourceLine;
import org.polisi.site.forms.manifest.RenderedForm;
import org.polisi.site.forms.markup.FormMacro;
import org.polisi.site.forms.markup.FormsSession;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders pages through the build cache: a page whose {@link RenderKeys key} the cache holds is
 * written from it; the others are converted and baked ({@link JBakeRenderer}, which starts JRuby
 * only then) and stored. Every page's problems and forms are then reported in page order, whether
 * converted now or cached, so a cached build reports what a cold one does.
 */
public final class CachedRender {
    /**
     * What {@link #render} made: the pages' forms (one per school, form and language), the URLs of
     * the pages it converted, and each page's {@link RenderKeys key} by URL (what later stages key
     * their own results by: a page's HTML depends on nothing else).
     */
    public record Result(List<RenderedForm> forms, List<String> converted, Map<String, String> keys) {
        public Result {
            forms = List.copyOf(forms);
            converted = List.copyOf(converted);
            keys = Map.copyOf(keys);
        }
    }

    private final RenderCache cache;
    private final RenderKeys keys;
    private final JBakeRenderer renderer;
    private final Map<String, Path> siteDirs;

    /**
     * @param siteDirs each site's own folder by id: where a page that cannot be converted is
     *                 reported, so that its site alone is held back ({@link PageFault})
     */
    public CachedRender(RenderCache cache, RenderKeys keys, JBakeRenderer renderer, Map<String, Path> siteDirs) {
        this.cache = cache;
        this.keys = keys;
        this.renderer = renderer;
        this.siteDirs = Map.copyOf(siteDirs);
    }

    /**
     * Writes each page's HTML under {@code destination} ({@code <outputPath>.html}), its forms from
     * {@code forms}; adds to {@code problems} what converting the pages found, at the author's lines.
     *
     * @throws IOException when {@code destination} or the work folder cannot be written
     */
    public Result render(List<StagedPage> pages, Path destination, FormsSession forms, Problems problems) throws IOException {
        Map<String, String> keyOf = new HashMap<>();
        Map<String, PageRecord> records = new HashMap<>();
        List<StagedPage> toConvert = new ArrayList<>();
        List<Lookup> lookups = lookUp(pages, destination);
        for (int i = 0; i < pages.size(); i++) {
            StagedPage page = pages.get(i);
            Lookup lookup = lookups.get(i);
            if (lookup.key() != null) {
                keyOf.put(page.url(), lookup.key());
            }
            if (lookup.record() != null) {
                records.put(page.url(), lookup.record());
            } else {
                toConvert.add(page);
            }
        }
        if (!toConvert.isEmpty()) {
            JBakeRenderer.Baked baked = renderer.render(toConvert, destination, forms);
            List<StagedPage> converted = new ArrayList<>();
            for (StagedPage page : toConvert) {
                Path file = destination.resolve(page.outputPath() + ".html");
                String failure = baked.failures().get(page.url());
                if (failure != null || !Files.isRegularFile(file)) {      // never cached: converted again next time
                    problems.add(PageFault.of(page, siteDirs.get(page.site()), failure != null ? failure : "no HTML was written"));
                    Files.deleteIfExists(file);     // half a page is never published
                    continue;
                }
                converted.add(page);
            }
            // Sealing and writing each entry is each page's own work: on every core (docs/adr/0091).
            // A cache that keeps nothing (--no-cache) reads no page back; only the problems and forms
            // are kept until they are reported, not every page's HTML (docs/adr/0095).
            boolean keeping = cache.keeps();
            List<PageRecord> stored = parallel(converted, page -> {
                byte[] html = keeping ? Files.readAllBytes(destination.resolve(page.outputPath() + ".html")) : new byte[0];
                PageRecord record = new PageRecord(page.url(), html,
                        forms.renderedOn(page.url()), forms.problemsOn(page.url()), baked.logOf(page.url()));
                if (keeping) {
                    cache.put(keyOf.get(page.url()), record);
                }
                return record.withoutHtml();
            });
            for (PageRecord record : stored) {
                records.put(record.url(), record);
            }
            cache.stored();
            JBakeRenderer.report(null, baked.logOf(""), problems);
            forms.problemsOn("").forEach(problem -> problems.error("form", null, 0, problem));
        }
        List<RenderedForm> rendered = new ArrayList<>();
        Map<String, StagedPage> byUrl = new HashMap<>();
        for (StagedPage page : pages) {
            byUrl.put(page.url(), page);
            PageRecord record = records.get(page.url());
            if (record != null) {
                JBakeRenderer.report(page, record.asciidoc(), problems);
                record.formProblems().forEach(problem -> formProblem(page, problem, problems));
                rendered.addAll(record.forms());
            }
        }
        FormsSession.Collected collected = FormsSession.collect(rendered);
        for (int i = 0; i < collected.problems().size(); i++) {
            formProblem(byUrl.get(collected.twice().get(i).pageUrl()), collected.problems().get(i), problems);
        }
        return new Result(collected.forms(), toConvert.stream().map(StagedPage::url).toList(), keyOf);
    }

    /**
     * A page's key (null when the cache keeps nothing) and, when the cache holds it, its record
     * without its HTML, which is written by then (null: to convert).
     */
    private record Lookup(String key, PageRecord record) {
    }

    /**
     * Each page's key and cached record, in page order, and each cached page's HTML written under
     * {@code destination}: on every core (the common fork-join pool and this thread), as hashing the
     * pages and checking the entries' seals is most of a cached build's render stage and each page's
     * work is its own (docs/adr/0091). What is found does not depend on the order the pages are taken in.
     *
     * @throws IOException when a cached page's HTML cannot be written
     */
    private List<Lookup> lookUp(List<StagedPage> pages, Path destination) throws IOException {
        if (!cache.keeps()) {
            return java.util.Collections.nCopies(pages.size(), new Lookup(null, null));   // nothing to key or read (--no-cache)
        }
        return parallel(pages, page -> {
            String key = keys.of(page);
            PageRecord record = cache.get(key).filter(found -> found.url().equals(page.url())).orElse(null);
            if (record != null) {
                Path file = destination.resolve(page.outputPath() + ".html");
                Files.createDirectories(file.getParent());
                Files.write(file, record.html());
                record = record.withoutHtml();
            }
            return new Lookup(key, record);
        });
    }

    /** One page's work that may read or write files. */
    @FunctionalInterface
    private interface PageWork<T> {
        T apply(StagedPage page) throws IOException;
    }

    /**
     * {@code work} applied to each page on every core (the common fork-join pool and this thread),
     * the results in page order: for work that is each page's own.
     *
     * @throws IOException the first page's failure to read or write
     */
    private static <T> List<T> parallel(List<StagedPage> pages, PageWork<T> work) throws IOException {
        try {
            return pages.parallelStream().map(page -> {
                try {
                    return work.apply(page);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A form's macro named in a problem's message: {@code form::<id>[} or {@code statement:<id>[}. */
    private static final java.util.regex.Pattern MACRO = java.util.regex.Pattern.compile("(form::|statement:)([\\w-]+)\\[");

    /**
     * A form's problem, at the page's line that embeds the form (its first line when none can be
     * found): that school is held back, not every school. A school whose form definitions could not
     * be read has had each of their problems reported at its definition's line (CatalogStage), so a
     * page's "no forms are known" is that same problem again and is not reported; nor is a
     * {@code form::} naming no form, which the compose stage reports at its line (unknown-form).
     */
    private static void formProblem(StagedPage page, String problem, Problems problems) {
        if (problem.contains(FormMacro.NO_FORMS) || problem.contains("[]: " + FormMacro.UNKNOWN_FORM)) {
            return;
        }
        SourceLine origin = page == null || page.origins().isEmpty() ? null : page.origins().get(0);
        java.util.regex.Matcher macro = MACRO.matcher(problem);
        if (page != null && macro.find()) {
            String needle = macro.group(1) + macro.group(2) + "[";
            origin = page.origins().stream().filter(line -> line != null && line.file() != null && line.text().contains(needle))
                    .findFirst().orElse(origin);
        }
        problems.error("form", origin == null ? null : origin.file(), origin == null ? 0 : origin.number(), problem);
    }
}
