package org.polisi.site.compose;

import org.polisi.site.content.PolicyDates;
import org.polisi.site.content.SiteSource;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses policy dates that cannot be true (fault 3 of the 1 Dec tester's report; docs/adr/0082): a
 * policy approved ({@code approved-on}) or last updated ({@code last-updated}) on a day after the build's
 * today, and a review ({@code review-due}) due before the policy was approved, since the page would state
 * them as facts ("Approved by the governors on 1 January 2027"). Each is an error at the line that wrote
 * the date: the settings file's ({@code school.yml}, {@code cluster.yml}) or the page header's
 * ({@code :approved-on:}). A month alone ("September 2026", stored {@code 2026-09}) is after today only
 * when the whole month is, and before another date only when the whole month is: no day is invented.
 * A review date in the past is not refused: the page says the review is overdue, which is true.
 */
final class PolicyDateChecks {
    static final String CODE = "impossible-date";
    private static final List<String> DATES = List.of("last-updated", "approved-on", "review-due");

    private PolicyDateChecks() {
    }

    /**
     * Checks the dates the site's settings file writes itself (inherited ones are checked at their own
     * file, as the template's site), then each English page's own header dates over the settings'.
     *
     * @param today the day the build runs as
     */
    static void check(ResolvedSite site, LocalDate today, Problems problems) {
        PolicyDates settings = site.source().settings().policy();
        Path settingsFile = site.source().settings().file();
        Map<String, String> schoolDates = Map.of("last-updated", settings.lastUpdated(),
                "approved-on", settings.approvedOn(), "review-due", settings.reviewDue());
        for (Finding finding : findings(schoolDates, today)) {
            finding.lineIn(settings.lines()).ifPresent(line -> problems.error(CODE, settingsFile, line, finding.message()));
        }
        boolean template = site.source().kind() == SiteSource.Kind.CLUSTER;
        for (ResolvedPage page : site.pages("en").values()) {
            if (page.origin() == ResolvedPage.Origin.TEMPLATE && !template) {
                continue; // the template's own site reports its pages' dates, once
            }
            Map<String, Integer> ownLines = headerLines(page);
            if (ownLines.isEmpty()) {
                continue;
            }
            Map<String, String> effective = new java.util.HashMap<>(schoolDates);
            ownLines.keySet().forEach(key -> effective.put(key, normalised(page.attribute(key))));
            for (Finding finding : findings(effective, today)) {
                finding.lineIn(ownLines).ifPresent(line -> problems.error(CODE, page.file(), line, ":" + finding.message()));
            }
        }
    }

    /** A date that cannot be true, and the settings it concerns (the later one written is where it is reported). */
    record Finding(List<String> keys, String message) {
        Optional<Integer> lineIn(Map<String, Integer> lines) {
            return keys.stream().filter(lines::containsKey).map(lines::get).findFirst();
        }
    }

    /**
     * The impossible dates among {@code dates} ({@code last-updated}, {@code approved-on},
     * {@code review-due}, each {@code yyyy-MM-dd}, {@code yyyy-MM} or blank), each with the keys it
     * concerns, the key where it is put right first.
     */
    static List<Finding> findings(Map<String, String> dates, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        for (String key : List.of("approved-on", "last-updated")) {
            String value = dates.getOrDefault(key, "");
            first(value).filter(day -> day.isAfter(today)).ifPresent(day -> findings.add(new Finding(List.of(key),
                    key + ": " + value + " is after today (" + today + "): a policy cannot have been "
                    + (key.equals("approved-on") ? "approved" : "updated") + " on a day still to come. Write the day it was"
                    + (key.equals("approved-on")
                    ? " approved; until it is, leave approved-by and approved-on empty (the page then says it awaits approval)"
                    : " last changed"))));
        }
        String approved = dates.getOrDefault("approved-on", "");
        String review = dates.getOrDefault("review-due", "");
        Optional<LocalDate> approvedFrom = first(approved);
        last(review).filter(due -> approvedFrom.filter(due::isBefore).isPresent()).ifPresent(due ->
                findings.add(new Finding(List.of("review-due", "approved-on"), "review-due: " + review
                        + " is before approved-on (" + approved + "): the next review of a policy comes after its approval."
                        + " Write the date the approved policy is next due for review")));
        return findings;
    }

    /** The first day a date can mean: the day, or the first of its month. */
    private static Optional<LocalDate> first(String date) {
        return parse(date, false);
    }

    /** The last day a date can mean: the day, or the last of its month. */
    private static Optional<LocalDate> last(String date) {
        return parse(date, true);
    }

    private static Optional<LocalDate> parse(String date, boolean endOfMonth) {
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException notADay) {
            try {
                YearMonth month = YearMonth.parse(date);
                return Optional.of(endOfMonth ? month.atEndOfMonth() : month.atDay(1));
            } catch (DateTimeParseException notAMonth) {
                return Optional.empty();
            }
        }
    }

    /** A header date as settings normalise it; one not understood is blank here (ChromeComposer reports it). */
    private static String normalised(String written) {
        try {
            return org.polisi.site.content.SettingsDate.parse(written).orElse("");
        } catch (IllegalArgumentException notADate) {
            return "";
        }
    }

    /** The header line of each date the page's own file sets (1-based), found in that file's text. */
    private static Map<String, Integer> headerLines(ResolvedPage page) {
        Map<String, Integer> lines = new java.util.LinkedHashMap<>();
        if (DATES.stream().allMatch(key -> page.attribute(key).isBlank())) {
            return lines;
        }
        for (String key : DATES) {
            int line = page.attribute(key).isBlank() ? 0 : headerLine(page, key);
            if (line > 0) {
                lines.put(key, line);
            }
        }
        return lines;
    }

    /**
     * The line (1-based) of the page file's header that sets {@code attribute} ({@code :review-due: ...}),
     * or 0 when its file does not (a template's value) or cannot be read now.
     */
    static int headerLine(ResolvedPage page, String attribute) {
        if (page.file() == null || !Files.isRegularFile(page.file())) {
            return 0;
        }
        try {
            List<String> text = Files.readAllLines(page.file());
            for (int i = 0; i < text.size() && !text.get(i).isBlank(); i++) {
                if (text.get(i).startsWith(":" + attribute + ":")) {
                    return i + 1;
                }
            }
        } catch (IOException unreadable) {
            // the loader has read this file already; were it gone now, the problem is reported at the file
        }
        return 0;
    }
}
