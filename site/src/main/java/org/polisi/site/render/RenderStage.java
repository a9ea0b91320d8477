package org.polisi.site.render;

import org.polisi.site.BuildOptions;
import org.polisi.site.BuildProgress;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.compose.ComposedSite;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.ContentLoader;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.publish.Sitemap;
import org.polisi.site.forms.markup.FormsSession;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 5 as the build runs it: renders the composed pages into {@code <work>/out} with one
 * {@link FormsSession} for this build, adds the theme's and each site's assets, and reports what
 * the forms found wrong. Pages go through the build cache ({@link CachedRender}, {@link RenderCache}):
 * only pages whose {@link RenderKeys key} the cache does not hold are converted, and JRuby is
 * started only when there is one.
 */
public final class RenderStage {
    /**
     * System property: also write every staged AsciiDoc document of the build's sites under
     * {@code <work>/staged/} (the baselines of bench/site-build.sh, debugging). The root index pages
     * are not among them.
     */
    public static final String KEEP_STAGED = "polisi.keep-staged";

    /**
     * Starts JRuby and Asciidoctor and converts one small document, on the calling thread, for a
     * process that will run builds later (the build server, docs/adr/0079): its first build then
     * finds them started and loaded, as a preview's rebuilds do. Changes no setting. Seconds of CPU.
     */
    public static void warmUpConverter() {
        AsciidocConverter.warmUpWithOneDocument();
    }

    /** Whether this process has converted a page of a build (JRuby and Asciidoctor's converter are then loaded). */
    public static boolean convertedAPage() {
        return AsciidocConverter.firstConverted();
    }
    private final BuildOptions options;
    private final RenderCache cache;
    private final BuildProgress progress;

    /** The deletion of the last build's output, which {@link #finish} waits for. */
    private FileTrees.Deletion lastOutput;

    /** Whether {@link #prepare} started JRuby. */
    private volatile boolean jrubyStarting;

    public RenderStage(BuildOptions options, RenderCache cache, BuildProgress progress) {
        this.options = options;
        this.cache = cache;
        this.progress = progress;
    }

    /**
     * Call early in a build: when pages will probably be converted (the cache is empty or off, or a
     * file of the content or theme changed since the cache last stored pages), JRuby (for
     * Asciidoctor) starts now, while the build loads and composes content. Otherwise it is started
     * only if a page must be converted after all: a build served from the cache never pays for it.
     *
     * @return whether JRuby is starting now, on a thread of its own: then the build's thread will
     *         wait for it in {@link #render} if it gets there first, and a core is idle meanwhile
     *         (docs/adr/0069); false when no page will probably be converted or JRuby is running already
     */
    public boolean prepare() {
        jrubyStarting = AsciidocConverter.claimEarlyStart()
                || (cache.likelyToConvert(inputs(options)) && AsciidocConverter.warmUpInBackground());
        return jrubyStarting;
    }

    /**
     * Starts JRuby now, on a thread of its own, when a build with {@code options} through
     * {@code cache} is likely to convert pages (the guess of {@link #prepare}): for the command line's
     * first step, before the command line is parsed and the build is made, which a fresh JVM's cold
     * build otherwise spends with a core idle (docs/adr/0084). The next build's {@link #prepare}
     * then finds JRuby starting; a build that converts nothing after all (nothing changed, a
     * refused release) leaves the thread unfinished, and the process's exit ends it.
     *
     * @param options the options the build will have; only the content and theme folders are read
     * @param cache   the cache the build will use ({@link RenderCache#disabled()} for {@code --no-cache})
     * @return whether JRuby is starting now
     */
    public static boolean startEarly(BuildOptions options, RenderCache cache) {
        return cache.likelyToConvert(inputs(options)) && AsciidocConverter.startEarly();
    }

    private static List<Path> inputs(BuildOptions options) {
        return List.of(options.contentDir(), options.themeDir());
    }

    /**
     * Whether the build still leaves a core idle for work that can wait (ADR 0069, 0077): true from
     * {@link #prepare} starting JRuby until the first page is converted (JRuby's start runs on one
     * thread, and the first page converts alone); false once the rest convert on every core, and
     * always when {@link #prepare} started nothing.
     */
    public boolean startingUp() {
        return jrubyStarting && !AsciidocConverter.firstConverted();
    }

    /**
     * Renders {@code composed} (the sites of {@code catalog}) into a fresh {@code <work>/out}.
     *
     * @throws IOException when the work folder cannot be read or written
     */
    /** Each site's own folder (a school's, or a template preview's cluster folder), by id. */
    private static Map<String, Path> siteDirs(SiteCatalog catalog) {
        Map<String, Path> dirs = new HashMap<>();
        catalog.sites().forEach(site -> dirs.put(site.id(), site.source().dir()));
        return dirs;
    }

    public RenderedSite render(SiteCatalog catalog, ComposedSite composed, Problems problems) throws IOException {
        Path built = options.workDir().resolve("out");
        // The last build's output goes on a thread of its own: unlinking thousands of files is waiting
        // on the disk, which overlaps with this stage's hashing and converting (docs/adr/0091).
        lastOutput = FileTrees.deleteInBackground(built);
        List<StagedPage> pages = composed.pages();
        if (Boolean.getBoolean(KEEP_STAGED)) {
            keepStaged(pages);
        }
        long start = System.nanoTime();
        double cpuBefore = AsciidocConverter.threadCpuSeconds();
        CachedRender.Result result = new CachedRender(cache, new RenderKeys(options.themeDir(), catalog.sites()),
                new JBakeRenderer(options.workDir(), options.themeDir().resolve("templates")), siteDirs(catalog))
                .render(pages, built, new FormsSession(composed.forms()), problems);
        progress.timed("render: convert and bake", (System.nanoTime() - start) / 1e9, "(" + pages.size() + " pages; began "
                + String.format(java.util.Locale.ROOT, "%.2f s", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3 - (System.nanoTime() - start) / 1e9)
                + " after the JVM started; " + AsciidocConverter.startTimings() + ")");
        progress.timed("render: the build's thread had used", cpuBefore, "of CPU when rendering began");
        progress.rendered(result.converted(), pages.size());
        copyAssets(catalog.sites(), built, problems);
        for (ResolvedSite site : catalog.sites()) {
            Sitemap.write(site, built);     // every page of the site: written every build
        }
        return new RenderedSite(built, result.forms(), result.keys());
    }

    /**
     * Waits until the last build's output, which {@link #render} set aside, is deleted: call before
     * the build returns, so that a process that ends with it leaves nothing half deleted.
     *
     * @throws IOException when it could not be deleted
     */
    public void finish() throws IOException {
        if (lastOutput != null) {
            lastOutput.join();
        }
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

    /** The theme's assets for the root, and each site's images (its template's, then its own) once per site. */
    private void copyAssets(List<ResolvedSite> sites, Path built, Problems problems) throws IOException {
        FileTrees.copy(options.themeDir().resolve("assets"), built.resolve("assets"));
        for (ResolvedSite site : sites) {
            for (Path dir : SiteCatalog.foldersOf(site)) {
                Path assets = dir.resolve(ContentLoader.ASSETS);
                if (Files.isDirectory(assets)) {
                    org.polisi.site.check.AuthoredAssets.copy(assets, built.resolve(site.id()).resolve(ContentLoader.ASSETS), problems);   // pictures only (ADR 0097)
                }
            }
        }
    }
}
