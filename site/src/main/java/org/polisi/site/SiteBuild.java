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
import org.polisi.site.pdf.PolicyPdfs;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;
import org.polisi.site.problem.Verdict;
import org.polisi.site.proof.ProofResult;
import org.polisi.site.proof.Proofing;
import org.polisi.site.publish.PublishStage;
import org.polisi.site.render.RenderCache;
import org.polisi.site.render.RenderStage;
import org.polisi.site.render.RenderedSite;
import org.polisi.site.theme.Messages;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one orchestrator, the build's stages in order: load and resolve the content into a
 * {@link SiteCatalog} → compose pages ({@link ComposedSite}) → render them ({@link RenderedSite})
 * → check the HTML (with the sources' proofing and the policies' PDFs on threads of their own) → archive the texts the forms agree to → list each
 * policy's updates from git → publish. Each stage is a package and takes and returns named values;
 * this class only calls them and decides what is published: every site whose files hold no error,
 * next to the last good output of the others. {@code --strict} makes every warning an error.
 */
public final class SiteBuild {
    /** Cluster templates are baked as their own preview site under this suffix. */
    public static final String TEMPLATE_PREVIEW_SUFFIX = CatalogStage.TEMPLATE_PREVIEW_SUFFIX;
    /** {@code -Dpolisi.proof=false} leaves proofing out, only so that docs/benchmarks.md can measure its cost. */
    private static final boolean PROOF = !"false".equals(System.getProperty("polisi.proof"));

    private final BuildOptions options;
    private final BuildProgress progress;
    private final RenderCache cache;

    /** A build that converts every page and keeps nothing for the next ({@code --no-cache}, most tests). */
    public SiteBuild(BuildOptions options, BuildProgress progress) {
        this(options, progress, Optional.empty());
    }

    /** A build that converts only the pages {@code cache} does not hold, and stores them there (docs/adr/0055). */
    public SiteBuild(BuildOptions options, BuildProgress progress, Optional<RenderCache> cache) {
        this.options = options;
        this.progress = progress;
        this.cache = cache.orElseGet(RenderCache::disabled);
    }

    /** Resolves and checks content without rendering: what {@code ./polisi report} needs. */
    public BuildResult resolveOnly() {
        Problems problems = new Problems();
        SiteCatalog catalog = CatalogStage.load(options, problems);
        ProofResult proofed = PROOF ? proofing().run(catalog.sites(), problems) : ProofResult.NONE;
        Verdict verdict = new Verdict(options.strict(), catalog.folders());
        verdict.add(problems.all());
        return new BuildResult(catalog.sites(), catalog.translations(), verdict.problems(), 0, Set.of(), Set.of(),
                ToConfirmList.bySite(catalog, new Problems()), 0, proofed);
    }

    public BuildResult run() throws IOException {
        StageClock clock = new StageClock();
        RenderStage render = new RenderStage(options, cache, progress);
        render.prepare();
        PolicyPdfs.prepare(options.workDir(), List.of(options.contentDir(), options.themeDir()));     // the PDF machinery, while the pages convert
        Problems problems = new Problems();
        SiteCatalog catalog = CatalogStage.load(options, problems);
        Proofing.Started proof = PROOF ? proofing().start(catalog.sites()) : Proofing.Started.NONE;   // alongside render and check
        Map<String, List<ToConfirm>> toConfirm = ToConfirmList.bySite(catalog, problems);
        if (options.release() && ToConfirmList.refuseRelease(toConfirm, problems)) {
            proof.join(new Problems());     // it writes its answers to the work folder: not after the build has returned
            return result(catalog, new Verdict(options.strict(), Map.of()), problems, 0, Set.of(), toConfirm, clock, ProofResult.NONE);
        }
        Map<String, Messages> messages = Messages.everyLanguage(options.themeDir().resolve("i18n"));
        ComposedSite composed = ComposeStage.compose(catalog, messages, options.today(), problems, progress);
        clock.lap("load+resolve+compose");
        RenderedSite rendered = render.render(catalog, composed, problems);
        clock.lap("render");
        PolicyPdfs.Started pdfs = new PolicyPdfs(options.workDir(), messages, progress).start(catalog.sites(), rendered.built());
        HtmlChecks checks = new HtmlChecks(rendered.built(), problems, messages);
        checks.check(composed.pages());
        clock.lap("check");
        ProofResult proofed = proof.join(problems);
        progress.timed("proof: ran", proof.seconds(), String.format("alongside render and check; %.2f s CPU", proof.cpuSeconds()));
        clock.lap("proof");
        pdfs.join(problems);
        clock.lap("pdf");

        Verdict verdict = new Verdict(options.strict(), catalog.folders());
        verdict.add(problems.all());
        // Before the manifests: the server must never see a form version whose text is not archived.
        List<ResolvedSite> clean = verdict.publishable(catalog.sites(), ResolvedSite::id);
        Problems archiving = new Problems();
        new AgreedTextArchive(options.agreedTextsDir())
                .archive(rendered.formsOf(clean), rendered.built(), clean, composed.forms(), options.today(), archiving);
        verdict.add(archiving.all());
        List<ResolvedSite> fresh = verdict.publishable(clean, ResolvedSite::id);
        clock.lap("archive");

        Set<String> published = new LinkedHashSet<>();
        if (!fresh.isEmpty()) {
            new PageHistory(options.contentDir(), options.workDir(), messages, progress).write(fresh, rendered.built());
            List<Problem> rootProblems = new PublishStage(options, cache).publish(catalog.allIds(), fresh, messages,
                    checks.titles(), composed, rendered);
            if (rootProblems.isEmpty()) {
                fresh.forEach(site -> published.add(site.id()));
            }
            verdict.addUnblamed(rootProblems);
        }
        clock.lap("publish");
        clock.report(progress);
        return result(catalog, verdict, new Problems(), composed.pages().size(), published, toConfirm, clock, proofed);
    }

    /** What the build did; {@code late} are problems not yet in the verdict (a refused {@code --release}). */
    private BuildResult result(SiteCatalog catalog, Verdict verdict, Problems late, int pages, Set<String> published,
                               Map<String, List<ToConfirm>> toConfirm, StageClock clock, ProofResult proofed) {
        verdict.add(late.all());
        Set<String> notPublished = new LinkedHashSet<>(catalog.sites().stream().map(ResolvedSite::id).toList());
        notPublished.removeAll(published);
        return new BuildResult(catalog.sites(), catalog.translations(), verdict.problems(), pages, published,
                notPublished, toConfirm, clock.seconds(), proofed);
    }

    /**
     * Stage 5b: spelling and terms of the sources (warnings; errors under {@code --strict}), counted
     * for the report; the dictionaries' answers are kept in the work folder between builds.
     */
    private Proofing proofing() {
        return new Proofing(options.contentDir(), options.themeDir().resolve("i18n"), options.workDir());
    }
}
