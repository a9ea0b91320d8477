package org.polisi.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.polisi.site.archive.AgreedTextArchive;
import org.polisi.site.check.HtmlChecks;
import org.polisi.site.check.TableCellLists;
import org.polisi.site.compose.FormReferences;
import org.polisi.site.compose.ImageReferences;
import org.polisi.site.compose.IndexComposer;
import org.polisi.site.compose.PageComposer;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.confirm.PlaceholderAddresses;
import org.polisi.site.confirm.ToConfirm;
import org.polisi.site.confirm.ToConfirmList;
import org.polisi.site.content.ContentLoader;
import org.polisi.site.content.ContentTree;
import org.polisi.site.content.SiteSource;
import org.polisi.site.fork.ForkResolver;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.FormsBuildContext;
import org.polisi.site.forms.FormsManifestWriter;
import org.polisi.site.forms.FormsSchoolContext;
import org.polisi.site.forms.RenderedForm;
import org.polisi.site.history.PageHistory;
import org.polisi.site.pdf.PolicyPdfs;
import org.polisi.site.problem.Blame;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;
import org.polisi.site.proof.ProofResult;
import org.polisi.site.proof.Proofing;
import org.polisi.site.publish.AtomicPublisher;
import org.polisi.site.publish.MergedTree;
import org.polisi.site.render.FileTrees;
import org.polisi.site.render.JBakeRenderer;
import org.polisi.site.render.RenderCache;
import org.polisi.site.render.RenderKeys;
import org.polisi.site.theme.Messages;
import org.polisi.site.translation.TranslationPairer;
import org.polisi.site.translation.TranslationState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one orchestrator: load content → resolve each school over its template → pair translations
 * → compose pages (and prepare forms) → render all of them in one JBake bake → check the HTML →
 * proof the sources (spelling, terms) → archive the texts the forms agree to → list each policy's updates from git → publish atomically. Each stage is a package; this class
 * only calls them in order and decides
 * what is published: every site (school or template preview) whose files hold no error, next to
 * the last good output of the others, which stays in place. An error always holds its site back,
 * {@code --strict} or not; {@code --strict} makes every warning an error.
 */
