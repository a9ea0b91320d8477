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
                          Map<String, List<ToConfirm>> toConfirm, double seconds, ProofResult proofing, Kept kept) {

    /**
     * The sites a build kept as published without building them (docs/adr/0067-per-school-builds.md):
     * not among {@link #sites()}, but among the counts, {@link #publishedSites()} or {@link #heldBack()},
     * {@link #problems()}, {@link #pages()} and {@link #toConfirm()} as a cold build has them.
     */
    public record Kept(List<String> ids, Set<String> languages) {
        public static final Kept NONE = new Kept(List.of(), Set.of());

        public Kept {
            ids = List.copyOf(ids);
            languages = Set.copyOf(languages);
        }
    }

    /** A build that kept no site unbuilt. */
    public BuildResult(List<ResolvedSite> sites, Map<String, List<TranslationState>> translations,
                       List<Problem> problems, int pages, Set<String> publishedSites, Set<String> heldBack,
                       Map<String, List<ToConfirm>> toConfirm, double seconds, ProofResult proofing) {
        this(sites, translations, problems, pages, publishedSites, heldBack, toConfirm, seconds, proofing, Kept.NONE);
    }

    /** How many sites the build covered: built, kept, or held back unbuilt (settings it could not read). */
    public int siteCount() {
        Set<String> ids = new java.util.HashSet<>(kept.ids());
        sites.forEach(site -> ids.add(site.id()));
        ids.addAll(heldBack);
        return ids.size();
    }

    /** How many languages its sites have, built or kept. */
    public long languageCount() {
        Set<String> languages = new java.util.HashSet<>(kept.languages());
        sites.forEach(site -> languages.addAll(site.languages()));
        return languages.size();
    }

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
        return built(catalog, problems, pages, published, toConfirm, seconds, proofed, Kept.NONE);
    }

    /** The same, with the sites {@code kept} as published unbuilt among those held back when not published (in the catalogue's order). */
    static BuildResult built(SiteCatalog catalog, List<Problem> problems, int pages, Set<String> published,
                             Map<String, List<ToConfirm>> toConfirm, double seconds, ProofResult proofed, Kept kept) {
        Set<String> covered = new java.util.HashSet<>(kept.ids());
        catalog.sites().forEach(site -> covered.add(site.id()));
        covered.addAll(catalog.unreadable());     // a school whose settings cannot be read is held back, not forgotten
        Set<String> heldBack = new LinkedHashSet<>(catalog.allIds().stream().filter(covered::contains).toList());
        heldBack.removeAll(published);
        return new BuildResult(catalog.sites(), catalog.translations(), problems, pages, published, heldBack, toConfirm,
                seconds, proofed, kept);
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
