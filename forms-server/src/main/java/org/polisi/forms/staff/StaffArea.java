package org.polisi.forms.staff;

/**
 * The pages of the staff area, as its navigation lists them, in order. Whether a member of staff may
 * open one is {@link StaffRecords#mayOpen}'s decision, the same one the page itself makes, so that
 * nobody is shown a link that answers 403 (issue 13: the school office saw the governors' and
 * consents links).
 */
public enum StaffArea {
    DASHBOARD, SUBMISSIONS, CONSENTS, GOVERNORS, SIGNATURES, PEOPLE, ROSTER, ACCOUNT;

    /** The page's path on the server: {@code /staff/} for the dashboard, else e.g. {@code /staff/consents}. */
    public String path() {
        return this == DASHBOARD ? "/staff/" : "/staff/" + word();
    }

    /** The page's word in the server bundle: its title is {@code staff.<word>.title}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
