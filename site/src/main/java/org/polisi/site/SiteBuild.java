package org.polisi.site;

import org.polisi.site.archive.AgreedTextArchive;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.check.HtmlChecks;
import org.polisi.site.compose.ComposeStage;
import org.polisi.site.compose.ComposedSite;
import org.polisi.site.confirm.ToConfirm;
import org.polisi.site.confirm.ToConfirmList;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.history.PageHistory;
import org.polisi.site.history.UnnotedChanges;
import org.polisi.site.pdf.PolicyPdfs;
import org.polisi.site.problem.Problems;
import org.polisi.site.problem.Verdict;
import org.polisi.site.proof.ProofResult;
import org.polisi.site.proof.Proofing;
import org.polisi.site.publish.PublishStage;
import org.polisi.site.render.RenderCache;
import org.polisi.site.render.RenderStage;
import org.polisi.site.render.RenderedSite;
import org.polisi.site.theme.Messages;

import org.polisi.site.compose.IndexComposer;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.ReportOrder;
import org.polisi.site.uptodate.SiteRecord;
import org.polisi.site.uptodate.SiteRecords;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one orchestrator: the build's stages in order, each taking and returning a named value.
 * {@link SiteCatalog} → {@link ComposedSite} → {@link RenderedSite} → HTML checks, with proofing
 * and the policies' PDFs on threads of their own → {@link Verdict} → archive of agreed texts →
 * history → publish. Every site whose files hold no error is published, next to the last good
 * output of the others; {@code --strict} makes every warning an error (docs/adr/0040).
 */
public final class SiteBuild {
    /** Cluster templates are baked as their own preview site under this suffix. */
    public static final String TEMPLATE_PREVIEW_SUFFIX = CatalogStage.TEMPLATE_PREVIEW_SUFFIX;

    private final BuildOptions options;
    private final BuildProgress progress;
    private final RenderCache cache;
    private final BuildTools tools;
    /** The per-site records this build keeps unchanged sites by, and writes for the next (docs/adr/0067). */
    private Optional<SiteRecords> records = Optional.empty();

    /** A build that converts every page and keeps nothing for the next ({@code --no-cache}, most tests). */
    public SiteBuild(BuildOptions options, BuildProgress progress) {
        this(options, progress, Optional.empty(), new BuildTools());
    }

    /** A build that converts only the pages {@code cache} does not hold, and stores them there (docs/adr/0055). */
    public SiteBuild(BuildOptions options, BuildProgress progress, Optional<RenderCache> cache) {
        this(options, progress, cache, new BuildTools());
    }

    /** A build through {@code cache} with the dictionaries and fonts of {@code tools}, which a preview lends each rebuild. */
    public SiteBuild(BuildOptions options, BuildProgress progress, Optional<RenderCache> cache, BuildTools tools) {
        this.options = options;
        this.progress = progress;
        this.cache = cache.orElseGet(RenderCache::disabled);
        this.tools = tools;
    }

    /**
     * Keeps every site whose inputs and published output are as the last build left them (as
     * {@code cacheDir}'s {@link SiteRecords} say) without loading, composing, rendering, checking or
     * publishing it again, and records each published site for the next build
     * (docs/adr/0067-per-school-builds.md). What is reported equals a cold build's report.
     *
     * @return this
     */
    public SiteBuild keepingUnchangedSites(Path cacheDir) {
        this.records = SiteRecords.before(cacheDir, options);
        return this;
    }

    /** Resolves and proofs the content without rendering: what {@code ./polisi report} needs. */
    public BuildResult resolveOnly() {
        Problems problems = new Problems();
        SiteCatalog catalog = CatalogStage.load(options, problems);
        ProofResult proofed = Proofing.of(options, tools.dictionaries()).run(catalog.sites(), problems);
        Verdict verdict = new Verdict(options.strict(), catalog.folders()).add(problems.all());
        return BuildResult.resolved(catalog, verdict.problems(), ToConfirmList.bySite(catalog, new Problems()), proofed);
    }

