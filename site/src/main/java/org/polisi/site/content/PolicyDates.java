package org.polisi.site.content;

/**
 * Approval and review metadata of a policy. Blank {@code approvedBy} means "awaiting approval":
 * the sources' empty signature lines are never turned into invented approvals.
 */
public record PolicyDates(String version, String lastUpdated, String approvedBy, String approvedOn, String reviewDue) {
    public static final PolicyDates NONE = new PolicyDates("", "", "", "", "");
}
