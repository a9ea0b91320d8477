package org.polisi.forms.staff;

/**
 * The pages of the staff area, as its navigation lists them, in order. Whether a member of staff may
 * open one is {@link StaffRecords#mayOpen}'s decision, the same one the page itself makes, so that
 * nobody is shown a link that answers 403 (issue 13: the school office saw the governors' and
 * consents links).
 */
public enum StaffArea {
    DASHBOARD("/staff/", "dashboard"),
    SUBMISSIONS("/staff/submissions", "submissions"),
    CONSENTS("/staff/consents", "consents"),
    GOVERNORS("/staff/governors", "governors"),
    SIGNATURES("/staff/signatures", "signatures"),
    PEOPLE("/staff/people", "people"),
    ROSTER("/staff/roster", "roster"),
    ACCOUNT("/staff/account", "account");

    private final String path;
    private final String word;

    StaffArea(String path, String word) {
        this.path = path;
        this.word = word;
    }

    /** The page's path on the server, e.g. {@code /staff/consents}. */
    public String path() {
        return path;
    }

    /** The page's word in the server bundle: its title is {@code staff.<word>.title}. */
    public String word() {
        return word;
    }
}
