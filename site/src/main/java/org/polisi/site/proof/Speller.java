package org.polisi.site.proof;

import org.apache.lucene.analysis.hunspell.Hunspell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language's dictionary as a build uses it: the answers it has given are remembered, in memory
 * (a hundred schools adopting a template ask about the same words) and in a cache file in the
 * build's work folder ({@code spelling-<dictionary version>.tsv}: word, tab, 1 or 0, and for an
 * unknown word a tab and its suggestions joined by "|"). A build that asks only about words in the
 * cache never reads the dictionary, which costs more than the rest of proofing together. The file is named by the dictionary's version, so a new dictionary starts a
 * new cache; word lists are applied after the dictionary and never cached. Safe for concurrent use.
 */
public final class Speller {
    /** Suggestions for an unknown word: "up to three" is what a warning line can carry. */
    public static final int SUGGESTIONS = 3;

    private final String language;
    private final Dictionaries dictionaries;
    private final Path cacheFile;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();
    private final Map<String, List<String>> suggestions = new ConcurrentHashMap<>();
    private final int cached;

    /**
     * @param dictionaries where the language's Hunspell is read, when an answer is not in the cache
     * @param cacheDir the folder of the answer cache, or null for none (each answer asks Hunspell)
     */
    Speller(String language, Dictionaries dictionaries, Path cacheDir) {
        this.language = language;
        this.dictionaries = dictionaries;
        this.cacheFile = cacheDir == null ? null : cacheDir.resolve("spelling-" + Dictionaries.VERSIONS.get(language) + ".tsv");
        if (cacheFile != null && Files.isRegularFile(cacheFile)) {
            try {
                for (String line : Files.readAllLines(cacheFile, StandardCharsets.UTF_8)) {
                    String[] cells = line.split("\t", -1);
                    if (cells.length >= 2 && !cells[0].isEmpty()) {
                        known.put(cells[0], cells[1].equals("1"));
                        if (cells.length == 3) {
                            suggestions.put(cells[0], cells[2].isEmpty() ? List.of() : List.of(cells[2].split("\\|")));
                        }
                    }
                }
            } catch (IOException e) {
                known.clear();     // an unreadable cache is only slower, never wrong
            }
        }
        this.cached = known.size() + suggestions.size();
    }

    /** Whether the language's answer cache exists and holds answers (so the dictionary may never be read). */
    boolean warm() {
        return !known.isEmpty();
    }

    public String language() {
        return language;
    }

    /** Whether the dictionary knows the word (Hunspell's own rules for capitals and affixes). */
    public boolean knows(String word) {
        Boolean answer = known.get(word);
        return answer != null ? answer : known.computeIfAbsent(word, this::spell);
    }

    /** Up to {@link #SUGGESTIONS} corrections, best first; empty when Hunspell has none. */
    public List<String> suggest(String word) {
        return suggestions.computeIfAbsent(word, w -> {
            Hunspell hunspell = dictionaries.hunspell(language).join();
            synchronized (hunspell) {
                List<String> all = hunspell.suggest(w);
                return List.copyOf(all.subList(0, Math.min(SUGGESTIONS, all.size())));
            }
        });
    }

    private boolean spell(String word) {
        Hunspell hunspell = dictionaries.hunspell(language).join();
        synchronized (hunspell) {
            return hunspell.spell(word);
        }
    }

    /** Writes the answers to the cache file when there are new ones (atomically: a reader sees old or new). */
    void save() {
        if (cacheFile == null || known.size() + suggestions.size() == cached) {
            return;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(known).forEach((word, answer) -> {
            text.append(word).append('\t').append(answer ? '1' : '0');
            List<String> suggested = suggestions.get(word);
            if (suggested != null) {
                text.append('\t').append(String.join("|", suggested));
            }
            text.append('\n');
        });
        try {
            Files.createDirectories(cacheFile.getParent());
            Path temporary = Files.createTempFile(cacheFile.getParent(), "spelling", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + cacheFile, e);
        }
    }
}
