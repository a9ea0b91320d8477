package org.polisi.site;

import java.util.List;

/**
 * What a build tells the person running it while it runs: each site as it is composed, and, with
 * {@code -Dpolisi.timings=true}, how long each stage took. Stages report through this, never to
 * {@code System.out}: the CLI prints the lines ({@code System.out::println}), tests and
 * {@code ./polisi report} drop them ({@code line -> { }}).
 */
@FunctionalInterface
public interface BuildProgress {
    /** System property that asks for stage timings ({@code bench/*.sh} read them from the output). */
    String TIMINGS = "polisi.timings";

    /** One line of progress, already worded (no trailing new line). */
    void line(String text);

    /** A site was composed: its id, languages and page count. */
    default void composed(String site, List<String> languages, int pages) {
        line(String.format("  %-22s %s, %s", site, String.join("+", languages), Counted.of(pages, "page", "pages")));
    }

    /**
     * The render stage is done: {@code converted} are the URLs of the pages it converted (in page
     * order), the other {@code total - converted.size()} came from the build cache.
     */
    default void rendered(List<String> converted, int total) {
        if (total > 0) {
            line(String.format("  %d of %s converted, %d from the build cache", converted.size(), Counted.of(total, "page", "pages"),
                    total - converted.size()));
        }
    }

    /**
     * A part of a stage took {@code seconds}; reported only with {@link #TIMINGS}, e.g.
     * {@code "  render: convert and bake 1.20 s (44 pages)"}.
     */
    default void timed(String what, double seconds, String detail) {
        if (Boolean.getBoolean(TIMINGS)) {
            line(String.format("  %s %.2f s%s", what, seconds, detail.isEmpty() ? "" : " " + detail));
        }
    }
}
