package org.polisi.site.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The build's running verdict: every problem found so far ({@code --strict} made each warning an
 * error as it was added) and the sites they hold back, by {@link Blame}. A stage that may stop
 * sites adds its problems; a later stage asks which sites are still {@linkplain #publishable publishable}.
 */
public final class Verdict {
    private final boolean strict;
    private final Map<String, ? extends Collection<Path>> folders;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> heldBack = new LinkedHashSet<>();
    /** What makes two problems the same problem, for those already added. */
    private final Set<List<Object>> reported = new java.util.HashSet<>();

    /**
     * @param strict  {@code --strict}: every warning is an error
     * @param folders the folders each site is made of, by site id
     */
    public Verdict(boolean strict, Map<String, ? extends Collection<Path>> folders) {
        this.strict = strict;
        this.folders = folders;
    }

    /** Adds problems that hold back the sites whose files they are in; returns this verdict. */
    public Verdict add(List<Problem> found) {
        List<Problem> added = strictly(found).stream().filter(problem -> reported.add(sameness(problem))).toList();
        problems.addAll(added);
        heldBack.addAll(Blame.sitesStoppedBy(added, folders));
        return this;
    }

    /** The page's address at the end of a message ("... (/school/en/page.html)"): one problem in a shared file shows on many pages. */
    private static final java.util.regex.Pattern PAGE_SUFFIX = java.util.regex.Pattern.compile(" \\(/[^()]*\\.html\\)$");

    /**
     * A problem is reported once: the same code and message at the same file, line and column is
     * one problem, whichever page showed it (a template's line in every adopting school's page and
     * in the template's preview, a title in the page and in the index).
     */
    private static List<Object> sameness(Problem problem) {
        return java.util.Arrays.asList(problem.severity(), problem.code(), problem.file(), problem.line(), problem.column(),
                PAGE_SUFFIX.matcher(problem.message()).replaceFirst(""));
    }

    /** Adds problems that stop publication as a whole (the root pages), taken as they are. */
    public void addUnblamed(List<Problem> found) {
        problems.addAll(found);
    }

    /** {@code --strict}: every warning an error. */
    public List<Problem> strictly(List<Problem> found) {
        return strict ? found.stream().map(Problem::asError).toList() : found;
    }

    /** The sites of {@code sites} that nothing holds back, in their order. */
    public <T> List<T> publishable(List<T> sites, Function<T, String> id) {
        return sites.stream().filter(site -> !heldBack.contains(id.apply(site))).toList();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
