package org.polisi.site;

import org.polisi.site.archive.AgreedTextArchive;
import org.polisi.site.check.HtmlChecks;
import org.polisi.site.compose.FormReferences;
import org.polisi.site.compose.IndexComposer;
import org.polisi.site.compose.PageComposer;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.ContentLoader;
import org.polisi.site.content.ContentTree;
import org.polisi.site.content.SiteSource;
import org.polisi.site.fork.ForkResolver;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.FormsBuildContext;
import org.polisi.site.forms.FormsManifestWriter;
import org.polisi.site.forms.FormsSchoolContext;
import org.polisi.site.forms.RenderedForm;
import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problems;
import org.polisi.site.publish.AtomicPublisher;
import org.polisi.site.render.FileTrees;
import org.polisi.site.render.JBakeRenderer;
import org.polisi.site.render.RenderCache;
import org.polisi.site.theme.Messages;
import org.polisi.site.translation.TranslationPairer;
import org.polisi.site.translation.TranslationState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The one orchestrator: load content → resolve each school over its template → pair translations
 * → compose pages (and prepare forms) → render all of them in one JBake bake → check the HTML →
 * archive the texts the forms agree to → publish atomically. Each stage is a package; this class only calls them in order.
 */
public final class SiteBuild {
    /** Cluster templates are baked as their own preview site under this suffix. */
    public static final String TEMPLATE_PREVIEW_SUFFIX = "-template";

    private final BuildOptions options;
    private final Consumer<String> progress;
    private final Optional<RenderCache> cache;

    public SiteBuild(BuildOptions options, Consumer<String> progress) {
        this(options, progress, Optional.empty());
    }

    /** A build that re-renders only what changed since the cache's last build (for preview). */
    public SiteBuild(BuildOptions options, Consumer<String> progress, Optional<RenderCache> cache) {
        this.options = options;
        this.progress = progress;
        this.cache = cache;
    }

    /** Resolves and checks content without rendering: what {@code ./polisi report} needs. */
    public BuildResult resolveOnly() {
        Problems problems = new Problems();
        List<ResolvedSite> sites = resolve(problems);
        return new BuildResult(sites, pair(sites, problems), problems.all(), 0, false, 0);
    }