    public BuildResult run() throws IOException {
        StageClock clock = new StageClock();
        Map<String, SiteRecord> unchanged = records.map(SiteRecords::unchanged).orElse(Map.of());
        if (!unchanged.isEmpty()) {
            progress.line("  " + Counted.of(unchanged.size(), "site", "sites") + " unchanged since the last build: kept as published, not built again");
        }
        RenderStage render = new RenderStage(options, cache, progress);
        boolean jrubyStarting = render.prepare();         // JRuby starts while the content is read
        Problems problems = new Problems();
        SiteCatalog catalog = CatalogStage.load(options, problems, unchanged.keySet());
        Proofing proofing = Proofing.of(options, tools.dictionaries());
        proofing.preload(catalog.sites());     // a dictionary with no kept answers is read from now on
        // Proofing and the PDF warm-up, which the build joins only later, go where a core is idle
        // (ADR 0069): while JRuby starts, this thread and JRuby's keep both cores busy until compose
        // ends, and from then this thread waits for JRuby; without JRuby starting, at once.
        Proofing.Started proof = jrubyStarting ? null : startAlongside(proofing, catalog, render);
        Map<String, List<ToConfirm>> toConfirm = ToConfirmList.bySite(catalog, problems);
        if (options.release() && ToConfirmList.refuseRelease(toConfirm, problems)) {
            if (proof != null) {
                proof.join(new Problems());     // it writes its answers to the work folder: not after the build has returned
            }
            Verdict refused = new Verdict(options.strict(), Map.of()).add(problems.all());
            return BuildResult.built(catalog, refused.problems(), 0, Set.of(), toConfirm, clock.seconds(), ProofResult.NONE);
        }
        Map<String, Messages> messages = Messages.everyLanguage(options.themeDir().resolve("i18n"));
        ComposedSite composed = ComposeStage.compose(catalog, messages, options.today(), problems, progress);
        UnnotedChanges.check(options.contentDir(), catalog.sites(), messages, problems);     // a change the history could not describe
        clock.lap("load+resolve+compose");
        if (proof == null) {
            proof = startAlongside(proofing, catalog, render);
        }
        RenderedSite rendered = render.render(catalog, composed, problems);
        clock.lap("render");
        PolicyPdfs.Started pdfs = new PolicyPdfs(options.workDir(), tools.pdfWriter(), messages, progress)
                .start(catalog.sites(), rendered.built());
        // The page history runs beside the checks and PDFs, and is published only for the sites the verdict lets through (ADR 0096).
        PageHistory.Started history = new PageHistory(options.contentDir(), options.workDir(), messages, progress)
                .start(catalog.sites(), rendered.built());
        Map<String, List<String>> keptPages = new LinkedHashMap<>();
        unchanged.values().forEach(site -> keptPages.putAll(site.pageIds()));
        HtmlChecks checks = new HtmlChecks(rendered.built(), problems, messages).remembering(cache, rendered.keys())
                .linkingInto(unchanged.keySet(), keptPages, options.outputDir());
        checks.check(composed.pages());
        clock.lap("check");
        ProofResult proofed = proof.join(problems);
        clock.lap("proof");
        pdfs.join(problems);
        clock.lap("pdf");
        Map<String, List<Path>> folders = new LinkedHashMap<>(catalog.folders());
        unchanged.values().forEach(site -> folders.put(site.id(), site.folders()));
        Verdict verdict = new Verdict(options.strict(), folders).add(problems.all());
        unchanged.values().forEach(site -> verdict.addUnblamed(site.problems()));
        List<ResolvedSite> fresh = new AgreedTextArchive(options.agreedTextsDir())
                .archivePublishable(verdict, catalog.sites(), rendered, composed.forms(), options.today());
        clock.lap("archive");
        history.finish(fresh);
        Map<String, String> keptEntries = new LinkedHashMap<>();
        verdict.publishable(List.copyOf(unchanged.values()), SiteRecord::id).forEach(site -> keptEntries.put(site.id(), site.indexEntry()));
        Set<String> published = new PublishStage(options, cache)
                .publish(catalog.allIds(), fresh, keptEntries, messages, checks.titles(), composed, rendered, verdict);
        render.finish();
        clock.lap("publish");
        clock.report(progress);
        List<Path> ownDirs = new ArrayList<>();
        Map<String, Path> ownDirById = new LinkedHashMap<>();
        Map<String, ResolvedSite> built = new LinkedHashMap<>();
        catalog.sites().forEach(site -> built.put(site.id(), site));
        for (String id : catalog.allIds()) {
            Path own = built.containsKey(id) ? built.get(id).source().dir() : unchanged.containsKey(id) ? unchanged.get(id).ownDir() : null;
            if (own != null) {
                ownDirs.add(own);
                ownDirById.put(id, own);
            }
        }
        List<Problem> reported = ReportOrder.sorted(verdict.problems(), ownDirs);
        Map<String, List<ToConfirm>> allToConfirm = new LinkedHashMap<>();
        for (String id : catalog.allIds()) {
            if (toConfirm.containsKey(id)) {
                allToConfirm.put(id, toConfirm.get(id));
            } else if (unchanged.containsKey(id)) {
                allToConfirm.put(id, unchanged.get(id).toConfirm());
            }
        }
        int pages = composed.pages().size() + unchanged.values().stream().mapToInt(SiteRecord::pages).sum();
        Set<String> keptLanguages = new java.util.TreeSet<>();
        unchanged.values().forEach(site -> keptLanguages.addAll(site.languages()));
        BuildResult.Kept kept = new BuildResult.Kept(List.copyOf(unchanged.keySet()), keptLanguages);
        if (records.isPresent()) {
            recordSites(catalog, composed, checks, messages, published, reported, allToConfirm, unchanged, folders, ownDirById);
        }
        return BuildResult.built(catalog, reported, pages, published, allToConfirm, clock.seconds(), proofed, kept);
    }

