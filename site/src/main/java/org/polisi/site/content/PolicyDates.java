package org.polisi.site.content;

/**
 * Approval and review metadata of a policy. Blank {@code approvedBy} means "awaiting approval":
 * the sources' empty signature lines are never turned into invented approvals. Dates are the
 * normalised forms of {@link SettingsDate}: {@code yyyy-MM-dd}, or {@code yyyy-MM} when the source
 * gives only the month. {@code approver} is who approved it in each language (settings may write
 * {@code approved-by: {en: the Governing Body, cy: y Corff Llywodraethu}}); {@code approvedBy} is its
 * English (or only) value.
 */
public record PolicyDates(String version, String lastUpdated, String approvedBy, String approvedOn, String reviewDue,
                          LocalizedText approver) {
    public static final PolicyDates NONE = new PolicyDates("", "", "", "", "", LocalizedText.same(""));

    /** Who approved the policy, as {@code language} writes it (the English value when it has none). */
    public String approvedBy(String language) {
        return approver.in(language).filter(value -> !value.isBlank()).orElse(approvedBy);
    }
}