    public BuildResult run() throws IOException {
        long start = System.nanoTime();
        JBakeRenderer.prepare();
        Problems problems = new Problems();
        List<ResolvedSite> sites = resolve(problems);
        Map<String, List<TranslationState>> translations = pair(sites, problems);
        Map<String, Messages> messages = messages(sites);
        List<StagedPage> pages = new ArrayList<>();
        Map<String, FormsSchoolContext> forms = new LinkedHashMap<>();
        for (ResolvedSite site : sites) {
            FormReferences.prepare(site, messages, problems).ifPresent(context -> forms.put(site.id(), context));
            pages.addAll(new PageComposer(site, messages, translations.get(site.id()), options.today()).compose());
            progress.accept(String.format("  %-22s %s, %d pages", site.id(), String.join("+", site.languages()),
                    site.allPages().size()));
        }
        pages.addAll(new IndexComposer(sites, messages).compose());
        long composed = System.nanoTime();
        Path built = options.workDir().resolve("out");
        List<RenderedForm> rendered = render(pages, forms, built, problems);
        long renderedAt = System.nanoTime();
        FormsBuildContext.problems().forEach(p -> problems.error("form", null, 0, p));
        FileTrees.copy(options.themeDir().resolve("assets"), built.resolve("assets"));
        new HtmlChecks(built, problems).check(pages);
        long checked = System.nanoTime();
        boolean publish = !(options.strict() && problems.hasErrors());
        if (publish) {
            // Before the manifests: the server must never see a form version whose text is not archived.
            int errorsBefore = problems.errors().size();
            new AgreedTextArchive(options.agreedTextsDir()).archive(rendered, built, sites, forms, options.today(), problems);
            publish = problems.errors().size() == errorsBefore;
        }
        long archived = System.nanoTime();
        if (publish) {
            Path manifests = options.workDir().resolve("manifests");
            FileTrees.deleteRecursively(manifests);
            for (Map.Entry<String, FormsSchoolContext> school : forms.entrySet()) {
                List<RenderedForm> own = rendered.stream().filter(r -> r.school().equals(school.getKey())).toList();
                FormsManifestWriter.write(manifests, school.getKey(), school.getValue(), own);
            }
            AtomicPublisher.publish(built, options.outputDir());
            cache.ifPresent(c -> c.remember(pages, rendered));
            if (Files.exists(manifests)) {
                AtomicPublisher.publish(manifests, options.manifestsDir());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Boolean.getBoolean("polisi.timings")) {
            progress.accept(String.format("  timings: load+resolve+compose %.2f s, render %.2f s, check %.2f s, "
                            + "archive %.2f s, publish %.2f s",
                    (composed - start) / 1e9, (renderedAt - composed) / 1e9, (checked - renderedAt) / 1e9,
                    (archived - checked) / 1e9, (System.nanoTime() - archived) / 1e9));
        }
        return new BuildResult(sites, translations, problems.all(), pages.size(), publish, seconds);
    }

    /**
     * Renders the pages into {@code built}. With a cache (preview), only pages whose composed
     * document changed since the last published build are converted; the others are copied from
     * the published site, and their forms are taken from the cache.
     */
    private List<RenderedForm> render(List<StagedPage> pages, Map<String, FormsSchoolContext> forms, Path built,
                                      Problems problems) throws IOException {
        FileTrees.deleteRecursively(built);
        List<StagedPage> toRender = cache.map(c -> c.changed(pages)).orElse(pages);
        // By URL: comparing whole pages (documents and origins) made this quadratic in the page count.
        Set<String> rendering = toRender.stream().map(StagedPage::url).collect(Collectors.toSet());
        List<StagedPage> unchanged = pages.stream().filter(page -> !rendering.contains(page.url())).toList();
        List<RenderedForm> rendered = new ArrayList<>(cache.map(c -> c.formsOn(unchanged)).orElse(List.of()));
        if (!toRender.isEmpty()) {
            FormsBuildContext.begin(forms);
            try {
                new JBakeRenderer(options.workDir(), options.themeDir().resolve("templates"))
                        .render(toRender, built, problems);
            } finally {
                rendered.addAll(FormsBuildContext.end());
            }
        }
        for (StagedPage page : unchanged) {
            Path target = built.resolve(page.outputPath() + ".html");
            Files.createDirectories(target.getParent());
            Files.copy(options.outputDir().resolve(page.outputPath() + ".html"), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return rendered;
    }

    private List<ResolvedSite> resolve(Problems problems) {
        ContentTree tree;
        Problems loading = new Problems();
        try {
            tree = ContentLoader.load(options.contentDir(), loading);
        } catch (ContentException e) {
            e.problems().forEach(problems::add);
            return List.of();
        }
        List<ResolvedSite> sites = new ArrayList<>();
        for (SiteSource school : tree.schools().values()) {
            if (options.schools().isEmpty() || options.schools().contains(school.id())) {
                Optional<SiteSource> template = school.settings().adopts().flatMap(tree::cluster);
                sites.add(ForkResolver.resolve(school, template, problems));
            }
        }
        for (SiteSource cluster : tree.clusters().values()) {
            String previewId = cluster.id() + TEMPLATE_PREVIEW_SUFFIX;
            if (options.schools().isEmpty() || options.schools().contains(previewId)) {
                sites.add(ForkResolver.resolve(asPreview(cluster, previewId), Optional.empty(), problems));
            }
        }
        // Loading reads every school; report only what concerns the sites being built.
        List<Path> selected = new ArrayList<>();
        sites.forEach(site -> {
            selected.add(site.source().dir());
            site.template().ifPresent(t -> selected.add(t.dir()));
        });
        loading.all().stream()
                .filter(p -> p.file() == null || selected.stream().anyMatch(dir -> p.file().toAbsolutePath().startsWith(dir.toAbsolutePath())))
                .forEach(problems::add);
        for (String wanted : options.schools()) {
            if (sites.stream().noneMatch(s -> s.id().equals(wanted))) {
                problems.error("unknown-school", options.contentDir().resolve("schools").resolve(wanted), 0,
                        "no school '" + wanted + "' in content/schools");
            }
        }
        return sites;
    }

    private static SiteSource asPreview(SiteSource cluster, String previewId) {
        var s = cluster.settings();
        var settings = new org.polisi.site.content.Settings(previewId, s.file(), s.name(), s.languages(), Optional.empty(),
                s.whyStandalone(), s.attributes(), s.policy(), s.contactEmail(), s.formsEndpoint(), s.baseUrl());
        return new SiteSource(SiteSource.Kind.CLUSTER, settings, cluster.dir(), cluster.pagesByLanguage(), cluster.formsDir());
    }

    private static Map<String, List<TranslationState>> pair(List<ResolvedSite> sites, Problems problems) {
        Map<String, List<TranslationState>> states = new LinkedHashMap<>();
        sites.forEach(site -> states.put(site.id(), TranslationPairer.pair(site, problems)));
        return states;
    }

    private Map<String, Messages> messages(List<ResolvedSite> sites) {
        Map<String, Messages> messages = new LinkedHashMap<>();
        messages.put("en", Messages.load(options.themeDir().resolve("i18n"), "en"));
        for (ResolvedSite site : sites) {
            for (String language : site.languages()) {
                messages.computeIfAbsent(language, l -> Messages.load(options.themeDir().resolve("i18n"), l));
            }
        }
        return messages;
    }
}
