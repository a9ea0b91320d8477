package org.polisi.forms.names;

/**
 * How a stored name matched a query: {@link #EXACT} after case folding and normalisation (see
 * {@link PersonNames}), {@link #WITHOUT_ACCENTS} only once accents were set aside, or {@link
 * #NONE}. A subject access export states this for each record so the data protection officer can
 * judge the weaker matches.
 */
public enum NameMatch {
    EXACT,
    WITHOUT_ACCENTS,
    NONE;

    /** True for {@link #EXACT} and {@link #WITHOUT_ACCENTS}. */
    public boolean found() {
        return this != NONE;
    }
}
