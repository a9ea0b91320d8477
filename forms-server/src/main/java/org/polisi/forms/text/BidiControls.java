package org.polisi.forms.text;

/**
 * The Unicode bidirectional formatting characters (UAX #9 §2: the embeddings and overrides U+202A
 * to U+202E, the isolates U+2066 to U+2069, and the implicit marks U+200E, U+200F and U+061C). They
 * are stored as typed (ADR 0022) but are invisible and reorder what is shown around them, so a
 * typed answer could read one way on screen and another in the data ("Trojan Source", CVE-2021-42574;
 * Unicode Technical Standard #39 §3). Wherever a person reads a typed answer in text of ours (a CSV
 * cell, a staff page, an e-mail) each one is shown as its code point, {@code [U+202E]}, so the
 * text reads in its stored order and the reader sees that it was there; machines get the exact
 * text (JSON, with the characters escaped by {@code \\u202e}), and logs escape them as they escape
 * control characters ({@code org.polisi.forms.logging.LogText}). docs/adr/0061 says why per output.
 */
public final class BidiControls {

    private BidiControls() {
    }

    /** True for one of the characters above. */
    public static boolean is(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /**
     * @param text text as stored, or null (returned as is)
     * @return the text with each bidirectional formatting character written as {@code [U+XXXX]}
     *     (four upper-case hex digits), every other character unchanged
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (is(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("[U+%04X]", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * For a Jackson {@code JsonFactory}: writes each bidirectional formatting character as a
     * {@code \\uXXXX} escape, which every JSON parser reads back as the character (RFC 8259 §7),
     * so the data is exact and a person reading the file sees the escape, not a reordered line.
     */
    public static com.fasterxml.jackson.core.io.CharacterEscapes jsonEscapes() {
        return new JsonEscapes();
    }

    private static final class JsonEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int codePoint) {
            return is(codePoint) ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", codePoint))
                    : null;
        }
    }
}
