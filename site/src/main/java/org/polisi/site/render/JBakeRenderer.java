package org.polisi.site.render;

import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.model.DocumentModel;
import org.polisi.site.compose.PageKind;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.SourceLine;
import org.polisi.site.forms.markup.FormsSession;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Stage 5: renders the staged pages the build cache does not hold ({@link CachedRender}). Each
 * page's AsciiDoc is converted on every core with one Asciidoctor instance ({@link AsciidocConverter}), and the
 * converting thread hands the result straight to JBake's {@link Renderer}, which puts it through
 * the theme's Freemarker templates and writes the page. JBake's configuration keys, its folders,
 * its document model and its errors stay inside this class.
 *
 * <p>JBake's crawler and content store are not used: they would write each converted page to a
 * file, read it back, store it in OrientDB and read it out again, on one thread, only to hand the
 * same header values and body to the same {@code Renderer}. The model built here is the one JBake's
 * crawler builds from its own content format ({@code name=value} header lines, values trimmed), so
 * a template sees the same {@code content}. ADR 6 records the measurements.
 */
public final class JBakeRenderer {
    private final Path workDir;
    private final Path templatesDir;

    public JBakeRenderer(Path workDir, Path templatesDir) {
        this.workDir = workDir;
        this.templatesDir = templatesDir;
    }

    /**
     * What one call of {@link #render} converted: for each page, what Asciidoctor logged on it (by
     * page URL; what it logged outside any page under ""), and the pages JBake could not write.
     */
    record Baked(Map<String, List<PageRecord.LogLine>> logs, Map<String, String> failures) {
        List<PageRecord.LogLine> logOf(String pageUrl) {
            return logs.getOrDefault(pageUrl, List.of());
        }
    }

    /**
     * Renders the pages into {@code destination}, their {@code form::} lines from {@code forms}
     * (which receives the forms rendered and their problems, by page); returns what Asciidoctor
     * logged and what JBake could not write, by page, for {@link #report} (now, or from the cache).
     *
     * @throws IOException when the work folder cannot be written
     */
    Baked render(List<StagedPage> pages, Path destination, FormsSession forms) throws IOException {
        Path source = workDir.resolve("src");
        FileTrees.deleteRecursively(source);
        FileTrees.copy(templatesDir, source.resolve("templates"));
        readableTemplates(templatesDir);
        Files.writeString(source.resolve("jbake.properties"), properties(), StandardCharsets.UTF_8);
        Files.createDirectories(destination);
        DefaultJBakeConfiguration configuration = new OnceMapped(new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(source.toFile(), destination.toFile(), true), destination);
        // The templates read only the page ("content"), never the store; it is never started.
        Renderer renderer = new Renderer(new ContentStore(configuration.getDatabaseStore(),
                configuration.getDatabasePath()), configuration);
        Map<String, String> failures = new ConcurrentHashMap<>();
        RenderSession session = new RenderSession(forms);
        AsciidocConverter.convert(pages, session, new AsciidocConverter.Sink() {
            @Override
            public void accept(ConvertedPage converted) {
                try {
                    renderer.render(documentModel(converted));
                } catch (Exception e) {
                    failures.put(converted.page().url(), PageFault.describe(e));
                }
            }

            @Override
            public void failed(StagedPage page, RuntimeException fault) {
                failures.put(page.url(), PageFault.describe(fault));
            }
        });
        Map<String, List<PageRecord.LogLine>> logs = new HashMap<>();
        for (RenderSession.Entry entry : session.entries()) {
            logs.computeIfAbsent(entry.pageUrl() == null ? "" : entry.pageUrl(), url -> new ArrayList<>())
                    .add(new PageRecord.LogLine(entry.line(), entry.severity(), entry.message()));
        }
        return new Baked(logs, failures);
    }

    /**
     * JBake's configuration as the factory loaded it, with the map the templates see as {@code config}
     * made once per bake: JBake's renderer asks for it for every page ({@code asHashMap}, a walk over
     * every key of the configuration), and nothing changes it while the pages are baked. The same map
     * is handed to every page, read only (docs/adr/0095).
     */
    static final class OnceMapped extends DefaultJBakeConfiguration {
        private volatile Map<String, Object> map;

        OnceMapped(DefaultJBakeConfiguration loaded, Path destination) {
            super(loaded.getSourceFolder(), loaded.getCompositeConfiguration());
            setDestinationFolder(destination.toFile());     // as JBakeConfigurationFactory does
            setClearCache(true);
        }

        @Override
        public Map<String, Object> asHashMap() {
            Map<String, Object> made = map;
            if (made == null) {
                made = super.asHashMap();
                map = made;
            }
            return made;
        }
    }

