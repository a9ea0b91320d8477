package org.polisi.site.proof;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits prose into the words a spell checker looks up. A word is letters (with their accents),
 * joined by apostrophes or hyphens ("Rwy'n", "ar-lein", "co-ordinator"); a word touching a digit
 * ("3rd", "Y6") is a code or a number, not a word, and is left out.
 *
 * <p>Precisely, a word is what the expression
 * {@code (?<![\p{L}\p{M}\p{N}_'’-])[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*(?![\p{L}\p{M}\p{N}_]|['’-][\p{L}\p{M}\p{N}])}
 * finds. It is read here by one pass over the text instead: that expression was a seventh of
 * proofing's CPU (docs/adr/0063), and {@code WordsTest} checks that both give the same words.
 */
public final class Words {
    private Words() {
    }

    /** The words of {@code text}, in order, with the typographic apostrophe (’) written as ('). */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        int length = text.length();
        int at = 0;
        while (at < length) {
            int c = text.codePointAt(at);
            if (!letterOrMark(c) || at > 0 && joinsBefore(text.charAt(at - 1))) {
                at += Character.charCount(c);
                continue;
            }
            int end = letters(text, at);
            while (end + 1 < length && joiner(text.charAt(end)) && letterOrMark(text.codePointAt(end + 1))) {
                end = letters(text, end + 1);
            }
            // Every shorter match would end before a letter or a joined letter, which the expression's
            // look-ahead refuses as well: a word is the longest run, or nothing.
            if (end == length || endsWord(text.codePointAt(end), end + 1 < length ? text.codePointAt(end + 1) : -1)) {
                words.add(text.substring(at, end).replace('’', '\''));
            }
            at = end;   // inside the run, every start has a letter or joiner before it
        }
        return words;
    }

    /** The end of the run of letters and marks from {@code from} (which holds one). */
    private static int letters(String text, int from) {
        int at = from;
        while (at < text.length()) {
            int c = text.codePointAt(at);
            if (!letterOrMark(c)) {
                break;
            }
            at += Character.charCount(c);
        }
        return at;
    }

    /** Whether a word may end before {@code next} (followed by {@code after}, or -1 at the end). */
    private static boolean endsWord(int next, int after) {
        if (letterOrMark(next) || number(next) || next == '_') {
            return false;
        }
        return !(joiner(next) && after >= 0 && (letterOrMark(after) || number(after)));
    }

    /**
     * What may not stand just before a word: a letter, mark, number, underscore or joiner. Like the
     * expression's look-behind, this looks at one UTF-16 unit: the second half of a letter outside the
     * BMP is none of these.
     */
    private static boolean joinsBefore(int c) {
        return letterOrMark(c) || number(c) || c == '_' || joiner(c);
    }

    private static boolean joiner(int c) {
        return c == '\'' || c == '’' || c == '-';
    }

    /** Unicode's general categories L and M ({@code \p{L}}, {@code \p{M}}). */
    private static boolean letterOrMark(int c) {
        return Character.isLetter(c) || mark(c);
    }

    /** Unicode's general category M ({@code \p{M}}: the marks an accent is written with after NFD). */
    static boolean mark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Unicode's general category N ({@code \p{N}}: digits, letter numbers, other numbers). */
    private static boolean number(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
