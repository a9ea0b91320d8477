package org.polisi.forms.web;

/**
 * A paragraph that tells staff something about the page, as {@code frames.ftl}'s {@code notice}
 * macro draws it: its words, its classes (e.g. {@code notice notice--warning}, or empty) and its
 * ARIA live-region role ({@code status}, {@code alert}, or empty for none).
 */
record Notice(String text, String className, String role) {

    /** A warning read out at once (role {@code alert}): records that could not be verified. */
    static Notice alert(String text) {
        return new Notice(text, "notice notice--warning", "alert");
    }
}