public final class SiteBuild {
    /** Cluster templates are baked as their own preview site under this suffix. */
    public static final String TEMPLATE_PREVIEW_SUFFIX = "-template";
    private static final Set<String> ROOT_PAGES = Set.of("index.html", "404.html");
    private static final boolean PROOF = !"false".equals(System.getProperty("polisi.proof"));

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
        Loaded loaded = resolve(problems);
        Map<String, List<TranslationState>> translations = pair(loaded.sites(), problems);
        ProofResult proofed = PROOF ? proofing().run(loaded.sites(), problems) : ProofResult.NONE;
        return new BuildResult(loaded.sites(), translations, strictly(problems.all()), 0, Set.of(), Set.of(),
                toConfirm(loaded.sites(), new Problems()), 0, proofed);
    }

    public BuildResult run() throws IOException {
        long start = System.nanoTime();
        JBakeRenderer.prepare();
        Problems problems = new Problems();
        Loaded loaded = resolve(problems);
        List<ResolvedSite> sites = loaded.sites();
        Proofing.Started proof = PROOF ? proofing().start(sites) : Proofing.Started.NONE;    // alongside render and check
        Map<String, List<TranslationState>> translations = pair(sites, problems);
        Map<String, List<ToConfirm>> toConfirm = toConfirm(sites, problems);
        if (options.release()) {
            toConfirm.forEach((site, items) -> items.forEach(item -> problems.error("to-confirm", item.file(), item.line(),
                    "--release: " + item.what() + " must be confirmed with the school first (" + item.why() + ")")));
        }
        if (options.release() && problems.hasErrors()) {
            return new BuildResult(sites, translations, strictly(problems.all()), 0, Set.of(),
                    sites.stream().map(ResolvedSite::id).collect(Collectors.toSet()), toConfirm, seconds(start));
        }
        TableCellLists.check(sites, problems);
        Map<String, Messages> messages = messages();
        List<StagedPage> pages = new ArrayList<>();
        Map<String, FormsSchoolContext> forms = new LinkedHashMap<>();
        for (ResolvedSite site : sites) {
            FormReferences.prepare(site, messages, problems).ifPresent(context -> forms.put(site.id(), context));
            ImageReferences.check(site, problems);
            pages.addAll(new PageComposer(site, messages, translations.get(site.id()), options.today(), problems).compose());
            progress.accept(String.format("  %-22s %s, %d pages", site.id(), String.join("+", site.languages()),
                    site.allPages().size()));
        }
        long composed = System.nanoTime();
        Path built = options.workDir().resolve("out");
        RenderKeys keys = new RenderKeys(options.themeDir(), sites);
        List<RenderedForm> rendered = render(pages, forms, built, keys, problems);
        long renderedAt = System.nanoTime();
        FormsBuildContext.problems().forEach(p -> problems.error("form", null, 0, p));
        copyAssets(sites, built);
        PolicyPdfs.Started pdfs = new PolicyPdfs(options.workDir(), messages).start(sites, built);   // alongside check and proof
        HtmlChecks checks = new HtmlChecks(built, problems, messages);
        checks.check(pages);
        long checked = System.nanoTime();
        ProofResult proofed = proof.join(problems);
        pdfs.join(problems);
        long proofedAt = System.nanoTime();

        List<Problem> all = strictly(problems.all());
        Map<String, List<Path>> folders = new LinkedHashMap<>();
        sites.forEach(site -> folders.put(site.id(), foldersOf(site)));
        Set<String> heldBack = new LinkedHashSet<>(Blame.sitesStoppedBy(all, folders));
        List<ResolvedSite> clean = sites.stream().filter(site -> !heldBack.contains(site.id())).toList();
        // Before the manifests: the server must never see a form version whose text is not archived.
        Problems archiving = new Problems();
        new AgreedTextArchive(options.agreedTextsDir()).archive(rendered.stream().filter(form -> clean.stream()
                .anyMatch(site -> site.id().equals(form.school()))).toList(), built, clean, forms, options.today(), archiving);
        if (!archiving.all().isEmpty()) {
            all = new ArrayList<>(all);
            all.addAll(strictly(archiving.all()));
            heldBack.addAll(Blame.sitesStoppedBy(strictly(archiving.all()), folders));
        }
        List<ResolvedSite> fresh = clean.stream().filter(site -> !heldBack.contains(site.id())).toList();
        long archived = System.nanoTime();
        Set<String> publishedSites = new LinkedHashSet<>();
        if (!fresh.isEmpty()) {
            new PageHistory(options.contentDir(), options.workDir(), messages).write(fresh, built);
            List<Problem> rootProblems = publish(loaded, fresh, messages, checks.titles(), forms, rendered, built);
            if (rootProblems.isEmpty()) {
                fresh.forEach(site -> publishedSites.add(site.id()));
                Set<String> ids = fresh.stream().map(ResolvedSite::id).collect(Collectors.toSet());
                cache.ifPresent(c -> c.remember(ids, pages, rendered, keys::of));
            }
            all = new ArrayList<>(all);
            all.addAll(rootProblems);
        }
        if (Boolean.getBoolean("polisi.timings")) {
            progress.accept(String.format("  timings: load+resolve+compose %.2f s, render %.2f s, check %.2f s, "
                            + "proof %.2f s (ran %.2f s alongside), archive %.2f s, publish %.2f s",
                    (composed - start) / 1e9, (renderedAt - composed) / 1e9, (checked - renderedAt) / 1e9,
                    (proofedAt - checked) / 1e9, proof.seconds(), (archived - proofedAt) / 1e9, (System.nanoTime() - archived) / 1e9));
        }
        Set<String> notPublished = sites.stream().map(ResolvedSite::id).filter(id -> !publishedSites.contains(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new BuildResult(sites, translations, List.copyOf(all), pages.size(), publishedSites, notPublished,
                toConfirm, seconds(start), proofed);
    }

    /**
     * Publishes the sites in {@code fresh} next to the last good output of every other site that
     * still exists, with a root index listing all of them, and merges the forms manifests the same
     * way. Returns the problems of the root pages (which, if any, stop the publication).
     */
    private List<Problem> publish(Loaded loaded, List<ResolvedSite> fresh, Map<String, Messages> messages,
                                  Map<String, String> titles, Map<String, FormsSchoolContext> forms,
                                  List<RenderedForm> rendered, Path built) throws IOException {
        Set<String> freshIds = fresh.stream().map(ResolvedSite::id).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> kept = loaded.allIds().stream().filter(id -> !freshIds.contains(id)).toList();
        Path staging = options.workDir().resolve("publish");
        MergedTree.assemble(staging, built, freshIds, options.outputDir(), kept, Set.of("assets"), id -> id);
        List<StagedPage> rootPages = new IndexComposer(loaded.allIds(), fresh, titles, keptIndexEntries(kept), messages).compose();
        Problems rootProblems = new Problems();
        new JBakeRenderer(options.workDir(), options.themeDir().resolve("templates")).render(rootPages, staging, rootProblems);
        new HtmlChecks(staging, rootProblems).check(rootPages);
        if (rootProblems.hasErrors()) {
            return rootProblems.all();
        }
        Path manifests = options.workDir().resolve("manifests");
        FileTrees.deleteRecursively(manifests);
        for (Map.Entry<String, FormsSchoolContext> school : forms.entrySet()) {
            if (freshIds.contains(school.getKey())) {
                List<RenderedForm> own = rendered.stream().filter(r -> r.school().equals(school.getKey())).toList();
                FormsManifestWriter.write(manifests, school.getKey(), school.getValue(), own);
            }
        }
        Path mergedManifests = options.workDir().resolve("publish-manifests");
        MergedTree.assemble(mergedManifests, manifests, freshIds, options.manifestsDir(), kept, Set.of(), id -> id + ".json");
        AtomicPublisher.publish(staging, options.outputDir());
        AtomicPublisher.publish(mergedManifests, options.manifestsDir());
        return List.of();
    }

    /** The previous root index's entry of each kept site, so that it stays listed as it was published. */
    private Map<String, String> keptIndexEntries(List<String> kept) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        Path index = options.outputDir().resolve("index.html");
        if (!Files.isRegularFile(index)) {
            return entries;
        }
        for (Element school : Jsoup.parse(Files.readString(index)).select("li.school")) {
            Element link = school.selectFirst("a[href]");
            String id = link == null ? "" : link.attr("href").replaceFirst("/.*", "");
            if (kept.contains(id) && Files.isDirectory(options.outputDir().resolve(id))) {
                entries.put(id, school.outerHtml());
            }
        }
        return entries;
    }

    /**
     * Renders the pages into {@code built}. With a cache (preview), only pages whose render key
     * changed since the last published build are converted; the others are copied from the
     * published site, and their forms are taken from the cache.
     */
    private List<RenderedForm> render(List<StagedPage> pages, Map<String, FormsSchoolContext> forms, Path built,
                                      RenderKeys keys, Problems problems) throws IOException {
        FileTrees.deleteRecursively(built);
        Set<String> rendering = cache.map(c -> c.changed(pages, keys::of)).orElse(pages).stream()
                .map(StagedPage::url).collect(Collectors.toCollection(java.util.HashSet::new));
        // By URL: comparing whole pages (documents and origins) made this quadratic in the page count.
        pages.stream().filter(page -> !Files.isRegularFile(options.outputDir().resolve(page.outputPath() + ".html")))
                .forEach(page -> rendering.add(page.url()));
        List<StagedPage> toRender = pages.stream().filter(page -> rendering.contains(page.url())).toList();
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

    /**
     * Stage 5b: spelling and terms of the sources (warnings; errors under {@code --strict}), counted
     * for the report; the dictionaries' answers are kept in the work folder between builds.
     * {@code -Dpolisi.proof=false} leaves the stage out, only so that docs/benchmarks.md can measure its cost.
     */
    private Proofing proofing() {
        return new Proofing(options.contentDir(), options.themeDir().resolve("i18n"), options.workDir());
    }

    /** The theme's assets for the root, and each site's images (its template's, then its own) once per site. */
    private void copyAssets(List<ResolvedSite> sites, Path built) throws IOException {
        FileTrees.copy(options.themeDir().resolve("assets"), built.resolve("assets"));
        for (ResolvedSite site : sites) {
            for (Path dir : foldersOf(site)) {
                Path assets = dir.resolve(ContentLoader.ASSETS);
                if (Files.isDirectory(assets)) {
                    FileTrees.copy(assets, built.resolve(site.id()).resolve(ContentLoader.ASSETS));
                }
            }
        }
    }

    /** What content loading and fork resolution give: the sites to build and every site id content holds. */
    private record Loaded(List<ResolvedSite> sites, List<String> allIds) {
    }

    private Loaded resolve(Problems problems) {
        Problems loading = new Problems();
        ContentTree tree = ContentLoader.load(options.contentDir(), loading);
        List<ResolvedSite> sites = new ArrayList<>();
        List<String> allIds = new ArrayList<>();
        for (SiteSource school : tree.schools().values()) {
            allIds.add(school.id());
            if (options.schools().isEmpty() || options.schools().contains(school.id())) {
                Optional<SiteSource> template = school.settings().adopts().flatMap(tree::cluster);
                sites.add(ForkResolver.resolve(school, template, problems));
            }
        }
        allIds.addAll(tree.unreadable().stream().filter(id -> !tree.clusters().containsKey(id)).toList());
        for (SiteSource cluster : tree.clusters().values()) {
            String previewId = cluster.id() + TEMPLATE_PREVIEW_SUFFIX;
            allIds.add(previewId);
            if (options.schools().isEmpty() || options.schools().contains(previewId)) {
                sites.add(ForkResolver.resolve(asPreview(cluster, previewId), Optional.empty(), problems));
            }
        }
        // Loading reads every school; report only what concerns the sites being built, and what
        // concerns no site (a folder with a bad name, an unreadable settings file).
        List<Path> others = new ArrayList<>();
        tree.schools().values().forEach(s -> others.add(s.dir()));
        tree.clusters().values().forEach(c -> others.add(c.dir()));
        sites.forEach(site -> others.removeAll(foldersOf(site)));
        loading.all().stream()
                .filter(p -> p.file() == null || others.stream().noneMatch(dir -> p.file().toAbsolutePath().startsWith(dir.toAbsolutePath())))
                .filter(p -> options.schools().isEmpty() || p.file() == null
                        || sites.stream().anyMatch(site -> foldersOf(site).stream().anyMatch(dir -> p.file().toAbsolutePath().startsWith(dir.toAbsolutePath())))
                        || options.schools().stream().anyMatch(id -> p.file().toAbsolutePath().startsWith(
                                options.contentDir().resolve("schools").resolve(id).toAbsolutePath())))
                .forEach(problems::add);
        for (String wanted : options.schools()) {
            if (sites.stream().noneMatch(s -> s.id().equals(wanted)) && !tree.unreadable().contains(wanted)) {
                problems.error("unknown-school", options.contentDir().resolve("schools").resolve(wanted), 0,
                        "no school '" + wanted + "' in content/schools");
            }
        }
        return new Loaded(sites, List.copyOf(new LinkedHashSet<>(allIds)));
    }

    /** The folders a site is made of: its template's and its own. */
    private static List<Path> foldersOf(ResolvedSite site) {
        List<Path> dirs = new ArrayList<>();
        site.template().ifPresent(t -> dirs.add(t.dir()));
        dirs.add(site.source().dir());
        return dirs;
    }

    private static SiteSource asPreview(SiteSource cluster, String previewId) {
        return new SiteSource(SiteSource.Kind.CLUSTER, cluster.settings().withId(previewId), cluster.dir(),
                cluster.pagesByLanguage(), cluster.formsDir());
    }

    private static Map<String, List<TranslationState>> pair(List<ResolvedSite> sites, Problems problems) {
        Map<String, List<TranslationState>> states = new LinkedHashMap<>();
        sites.forEach(site -> states.put(site.id(), TranslationPairer.pair(site, problems)));
        return states;
    }

    /** Each site's items to confirm; each placeholder address among them is also a warning where it is written. */
    private static Map<String, List<ToConfirm>> toConfirm(List<ResolvedSite> sites, Problems problems) {
        Map<String, List<ToConfirm>> items = new LinkedHashMap<>();
        Set<String> warned = new java.util.HashSet<>();
        for (ResolvedSite site : sites) {
            List<ToConfirm> own = ToConfirmList.of(site);
            items.put(site.id(), own);
            own.stream().filter(item -> item.source().equals(PlaceholderAddresses.SOURCE))
                    .filter(item -> warned.add(item.file() + ":" + item.line() + item.what()))
                    .forEach(item -> problems.warning("placeholder", item.file(), item.line(),
                            item.what() + " would be published as if it were real: " + item.why()));
        }
        return items;
    }

    /** {@code --strict}: every warning an error. */
    private List<Problem> strictly(List<Problem> problems) {
        return options.strict() ? problems.stream().map(Problem::asError).toList() : problems;
    }

    /** The interface text of every language the theme has (the root index speaks all of them). */
    private Map<String, Messages> messages() throws IOException {
        Path i18n = options.themeDir().resolve("i18n");
        Map<String, Messages> messages = new LinkedHashMap<>();
        messages.put("en", Messages.load(i18n, "en"));
        try (Stream<Path> files = Files.list(i18n)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("site_[a-z]{2,3}\\.properties")).sorted()
                    .map(n -> n.substring("site_".length(), n.length() - ".properties".length()))
                    .forEach(language -> messages.computeIfAbsent(language, l -> Messages.load(i18n, l)));
        }
        return messages;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
