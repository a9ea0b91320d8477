package org.polisi.site;

import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problem;
import org.polisi.site.translation.TranslationState;

import java.util.List;
import java.util.Map;

/** What a build did: the sites it resolved, their translation states, every problem, and whether it published. */
public record BuildResult(List<ResolvedSite> sites, Map<String, List<TranslationState>> translations,
                          List<Problem> problems, int pages, boolean published, double seconds) {

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }
}
