package org.polisi.forms.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;

/**
 * The text policy for answers (ADR 0022): what a person typed is stored as they typed it, after
 * exactly two changes, and never "cleaned" of markup or entities (every output escapes for its
 * own context instead).
 *
 * <ol>
 *   <li>Unicode normalisation form C (UAX #15), so that "ŵ" typed composed or decomposed is one value.</li>
 *   <li>Control characters (Unicode category Cc) are removed, except line feed; a carriage
 *       return, alone or before a line feed, is a line break and becomes one line feed (HTML sends
 *       a textarea's line breaks as CR LF). That covers C0 (U+0000–U+001F) including tab, DEL
 *       (U+007F) and C1 (U+0080–U+009F): none has a visible form of its own, C1 U+009B is a terminal
 *       escape in an exported file or a log, and a tab is a control character like the others (a
 *       browser's Tab key moves focus; tester 2, finding 13). Only a pasted table keeps its tabs
 *       ({@link #normaliseTable}), as its column separators.</li>
 * </ol>
 *
 * <p>All methods are pure and thread-safe; {@code null} is treated as the empty string.
 */
public final class TypedText {

    private static final int BRAILLE_BLANK = 0x2800;

    private TypedText() {
    }

    /**
     * What is stored for a typed answer.
     *
     * @param typed the text as decoded from the request; may be {@code null}
     * @return the text in NFC with CR LF and CR turned into LF and every other control character
     *     (tab too) removed; nothing else changes (no trimming, no markup removal, no entity decoding)
     */
    public static String normalise(String typed) {
        return normalise(typed, false);
    }

    /**
     * As {@link #normalise}, keeping tabs: for a table pasted from a spreadsheet (a class roster),
     * whose tabs separate its columns and are read as such, never stored as typed text.
     */
    public static String normaliseTable(String typed) {
        return normalise(typed, true);
    }

    private static String normalise(String typed, boolean keepTabs) {
        if (typed == null || typed.isEmpty()) {
            return "";
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                kept.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if ((c == '\t' && keepTabs) || c == '\n' || !Character.isISOControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * Whether the text shows anything: a required answer must have at least one visible character.
     *
     * @param text any text; may be {@code null}
     * @return false when every code point is white space (Unicode White_Space or category Z), a
     *     control or format character (Cc, Cf: U+200B, U+2060, U+FEFF, U+200D, soft hyphen, bidi
     *     controls such as U+202E), a combining mark (Mn, Mc, Me) with nothing to sit on, a
     *     default-ignorable code point (the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, variation
     *     selectors), the Braille blank U+2800, or a lone surrogate
     */
    public static boolean hasVisibleCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (visible(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static boolean visible(int codePoint) {
        if (codePoint == BRAILLE_BLANK || UCharacter.isUWhiteSpace(codePoint)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return false;
        }
        return switch (UCharacter.getType(codePoint)) {
            case UCharacterCategory.CONTROL, UCharacterCategory.FORMAT, UCharacterCategory.SURROGATE,
                 UCharacterCategory.NON_SPACING_MARK, UCharacterCategory.COMBINING_SPACING_MARK,
                 UCharacterCategory.ENCLOSING_MARK, UCharacterCategory.SPACE_SEPARATOR,
                 UCharacterCategory.LINE_SEPARATOR, UCharacterCategory.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * Whether the text breaks a line: a line feed (which {@link #normalise} makes of CR LF and CR),
     * U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR. A one-line answer (a name, an e-mail
     * address, a date) holding one is refused, not joined into one line: the HTML Standard's one-line
     * inputs strip line breaks from their value, so only a script or a tampered request sends one.
     *
     * @param text normalised text; may be {@code null}
     */
    public static boolean hasLineBreak(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text holds a UTF-16 surrogate that is not half of a pair: never the case for
     * text decoded from valid bytes, but a JSON string may spell one ({@code "\ud800"}).
     */
    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