    /**
     * Every theme template is UTF-8 ({@link org.polisi.site.content.SourceText}): FreeMarker would
     * otherwise print a Windows-1252 template's accents as U+FFFD on every page of every school.
     *
     * @throws org.polisi.site.problem.ContentException at the template's first bad byte
     */
    private static void readableTemplates(Path templatesDir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(templatesDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                org.polisi.site.content.SourceText.readStrictly(file);
            }
        }
    }

    /**
     * Adds to {@code problems} what Asciidoctor logged while converting {@code page} (null: outside
     * any page), at the author's file and line where it can be found from the page's origins.
     */
    /** Asciidoctor's warning about an attribute reference it could not resolve (attribute-missing: warn). */
    private static final java.util.regex.Pattern MISSING_ATTRIBUTE = java.util.regex.Pattern.compile("reference to missing attribute");

    static void report(StagedPage page, List<PageRecord.LogLine> logged, Problems problems) {
        for (PageRecord.LogLine entry : logged) {
            if (MISSING_ATTRIBUTE.matcher(entry.message()).find()) {
                continue;   // the HTML checks report each reference left unresolved once, at its line (unresolved-attribute)
            }
            SourceLine origin = entry.line() > 0 ? originOf(page, entry.line()) : located(page, entry.message());
            String where = page == null ? "" : " (" + page.url() + ")";
            problems.error("asciidoc", origin == null ? null : origin.file(), origin == null ? 0 : origin.number(),
                    entry.message() + where);
        }
    }

    /**
     * A converted page as JBake's crawler would model it from its content format: header values
     * trimmed, the type and status set, the body as lines each ended by a new line, and the page's
     * path (relative to the destination) as its URI; and the page's chrome, as {@code chrome}.
     */
    static DocumentModel documentModel(ConvertedPage converted) {
        DocumentModel document = new DocumentModel();
        converted.attributes().forEach((name, value) -> {
            if (!name.startsWith("jbake-")) {
                document.put(name, oneLine(value).trim());
            }
        });
        // The chrome around the body travels as maps and lists of HTML, not as attributes (docs/adr/0064).
        document.put("chrome", TemplateValues.of(converted.page().chrome()));
        document.setTitle(oneLine(converted.title()).trim());
        document.setType(converted.attributes().getOrDefault("jbake-type", "page").trim());
        document.setStatus("published");
        document.setBody(bodyLines(converted.body()));
        document.setUri(converted.page().outputPath() + ".html");
        return document;
    }

    /**
     * The body as JBake's crawler reads it: every line ended by {@code \n}, as
     * {@code (body + "\n").lines()} joined by {@code \n} with a last {@code \n} gives it; a body
     * with no {@code \r} (Asciidoctor writes none) is that body and a new line, without
     * splitting and joining a page's lines (docs/adr/0095).
     */
    static String bodyLines(String body) {
        String ended = body + "\n";
        return ended.indexOf('\r') < 0 ? ended : ended.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String oneLine(String value) {
        return value.replace('\n', ' ').replace('\r', ' ');
    }

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("reference: (\\S+)");

    /**
     * Asciidoctor reports some problems without a line (an invalid cross reference is found only
     * when the page is converted): find the line that holds what it names, else the page's first.
     */
    private static SourceLine located(StagedPage page, String message) {
        java.util.regex.Matcher reference = REFERENCE.matcher(message);
        if (page != null && reference.find()) {
            String id = reference.group(1);
            String bare = id.replaceFirst("^.*#", "");
            for (String needle : List.of("<<" + id, "xref:" + id, "<<" + bare, "#" + bare)) {
                for (SourceLine line : page.origins()) {
                    if (line != null && line.text().contains(needle)) {
                        return line;
                    }
                }
            }
        }
        return originOf(page, 0);
    }

    private static SourceLine originOf(StagedPage page, int line) {
        if (page == null || line <= 0 || line > page.origins().size()) {
            return page == null || page.origins().isEmpty() ? null : page.origins().get(0);
        }
        SourceLine origin = page.origins().get(line - 1);
        return origin != null ? origin : page.origins().get(0);
    }

    /** Which template draws each kind of page: {@code template.<jbake type>.file=<template>}. */
    private static String templates() {
        return java.util.Arrays.stream(PageKind.values()).map(kind -> "template." + kind.jbakeType() + ".file=" + kind.template())
                .distinct().collect(Collectors.joining("\n"));
    }

    private static String properties() {
        return String.join("\n",
                "# Written by Polisi for one bake; see JBakeRenderer.",
                "render.index=false", "render.feed=false", "render.archive=false", "render.tags=false",
                "render.tagsindex=false", "render.sitemap=false", "render.error404=false",
                templates(),
                "db.store=memory",
                "default.status=published",
                "asciidoctor.attributes=",
                "asciidoctor.attributes.export=false",
                "render.encoding=UTF-8", "template.encoding=UTF-8", "freemarker.outputencoding=UTF-8",
                "site.host=",
                "") ;
    }
}
