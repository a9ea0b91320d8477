package org.polisi.site.proof;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Words} reads in one pass the words its documented expression finds: the same words, in order. */
class WordsTest {
    /** The definition in {@link Words}'s comment. */
    private static final Pattern WORD = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}_'’-])[\\p{L}\\p{M}]+(?:['’-][\\p{L}\\p{M}]+)*(?![\\p{L}\\p{M}\\p{N}_]|['’-][\\p{L}\\p{M}\\p{N}])");

    private static List<String> byExpression(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().replace('’', '\''));
        }
        return words;
    }

    @Test
    void theSameWordsAsTheExpressionOnEveryText() {
        List<String> texts = new ArrayList<>(ProofTexts.all());
        texts.addAll(ProofTexts.random());
        List<String> differences = new ArrayList<>();
        for (String text : texts) {
            if (!Words.of(text).equals(byExpression(text))) {
                differences.add(text + " -> " + Words.of(text) + " / " + byExpression(text));
            }
        }
        assertEquals(List.of(), differences.stream().limit(10).toList(), differences.size() + " texts differ");
    }

    @Test
    void wordsTouchingDigitsAreLeftOut() {
        assertEquals(List.of("Rwy'n", "ar-lein", "pupils"), Words.of("Rwy’n ar-lein: Y6 pupils, 3rd don't-3"));
    }
}
