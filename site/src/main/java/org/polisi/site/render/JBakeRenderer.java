package org.polisi.site.render;

import org.jbake.app.Asset;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 5: renders every staged page of every school and language. The AsciiDoc is converted
 * first, on every core with one Asciidoctor instance ({@link AsciidocConverter}); then ONE JBake
 * bake puts the converted pages through JBake's content store and the theme's Freemarker
 * templates, so OrientDB starts once per build (and once per preview). JBake's configuration
 * keys, its folders, its header format and its errors stay inside this class.
 */
public final class JBakeRenderer {
    private static final String HEADER_SEPARATOR = "~~~~~~";
    /** System property: also write each staged AsciiDoc document under {@code <work>/staged/} (benchmarks, debugging). */
    public static final String KEEP_STAGED = "polisi.keep-staged";
    private final Path workDir;
    private final Path templatesDir;

    public JBakeRenderer(Path workDir, Path templatesDir) {
        this.workDir = workDir;
        this.templatesDir = templatesDir;
    }

    /** Call early in a build: JRuby (for Asciidoctor) then starts while the build loads and composes content. */
    public static void prepare() {
        AsciidocConverter.warmUpInBackground();
    }

    /** Bakes the pages into {@code destination}; returns the problems JBake and Asciidoctor reported. */
    public void render(List<StagedPage> pages, Path destination, Problems problems) throws IOException {
        render(pages, destination, problems, null);
    }

    /** The same, keeping JBake's content store open in {@code warm} between bakes (preview). */
    public void render(List<StagedPage> pages, Path destination, Problems problems, RenderCache warm) throws IOException {
        Path source = workDir.resolve("src");
        FileTrees.deleteRecursively(source);
        Files.createDirectories(source.resolve("content"));
        Files.createDirectories(source.resolve("assets"));
        FileTrees.copy(templatesDir, source.resolve("templates"));
        Files.writeString(source.resolve("jbake.properties"), properties(), StandardCharsets.UTF_8);
        Map<String, StagedPage> byUrl = new HashMap<>();
        pages.forEach(page -> byUrl.put(page.url(), page));
        if (Boolean.getBoolean(KEEP_STAGED)) {
            keepStaged(pages);
        }
        RenderLog.drain();
        Path content = source.resolve("content");
        long convertStart = System.nanoTime();
        AsciidocConverter.convert(pages, converted -> {
            Path file = content.resolve(converted.page().outputPath() + ".html");
            Files.createDirectories(file.getParent());
            Files.writeString(file, jbakeDocument(converted), StandardCharsets.UTF_8);
        });
        Files.createDirectories(destination);
        DefaultJBakeConfiguration configuration = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(source.toFile(), destination.toFile(), true);
        SingleBakeContentStore store = warm != null ? warm.store(configuration)
                : new SingleBakeContentStore(configuration.getDatabaseStore(), configuration.getDatabasePath(), false);
        Oven oven = new Oven(utensils(configuration, store));
        long bakeStart = System.nanoTime();
        oven.bake();
        if (Boolean.getBoolean("polisi.timings")) {
            System.out.printf("  render: convert %.2f s (%d pages), JBake bake %.2f s%n",
                    (bakeStart - convertStart) / 1e9, pages.size(), (System.nanoTime() - bakeStart) / 1e9);
        }
        for (Throwable error : oven.getErrors()) {
            problems.error("render-failed", null, 0, String.valueOf(error.getMessage()));
        }
        for (RenderLog.Entry entry : RenderLog.drain()) {
            StagedPage page = entry.pageUrl() == null ? null : byUrl.get(entry.pageUrl());
            SourceLine origin = originOf(page, entry.line());
            String where = page == null ? "" : " (" + page.url() + ")";
            problems.error("asciidoc", origin == null ? null : origin.file(), origin == null ? 0 : origin.number(),
                    entry.message() + where);
        }
    }

    private void keepStaged(List<StagedPage> pages) throws IOException {
        Path staged = workDir.resolve("staged");
        FileTrees.deleteRecursively(staged);
        for (StagedPage page : pages) {
            Path file = staged.resolve(page.outputPath() + ".adoc");
            Files.createDirectories(file.getParent());
            Files.writeString(file, page.asciidoc(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A converted page in JBake's own content format: {@code name=value} header lines, the
     * separator, then the body. JBake passes every header value to the template as it is.
     */
    private static String jbakeDocument(ConvertedPage converted) {
        StringBuilder document = new StringBuilder();
        document.append("title=").append(oneLine(converted.title())).append('\n');
        document.append("type=").append(converted.attributes().getOrDefault("jbake-type", "page")).append('\n');
        document.append("status=published\n");
        converted.attributes().forEach((name, value) -> {
            if (!name.startsWith("jbake-")) {
                document.append(name).append('=').append(oneLine(value)).append('\n');
            }
        });
        document.append(HEADER_SEPARATOR).append('\n');
        document.append(converted.body()).append('\n');
        return document.toString();
    }

    private static String oneLine(String value) {
        return value.replace('\n', ' ').replace('\r', ' ');
    }

    /** JBake's own parts (as its UtensilsFactory makes them), sharing our content store. */
    private static Utensils utensils(DefaultJBakeConfiguration configuration, ContentStore store) {
        Utensils utensils = new Utensils();
        utensils.setConfiguration(configuration);
        utensils.setContentStore(store);
        utensils.setCrawler(new Crawler(store, configuration));
        utensils.setRenderer(new Renderer(store, configuration));
        utensils.setAsset(new Asset(configuration));
        return utensils;
    }

    private static SourceLine originOf(StagedPage page, int line) {
        if (page == null || line <= 0 || line > page.origins().size()) {
            return page == null || page.origins().isEmpty() ? null : page.origins().get(0);
        }
        SourceLine origin = page.origins().get(line - 1);
        return origin != null ? origin : page.origins().get(0);
    }

    private static String properties() {
        return String.join("\n",
                "# Written by Polisi for one bake; see JBakeRenderer.",
                "render.index=false", "render.feed=false", "render.archive=false", "render.tags=false",
                "render.tagsindex=false", "render.sitemap=false", "render.error404=false",
                "template.page.file=page.ftl",
                "template.schoolindex.file=page.ftl",
                "template.clusterindex.file=index.ftl",
                "template.notfound.file=index.ftl",
                "db.store=memory",
                "default.status=published",
                "asciidoctor.attributes=",
                "asciidoctor.attributes.export=false",
                "render.encoding=UTF-8", "template.encoding=UTF-8", "freemarker.outputencoding=UTF-8",
                "site.host=",
                "") ;
    }
}
