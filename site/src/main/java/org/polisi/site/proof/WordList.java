package org.polisi.site.proof;

import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Words the dictionaries do not know but that are right: names of people, places, schools and
 * products, abbreviations, accepted terms. One word a line, then {@code #} and why it is correct:
 *
 * <pre>
 * Rumney      # the school's name, as its policy spells it
 * SWGfL       # South West Grid for Learning, as the organisation writes it
 * </pre>
 *
 * An entry in lower case also accepts the word with a capital (as Hunspell does); an entry with
 * capitals accepts only that spelling. An entry without a reason is still used, with a
 * {@code word-list} warning, so that every accepted word says why it is accepted.
 */
public final class WordList {
    /** The file name of a word list, in {@code content/}, a cluster's or a school's folder. */
    public static final String FILE_NAME = "words.txt";
    static final WordList EMPTY = new WordList(Set.of());

    private final Set<String> words;

    private WordList(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** Reads a word list; a missing file is an empty list. */
    public static WordList read(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        List<String> lines;
        try {
            lines = org.polisi.site.content.SourceText.read(file, problems).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Set<String> words = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf('#');
            String word = (hash < 0 ? line : line.substring(0, hash)).strip().replace('’', '\'');
            if (word.contains(" ")) {
                problems.warning("word-list", file, i + 1, "'" + word + "': one word a line");
                continue;
            }
            if (hash < 0 || line.substring(hash + 1).isBlank()) {
                problems.warning("word-list", file, i + 1, "'" + word + "': say why it is correct after a #");
            }
            words.add(word);
        }
        return new WordList(words);
    }

    /** This list and {@code other} together. */
    public WordList and(WordList other) {
        Set<String> all = new HashSet<>(words);
        all.addAll(other.words);
        return new WordList(all);
    }

    public boolean contains(String word) {
        return words.contains(word) || words.contains(word.toLowerCase(java.util.Locale.ROOT))
                || (word.length() > 1 && words.contains(word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT))
                && word.equals(word.toUpperCase(java.util.Locale.ROOT)));
    }
}
