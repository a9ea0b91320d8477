package org.polisi.site.proof;

import org.apache.lucene.analysis.hunspell.Hunspell;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language's Hunspell dictionary, with the answers it has given remembered: a build asks about
 * the same few thousand words again and again (every school adopting a template repeats its text).
 * Safe for concurrent use.
 */
public final class Speller {
    /** Suggestions for an unknown word: "up to three" is what a warning line can carry. */
    public static final int SUGGESTIONS = 3;

    private final String language;
    private final Hunspell hunspell;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();
    private final Map<String, List<String>> suggestions = new ConcurrentHashMap<>();

    Speller(String language, Hunspell hunspell) {
        this.language = language;
        this.hunspell = hunspell;
    }

    public String language() {
        return language;
    }

    /** Whether the dictionary knows the word (Hunspell's own rules for capitals and affixes). */
    public boolean knows(String word) {
        return known.computeIfAbsent(word, this::spell);
    }

    /** Up to {@link #SUGGESTIONS} corrections, best first; empty when Hunspell has none. */
    public List<String> suggest(String word) {
        return suggestions.computeIfAbsent(word, w -> {
            synchronized (hunspell) {
                List<String> all = hunspell.suggest(w);
                return List.copyOf(all.subList(0, Math.min(SUGGESTIONS, all.size())));
            }
        });
    }

    private boolean spell(String word) {
        synchronized (hunspell) {
            return hunspell.spell(word);
        }
    }
}
