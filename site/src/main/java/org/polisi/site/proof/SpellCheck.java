package org.polisi.site.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a word of a text in one language is spelled right. A word is accepted when:
 * <ol>
 * <li>the language's dictionary or a word list knows it;</li>
 * <li>it is hyphenated and each part is accepted ("gwrth-fwlio", "e-safety");</li>
 * <li>it has an apostrophe and each part is accepted or is a Welsh or English clitic ("Gallai'r",
 *     "sy'n", "school's");</li>
 * <li>it starts with a capital and the other language's dictionary knows it: the name of an
 *     organisation, a place or a document on a page in the other language ("Childnet Foundation" on a
 *     Welsh page, "Ysgol Gynradd" on an English one);</li>
 * <li>it is a single letter (a list label, "Atodiad C").</li>
 * </ol>
 */
final class SpellCheck {
    private static final List<String> CLITICS = List.of("n", "r", "i", "w", "m", "th", "ch", "u", "s", "t", "ll", "d", "ve", "re");

    private final Speller speller;
    private final Optional<Speller> other;
    private final WordList words;
    /** Every school adopting a template checks the same lines: each text is checked once. */
    private final Map<String, List<String>> unknownByText = new ConcurrentHashMap<>();
    /**
     * The verdict on each word checked, so that a common word costs one look-up, not the word
     * list's three and the dictionary's answer cache (a sixth of proofing's CPU, docs/adr/0063).
     */
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    SpellCheck(Speller speller, Optional<Speller> other, WordList words) {
        this.speller = speller;
        this.other = other;
        this.words = words;
    }

    /** The words of {@code text} this check does not accept, in order (repeats included). */
    List<String> unknown(String text) {
        return unknownByText.computeIfAbsent(text, this::find);
    }

    private List<String> find(String text) {
        List<String> unknown = new ArrayList<>();
        for (String word : Words.of(text)) {
            if (!accepts(word)) {
                unknown.add(word);
            }
        }
        return List.copyOf(unknown);
    }

    List<String> suggest(String word) {
        return speller.suggest(word);
    }

    boolean accepts(String word) {
        Boolean verdict = verdicts.get(word);
        if (verdict == null) {      // not computeIfAbsent: deciding a word decides its parts too
            verdict = decide(word);
            verdicts.put(word, verdict);
        }
        return verdict;
    }

    private boolean decide(String word) {
        if (word.codePointCount(0, word.length()) == 1 || known(word)) {
            return true;
        }
        if (word.indexOf('-') > 0 && allParts(word.split("-"), false)) {
            return true;
        }
        if (word.indexOf('\'') > 0 && allParts(word.split("'"), true)) {
            return true;
        }
        return Character.isUpperCase(word.codePointAt(0)) && other.map(o -> o.knows(word)).orElse(false);
    }

    private boolean known(String word) {
        return words.contains(word) || speller.knows(word);
    }

    private boolean allParts(String[] parts, boolean clitics) {
        for (String part : parts) {
            boolean ok = clitics && CLITICS.contains(part.toLowerCase(Locale.ROOT)) || !part.isEmpty() && accepts(part);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
