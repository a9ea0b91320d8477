package org.polisi.site;

import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.confirm.ToConfirm;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problem;
import org.polisi.site.proof.ProofResult;
import org.polisi.site.translation.TranslationState;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a build did: the sites it resolved, their translation states, every problem (after
 * {@code --strict} made warnings errors), which sites it published ({@code publishedSites}) and
 * which it held back on their last good output because of an error ({@code heldBack}), what
 * each site must still confirm with the school, and what proofing counted per school and language.
 */
public record BuildResult(List<ResolvedSite> sites, Map<String, List<TranslationState>> translations,
                          List<Problem> problems, int pages, Set<String> publishedSites, Set<String> heldBack,
                          Map<String, List<ToConfirm>> toConfirm, double seconds, ProofResult proofing) {

    /** A build that did not proof (its {@link #proofing()} is {@link ProofResult#NONE}). */
    public BuildResult(List<ResolvedSite> sites, Map<String, List<TranslationState>> translations,
                       List<Problem> problems, int pages, Set<String> publishedSites, Set<String> heldBack,
                       Map<String, List<ToConfirm>> toConfirm, double seconds) {
        this(sites, translations, problems, pages, publishedSites, heldBack, toConfirm, seconds, ProofResult.NONE);
    }

    /**
     * What a build of {@code catalog} did: every site it did not publish was held back.
     *
     * @param problems every problem, as the verdict holds them
     * @param seconds  how long the build took, wall-clock
     */
    static BuildResult built(SiteCatalog catalog, List<Problem> problems, int pages, Set<String> published,
                             Map<String, List<ToConfirm>> toConfirm, double seconds, ProofResult proofed) {
        Set<String> heldBack = new LinkedHashSet<>(catalog.sites().stream().map(ResolvedSite::id).toList());
        heldBack.removeAll(published);
        return new BuildResult(catalog.sites(), catalog.translations(), problems, pages, published, heldBack, toConfirm,
                seconds, proofed);
    }

    /** What resolving {@code catalog} without rendering found ({@code ./polisi report}): nothing published, nothing held back. */
    static BuildResult resolved(SiteCatalog catalog, List<Problem> problems, Map<String, List<ToConfirm>> toConfirm,
                                ProofResult proofed) {
        return new BuildResult(catalog.sites(), catalog.translations(), problems, 0, Set.of(), Set.of(), toConfirm, 0, proofed);
    }

    /** Whether everything asked for was published: no site was held back and nothing stopped the build. */
    public boolean published() {
        return heldBack.isEmpty() && errors().isEmpty();
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }
}