    /**
     * Records each published site for the next build, when every problem of this one lies in the
     * own folder of one site (so each site's findings are its own and can be reported again alone);
     * otherwise records none, and the next build builds every site.
     */
    private void recordSites(SiteCatalog catalog, ComposedSite composed, HtmlChecks checks, Map<String, Messages> messages,
                             Set<String> published, List<Problem> reported, Map<String, List<ToConfirm>> toConfirm,
                             Map<String, SiteRecord> unchanged, Map<String, List<Path>> folders, Map<String, Path> ownDirs) {
        SiteRecords store = records.get();
        if (!ReportOrder.eachInOneSite(reported, folders, ownDirs)) {
            store.record(List.of());
            return;
        }
        List<Path> dirs = absolute(List.copyOf(ownDirs.values()));
        List<String> ids = List.copyOf(ownDirs.keySet());
        // Each problem, page and page's ids sorted by site once: a per-site scan of every page was
        // quadratic in the cluster's size (101 sites x 4,242 pages).
        Map<String, List<Problem>> ownProblems = new LinkedHashMap<>();
        for (Problem problem : reported) {
            int owner = ReportOrder.owner(problem, dirs);
            if (owner >= 0) {
                ownProblems.computeIfAbsent(ids.get(owner), id -> new ArrayList<>()).add(problem);
            }
        }
        Map<String, Map<String, List<String>>> idsBySite = new LinkedHashMap<>();
        checks.pageIds().forEach((url, list) -> {
            int slash = url.indexOf('/', 1);
            if (url.startsWith("/") && slash > 1) {
                idsBySite.computeIfAbsent(url.substring(1, slash), id -> new LinkedHashMap<>()).put(url, list);
            }
        });
        Map<String, Integer> pagesBySite = new LinkedHashMap<>();
        composed.pages().forEach(page -> pagesBySite.merge(page.site(), 1, Integer::sum));
        Map<String, ResolvedSite> sites = new LinkedHashMap<>();
        catalog.sites().forEach(site -> sites.putIfAbsent(site.id(), site));
        Map<String, Set<String>> leaving = checks.linksLeaving();
        IndexComposer index = new IndexComposer(catalog.allIds(), catalog.sites(), checks.titles(), Map.of(), messages);
        List<SiteRecord> next = new ArrayList<>();
        for (String id : catalog.allIds()) {
            if (!published.contains(id)) {
                continue;
            }
            if (unchanged.containsKey(id)) {
                next.add(unchanged.get(id));
                continue;
            }
            ResolvedSite site = sites.get(id);
            Optional<String> inputs = records.get().inputsOf(id);
            if (site == null || inputs.isEmpty()) {
                continue;
            }
            next.add(new SiteRecord(id, inputs.get(), "", site.source().dir(), SiteCatalog.foldersOf(site), pagesBySite.getOrDefault(id, 0),
                    site.languages(), ownProblems.getOrDefault(id, List.of()), toConfirm.getOrDefault(id, List.of()), index.entry(site),
                    idsBySite.getOrDefault(id, Map.of()), List.copyOf(leaving.getOrDefault(id, Set.of()))));
        }
        store.record(next);
    }

    private static List<Path> absolute(List<Path> dirs) {
        return dirs.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
    }

    /**
     * Starts proofing on its own thread and, once it has ended, the PDF warm-up: one after the
     * other, so that the two take one core between them (ADR 0069).
     */
    private Proofing.Started startAlongside(Proofing proofing, SiteCatalog catalog, RenderStage render) {
        Proofing.Started proof = proofing.start(catalog.sites(), progress);
        proof.then(() -> PolicyPdfs.prepare(tools.pdfWriter(), options.workDir(), List.of(options.contentDir(), options.themeDir()),
                render::startingUp));
        return proof;
    }
}
