package org.polisi.site.content;

import org.polisi.site.problem.Problems;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the header entries that decide where a page goes, so that none falls back silently to a
 * default (tester 4's fault 3 was {@code languages: []} in school.yml; these are its kind in a
 * page's header): {@code :page-kind:} must be {@code policy}, {@code appendix} or {@code page}
 * (written empty or misspelt it made the page a plain page), {@code :page-order:} a whole number
 * (anything else put the page at position 50), and {@code :page-parent:} a page key when it is
 * written. Each is one {@code bad-header} error at the entry's line; leaving an entry out keeps its
 * documented default (CONTRIBUTING.md, "Pages").
 */
public final class PageHeaderValues {
    /** The page kinds content may write (CONTRIBUTING.md). */
    public static final List<String> KINDS = List.of("policy", "appendix", "page");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    private PageHeaderValues() {
    }

    /** Adds a {@code bad-header} error to {@code problems} for each of {@code page}'s entries above that says nothing or nothing valid. */
    public static void check(SourcePage page, Problems problems) {
        if (page.header().containsKey("page-kind")) {
            String kind = page.attribute("page-kind");
            if (!KINDS.contains(kind)) {
                problems.error("bad-header", page.file(), lineOf(page, "page-kind"), ":page-kind: "
                        + (kind.isBlank() ? "has no value" : "'" + kind + "' is not a page kind"
                        + Names.nearest(kind.toLowerCase(java.util.Locale.ROOT), KINDS).map(k -> " (did you mean '" + k + "'?)").orElse(""))
                        + ": write policy, appendix or page, or leave the line out for a plain page");
            }
        }
        if (page.header().containsKey("page-order") && !WHOLE_NUMBER.matcher(page.attribute("page-order")).matches()) {
            problems.error("bad-header", page.file(), lineOf(page, "page-order"), ":page-order: "
                    + (page.attribute("page-order").isBlank() ? "has no value" : "'" + page.attribute("page-order") + "' is not a whole number")
                    + ": write the page's position in the school's list (1, 2, 3...), or leave the line out for the default position (50)");
        }
        if (page.header().containsKey("page-parent") && page.attribute("page-parent").isBlank()) {
            problems.error("bad-header", page.file(), lineOf(page, "page-parent"), ":page-parent: has no value:"
                    + " write the key of the policy this appendix belongs to (its file name without .adoc)");
        }
    }

    /** The line of the header entry {@code name}, counted from 1 (the title's when it cannot be found). */
    private static int lineOf(SourcePage page, String name) {
        String[] lines = page.rawText().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(":" + name + ":")) {
                return i + 1;
            }
        }
        return page.titleLine();
    }
}
