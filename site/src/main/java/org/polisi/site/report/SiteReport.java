package org.polisi.site.report;

import org.polisi.site.confirm.ToConfirm;
import org.polisi.site.content.PolicyDates;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.SectionChange;
import org.polisi.site.theme.LocalDates;
import org.polisi.site.translation.TranslationState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./polisi report} tells each school: how it relates to its template (sections
 * inherited, replaced, removed, inserted; overrides gone stale), the state of its translations,
 * policies past their review date, documents its pages refer to that it does not publish, and what
 * is still to confirm with the school ({@link org.polisi.site.confirm.ToConfirmList}).
 */
public final class SiteReport {
    private static final Pattern POLICY_REFERENCE = Pattern.compile("policy:([A-Za-z0-9_-]+)\\[");

    public record SchoolReport(String school, String adopts, List<SectionChange> sections, List<SectionChange> staleOverrides,
                               Map<String, Integer> translationCounts, List<TranslationState> staleTranslations,
                               List<String> missingTranslations, List<Map<String, String>> reviews,
                               List<Map<String, String>> missingDocuments, List<ToConfirm> toConfirm) {
    }

    private SiteReport() {
    }

    /**
     * Each site's report.
     *
     * @param toConfirm each site's open items by site id, as the build found them ({@code BuildResult.toConfirm()})
     * @param today     the day overdue reviews are counted from
     */
    public static List<SchoolReport> of(List<ResolvedSite> sites, Map<String, List<TranslationState>> translations,
                                        Map<String, List<ToConfirm>> toConfirm, LocalDate today) {
        List<SchoolReport> reports = new ArrayList<>();
        for (ResolvedSite site : sites) {
            List<TranslationState> states = translations.getOrDefault(site.id(), List.of());
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("draft", (int) states.stream().filter(s -> s.status() == TranslationState.Status.DRAFT).count());
            counts.put("reviewed", (int) states.stream().filter(s -> s.status() == TranslationState.Status.REVIEWED).count());
            counts.put("stale", (int) states.stream().filter(TranslationState::stale).count());
            counts.put("missing", (int) states.stream().filter(s -> s.status() == TranslationState.Status.MISSING).count());
            reports.add(new SchoolReport(site.id(), site.template().map(t -> t.id()).orElse(""),
                    site.sectionChanges(),
                    site.sectionChanges().stream().filter(SectionChange::stale).toList(),
                    counts,
                    states.stream().filter(TranslationState::stale).toList(),
                    states.stream().filter(s -> s.status() == TranslationState.Status.MISSING)
                            .map(s -> s.pageKey() + " (" + s.language() + ")").toList(),
                    reviews(site, today), missingDocuments(site), toConfirm.getOrDefault(site.id(), List.of())));
        }
        return reports;
    }

    private static List<Map<String, String>> reviews(ResolvedSite site, LocalDate today) {
        List<Map<String, String>> reviews = new ArrayList<>();
        PolicyDates school = site.source().settings().policy();
        for (ResolvedPage page : site.pages("en").values()) {
            if (!page.kind().equals("policy")) {
                continue;
            }
            String due = page.attribute("review-due").isBlank() ? school.reviewDue() : page.attribute("review-due");
            String approvedBy = page.attribute("approved-by").isBlank() ? school.approvedBy() : page.attribute("approved-by");
            Map<String, String> review = new LinkedHashMap<>();
            review.put("page", page.key());
            review.put("reviewDue", due);
            review.put("status", LocalDates.parse(due).map(d -> d.isBefore(today) ? "overdue" : "current").orElse("no review date"));
            review.put("approval", approvedBy.isBlank() ? "awaiting approval" : "approved by " + approvedBy);
            reviews.add(review);
        }
        return reviews;
    }

    private static List<Map<String, String>> missingDocuments(ResolvedSite site) {
        List<Map<String, String>> missing = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (ResolvedPage page : site.pages("en").values()) {
            for (SourceLine line : page.body()) {
                Matcher reference = POLICY_REFERENCE.matcher(line.text());
                while (reference.find()) {
                    String key = reference.group(1);
                    if (site.page("en", key).isEmpty() && seen.add(key)) {
                        Map<String, String> entry = new LinkedHashMap<>();
                        entry.put("document", key);
                        entry.put("referredFrom", line.file() + ":" + line.number());
                        missing.add(entry);
                    }
                }
            }
        }
        return missing;
    }
}
