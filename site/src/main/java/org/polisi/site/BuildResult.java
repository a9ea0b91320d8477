package org.polisi.site;

import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problem;
import org.polisi.site.proof.ProofResult;
import org.polisi.site.translation.TranslationState;

import java.util.List;
import java.util.Map;

/**
 * What a build did: the sites it resolved, their translation states, every problem, whether it
 * published, and what proofing counted per school and language.
 */
public record BuildResult(List<ResolvedSite> sites, Map<String, List<TranslationState>> translations,
                          List<Problem> problems, int pages, boolean published, double seconds, ProofResult proofing) {

    /** A build that did not proof (its {@link #proofing()} is {@link ProofResult#NONE}). */
    public BuildResult(List<ResolvedSite> sites, Map<String, List<TranslationState>> translations,
                       List<Problem> problems, int pages, boolean published, double seconds) {
        this(sites, translations, problems, pages, published, seconds, ProofResult.NONE);
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }
}
