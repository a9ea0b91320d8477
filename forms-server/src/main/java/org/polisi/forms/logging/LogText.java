package org.polisi.forms.logging;

/**
 * Makes text safe for a one-line log record: every control character (C0, DEL, C1, and the Unicode
 * line and paragraph separators) becomes a visible escape, so a value that came from a request can
 * neither start a forged log line (CWE-117, OWASP ASVS 5.0 V16 (Security Logging and Error Handling)) nor send a terminal escape
 * sequence to whoever reads the log. Bidirectional formatting characters are escaped too
 * ({@link org.polisi.forms.text.BidiControls}), so a value cannot reorder the line it is logged in.
 */
public final class LogText {

    /** Longest value kept from one argument; the rest is replaced by an ellipsis. */
    static final int MAX_CHARS = 2_000;

    private LogText() {
    }

    /**
     * @param text any text, or null
     * @return the text with {@code \n}, {@code \r}, {@code \t} written as those two characters and
     *     other control characters as {@code \}{@code uXXXX}; "null" for null; at most {@link #MAX_CHARS}
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int length = Math.min(text.length(), MAX_CHARS);
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(length + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        String escaped = out != null ? out.toString() : text.substring(0, length);
        return text.length() > MAX_CHARS ? escaped + "…" : escaped;
    }

    private static String replacement(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default:
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                        || org.polisi.forms.text.BidiControls.is(c)) {
                    return String.format("\\u%04x", (int) c);
                }
                return null;
        }
    }
}
