package org.polisi.site.compose;

import org.polisi.site.content.PolicyDates;
import org.polisi.site.content.SettingsDate;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.util.List;
import java.util.Map;

/**
 * A policy's version and dates are one fact in every language: the English and Welsh pages of one
 * policy must state the same version, last update, approval date and next review (tester 7's finding
 * 20: the English said "Version 3.0 · Last updated 1 October 2026 · Next review due 31 March 2027"
 * and the Welsh "Fersiwn 2.1 · 15 Ionawr 2025 · 31 Gorffennaf 2028", with no warning). Each value is
 * taken as the page shows it: its own header's ({@code :version:}, {@code :review-due:}...) or else
 * the school's settings, dates compared as days ({@link SettingsDate}). A difference is a
 * {@code policy-facts-differ} error at the header line that set it, in the Welsh page when it set its
 * own, else in the English page. Who approved it ({@code approved-by}) is words, which differ by
 * language, and is not compared.
 */
final class PolicyFactsParity {
    static final String CODE = "policy-facts-differ";
    private static final List<String> FACTS = List.of("version", "last-updated", "approved-on", "review-due");

    private PolicyFactsParity() {
    }

    /** Compares every policy page the site publishes in English with its counterpart in each other language. */
    static void check(ResolvedSite site, Problems problems) {
        PolicyDates school = site.source().settings().policy();
        Map<String, String> defaults = Map.of("version", school.version(), "last-updated", school.lastUpdated(),
                "approved-on", school.approvedOn(), "review-due", school.reviewDue());
        for (ResolvedPage english : site.pages("en").values()) {
            if (!PageKind.POLICY.is(english.kind())) {
                continue;     // only a policy's page states its version and dates (ChromeComposer)
            }
            for (String language : site.languages()) {
                if (language.equals("en")) {
                    continue;
                }
                ResolvedPage other = site.pages(language).get(english.key());
                if (other == null) {
                    continue;
                }
                for (String fact : FACTS) {
                    String inEnglish = shown(english, fact, defaults.get(fact));
                    String inOther = shown(other, fact, defaults.get(fact));
                    if (inEnglish == null || inOther == null || inEnglish.equals(inOther)) {
                        continue;     // a date not understood is ChromeComposer's bad-date error, at its line
                    }
                    int otherLine = other.attribute(fact).isBlank() ? 0 : PolicyDateChecks.headerLine(other, fact);
                    int englishLine = english.attribute(fact).isBlank() ? 0 : PolicyDateChecks.headerLine(english, fact);
                    ResolvedPage at = otherLine > 0 || englishLine == 0 ? other : english;
                    int line = at == other ? otherLine : englishLine;
                    problems.error(CODE, at.file(), line, ":" + fact + ": the " + language + " page shows '" + blankAsNone(inOther)
                            + "' and the en page '" + blankAsNone(inEnglish) + "': a policy's " + fact + " is one fact in every"
                            + " language, so readers of the two would be told different things. Write the same value in both pages'"
                            + " headers, or in neither (then both show school.yml's)");
                }
            }
        }
    }

    /** The value the page shows: its own, else the school's; a date as the day it names; null for a date not understood. */
    private static String shown(ResolvedPage page, String fact, String fallback) {
        String own = page.attribute(fact).strip();
        String value = own.isBlank() ? fallback.strip() : own;
        if (fact.equals("version") || value.isBlank()) {
            return value;
        }
        try {
            return SettingsDate.parse(value).orElse(value);
        } catch (IllegalArgumentException notADate) {
            return null;
        }
    }

    private static String blankAsNone(String value) {
        return value.isBlank() ? "(none)" : value;
    }
}
