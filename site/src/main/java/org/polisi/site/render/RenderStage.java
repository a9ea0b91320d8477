package org.polisi.site.render;

import org.polisi.site.BuildOptions;
import org.polisi.site.BuildProgress;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.compose.ComposedSite;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.ContentLoader;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.markup.FormsSession;
import org.polisi.site.forms.manifest.RenderedForm;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 5 as the build runs it: renders the composed pages into {@code <work>/out} with one
 * {@link FormsSession} for this build, adds the theme's and each site's assets, and reports what
 * the forms found wrong. With a {@link RenderCache} (a preview), only pages whose {@link RenderKeys}
 * changed since the last published build are converted; the others are copied from the published
 * site and their forms taken from the cache, and {@link #remember} updates the cache once sites are
 * published.
 */
public final class RenderStage {
    /**
     * System property: also write every staged AsciiDoc document of the build's sites under
     * {@code <work>/staged/} (the baselines of bench/site-build.sh, debugging). The root index pages
     * are not among them.
     */
    public static final String KEEP_STAGED = "polisi.keep-staged";
    private final BuildOptions options;
    private final Optional<RenderCache> cache;
    private final BuildProgress progress;
    private RenderKeys keys;
    private List<StagedPage> pages = List.of();
    private List<RenderedForm> forms = List.of();

    public RenderStage(BuildOptions options, Optional<RenderCache> cache, BuildProgress progress) {
        this.options = options;
        this.cache = cache;
        this.progress = progress;
    }

    /** Call early in a build: JRuby (for Asciidoctor) then starts while the build loads and composes content. */
    public static void prepare() {
        AsciidocConverter.warmUpInBackground();
    }

    /**
     * Renders {@code composed} (the sites of {@code catalog}) into a fresh {@code <work>/out}.
     *
     * @throws IOException when the work folder or the published site cannot be read or written
     */
    public RenderedSite render(SiteCatalog catalog, ComposedSite composed, Problems problems) throws IOException {
        Path built = options.workDir().resolve("out");
        FileTrees.deleteRecursively(built);
        keys = new RenderKeys(options.themeDir(), catalog.sites());
        pages = composed.pages();
        if (Boolean.getBoolean(KEEP_STAGED)) {
            keepStaged(pages);
        }
        Set<String> rendering = cache.map(c -> c.changed(pages, keys::of)).orElse(pages).stream()
                .map(StagedPage::url).collect(Collectors.toCollection(HashSet::new));
        // By URL: comparing whole pages (documents and origins) made this quadratic in the page count.
        pages.stream().filter(page -> !Files.isRegularFile(published(page)))
                .forEach(page -> rendering.add(page.url()));
        List<StagedPage> toRender = pages.stream().filter(page -> rendering.contains(page.url())).toList();
        List<StagedPage> unchanged = pages.stream().filter(page -> !rendering.contains(page.url())).toList();
        List<RenderedForm> rendered = new ArrayList<>(cache.map(c -> c.formsOn(unchanged)).orElse(List.of()));
        if (!toRender.isEmpty()) {
            FormsSession session = new FormsSession(composed.forms());
            long start = System.nanoTime();
            new JBakeRenderer(options.workDir(), options.themeDir().resolve("templates"))
                    .render(toRender, built, session, problems);
            progress.timed("render: convert and bake", (System.nanoTime() - start) / 1e9, "(" + toRender.size() + " pages)");
            rendered.addAll(session.rendered());
            session.problems().forEach(p -> problems.error("form", null, 0, p));
        }
        for (StagedPage page : unchanged) {
            Path target = built.resolve(page.outputPath() + ".html");
            Files.createDirectories(target.getParent());
            Files.copy(published(page), target, StandardCopyOption.REPLACE_EXISTING);
        }
        copyAssets(catalog.sites(), built);
        forms = List.copyOf(rendered);
        return new RenderedSite(built, rendered);
    }

    /** After publication: the cache (if any) remembers the published sites' pages and forms as this build rendered them. */
    public void remember(Set<String> publishedSites) {
        cache.ifPresent(c -> c.remember(publishedSites, pages, forms, keys::of));
    }

    private void keepStaged(List<StagedPage> pages) throws IOException {
        Path staged = options.workDir().resolve("staged");
        FileTrees.deleteRecursively(staged);
        for (StagedPage page : pages) {
            Path file = staged.resolve(page.outputPath() + ".adoc");
            Files.createDirectories(file.getParent());
            Files.writeString(file, page.asciidoc(), StandardCharsets.UTF_8);
        }
    }

    private Path published(StagedPage page) {
        return options.outputDir().resolve(page.outputPath() + ".html");
    }

    /** The theme's assets for the root, and each site's images (its template's, then its own) once per site. */
    private void copyAssets(List<ResolvedSite> sites, Path built) throws IOException {
        FileTrees.copy(options.themeDir().resolve("assets"), built.resolve("assets"));
        for (ResolvedSite site : sites) {
            for (Path dir : SiteCatalog.foldersOf(site)) {
                Path assets = dir.resolve(ContentLoader.ASSETS);
                if (Files.isDirectory(assets)) {
                    FileTrees.copy(assets, built.resolve(site.id()).resolve(ContentLoader.ASSETS));
                }
            }
        }
    }
}
