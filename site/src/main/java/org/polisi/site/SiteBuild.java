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
        RenderStage render = new RenderStage(options, cache, progress);
        boolean jrubyStarting = render.prepare();         // JRuby starts while the content is read
        Problems problems = new Problems();
        SiteCatalog catalog = CatalogStage.load(options, problems);
        Proofing proofing = Proofing.of(options, tools.dictionaries());
        proofing.preload(catalog.sites());     // a dictionary with no kept answers is read from now on
        // Proofing and the PDF warm-up, which the build joins only later, go where a core is idle
        // (ADR 0069): while JRuby starts, this thread and JRuby's keep both cores busy until compose
        // ends, and from then this thread waits for JRuby; without JRuby starting, at once.
        Proofing.Started proof = jrubyStarting ? null : startAlongside(proofing, catalog);
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
        clock.lap("load+resolve+compose");
        if (proof == null) {
            proof = startAlongside(proofing, catalog);
        }
        RenderedSite rendered = render.render(catalog, composed, problems);
        clock.lap("render");
        PolicyPdfs.Started pdfs = new PolicyPdfs(options.workDir(), tools.pdfWriter(), messages, progress)
                .start(catalog.sites(), rendered.built());
        HtmlChecks checks = new HtmlChecks(rendered.built(), problems, messages).remembering(cache, rendered.keys());
        checks.check(composed.pages());
        clock.lap("check");
        ProofResult proofed = proof.join(problems);
        clock.lap("proof");
        pdfs.join(problems);
        clock.lap("pdf");
        Verdict verdict = new Verdict(options.strict(), catalog.folders()).add(problems.all());
        List<ResolvedSite> fresh = new AgreedTextArchive(options.agreedTextsDir())
                .archivePublishable(verdict, catalog.sites(), rendered, composed.forms(), options.today());
        clock.lap("archive");
        new PageHistory(options.contentDir(), options.workDir(), messages, progress).write(fresh, rendered.built());
        Set<String> published = new PublishStage(options, cache)
                .publish(catalog.allIds(), fresh, messages, checks.titles(), composed, rendered, verdict);
        clock.lap("publish");
        clock.report(progress);
        return BuildResult.built(catalog, verdict.problems(), composed.pages().size(), published, toConfirm, clock.seconds(), proofed);
    }

    /**
     * Starts proofing on its own thread and, once it has ended, the PDF warm-up: one after the
     * other, so that the two take one core between them (ADR 0069).
     */
    private Proofing.Started startAlongside(Proofing proofing, SiteCatalog catalog) {
        Proofing.Started proof = proofing.start(catalog.sites(), progress);
        proof.then(() -> PolicyPdfs.prepare(tools.pdfWriter(), options.workDir(), List.of(options.contentDir(), options.themeDir())));
        return proof;
    }
}
