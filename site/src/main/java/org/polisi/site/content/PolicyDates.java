package org.polisi.site.content;

/**
 * Approval and review metadata of a policy. Blank {@code approvedBy} means "awaiting approval":
 * the sources' empty signature lines are never turned into invented approvals. Dates are the
 * normalised forms of {@link SettingsDate}: {@code yyyy-MM-dd}, or {@code yyyy-MM} when the source
 * gives only the month. {@code approver} is who approved it in each language (settings may write
 * {@code approved-by: {en: the Governing Body, cy: y Corff Llywodraethu}}); {@code approvedBy} is its
 * English (or only) value. {@code lines} holds the line of each date this settings file writes itself
 * ({@code last-updated}, {@code approved-on}, {@code review-due}), for problems; an inherited date has none.
 */
public record PolicyDates(String version, String lastUpdated, String approvedBy, String approvedOn, String reviewDue,
                          LocalizedText approver, java.util.Map<String, Integer> lines) {
    public static final PolicyDates NONE = new PolicyDates("", "", "", "", "", LocalizedText.same(""));

    public PolicyDates {
        lines = java.util.Map.copyOf(lines);
    }

    public PolicyDates(String version, String lastUpdated, String approvedBy, String approvedOn, String reviewDue,
                       LocalizedText approver) {
        this(version, lastUpdated, approvedBy, approvedOn, reviewDue, approver, java.util.Map.of());
    }

    /** Who approved the policy, as {@code language} writes it (the English value when it has none). */
    public String approvedBy(String language) {
        return approver.in(language).filter(value -> !value.isBlank()).orElse(approvedBy);
    }
}
