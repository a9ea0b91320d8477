package org.polisi.site.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits prose into the words a spell checker looks up. A word is letters (with their accents),
 * joined by apostrophes or hyphens ("Rwy'n", "ar-lein", "co-ordinator"); a word touching a digit
 * ("3rd", "Y6") is a code or a number, not a word, and is left out.
 */
public final class Words {
    private static final Pattern WORD = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}_'’-])[\\p{L}\\p{M}]+(?:['’-][\\p{L}\\p{M}]+)*(?![\\p{L}\\p{M}\\p{N}_]|['’-][\\p{L}\\p{M}\\p{N}])");

    private Words() {
    }

    /** The words of {@code text}, in order, with the typographic apostrophe (’) written as ('). */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().replace('’', '\''));
        }
        return words;
    }
}
