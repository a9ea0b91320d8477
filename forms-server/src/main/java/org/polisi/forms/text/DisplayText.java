package org.polisi.forms.text;

/**
 * Typed text placed inside plain text of our own (an e-mail, a sentence on a page): wrapped in
 * Unicode's first-strong isolate U+2068 … pop directional isolate U+2069 (UAX #9, section 2.7),
 * so that a right-to-left mark or an override such as U+202E inside it cannot reorder the words
 * around it. In HTML the same job is done by {@code <bdi>} (see the web package's {@code Html}).
 * Inside the isolate, a bidirectional formatting character is shown as its code point
 * ({@link BidiControls#visible}), so an override cannot reverse the typed text itself either.
 */
public final class DisplayText {

    /** U+2068 FIRST STRONG ISOLATE. */
    public static final char FSI = '\u2068';
    /** U+2069 POP DIRECTIONAL ISOLATE. */
    public static final char PDI = '\u2069';

    private DisplayText() {
    }

    /**
     * @param typed text as stored; {@code null} is treated as empty
     * @return the text between FSI and PDI, its own bidirectional formatting characters made visible
     */
    public static String isolated(String typed) {
        return FSI + (typed == null ? "" : BidiControls.visible(typed)) + PDI;
    }

    /**
     * For a slot that is one line (an e-mail's "raised by" line): line breaks and tabs shown as
     * spaces, so that a name cannot start a line of its own that looks like ours, then isolated.
     */
    public static String isolatedLine(String typed) {
        return isolated(typed == null ? "" : typed.replaceAll("[\\r\\n\\t\\u0085\\u2028\\u2029]", " "));
    }
}
