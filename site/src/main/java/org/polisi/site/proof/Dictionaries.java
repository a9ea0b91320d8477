package org.polisi.site.proof;

import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.analysis.hunspell.TimeoutPolicy;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Hunspell dictionaries the build checks spelling with, one per language: {@code cy} (Welsh,
 * npm {@code dictionary-cy}, from Bangor University's word list, LGPL-3.0) and {@code en}
 * (British English, npm {@code dictionary-en-gb}, from SCOWL). They are vendored as resources under
 * {@code org/polisi/site/proof/dictionaries/<language>/} (see the README there for the exact
 * versions and the command that fetched them) and read by Lucene's pure-Java Hunspell.
 *
 * <p>Reading a dictionary takes about a second (Lucene builds an FST of some 100,000 stems), so each
 * is read once per JVM, on a background thread that {@link #preload} starts as early as possible.
 */
public final class Dictionaries {
    /** Languages with a vendored dictionary. */
    public static final Set<String> LANGUAGES = Set.of("cy", "en");
    private static final Map<String, CompletableFuture<Speller>> LOADING = new ConcurrentHashMap<>();

    private Dictionaries() {
    }

    /** Starts reading the dictionaries of these languages in the background; returns at once. */
    public static void preload(Collection<String> languages) {
        languages.stream().filter(LANGUAGES::contains).forEach(Dictionaries::loading);
    }

    /** The speller of a language, or empty when Polisi has no dictionary for it. Waits for a preload. */
    public static Optional<Speller> of(String language) {
        if (!LANGUAGES.contains(language)) {
            return Optional.empty();
        }
        return Optional.of(loading(language).join());
    }

    private static CompletableFuture<Speller> loading(String language) {
        return LOADING.computeIfAbsent(language, l -> CompletableFuture.supplyAsync(() -> read(l)));
    }

    private static Speller read(String language) {
        String base = "dictionaries/" + language + "/index.";
        try (InputStream affix = open(base + "aff"); InputStream words = open(base + "dic")) {
            Dictionary dictionary = new Dictionary(new ByteBuffersDirectory(), "hunspell", affix, List.of(words), false);
            // No time limit on suggestions: with Lucene's default (250 ms, then partial results) a busy
            // machine would print different suggestions from one build to the next.
            return new Speller(language, new Hunspell(dictionary, TimeoutPolicy.NO_TIMEOUT, () -> { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + language + " dictionary", e);
        } catch (ParseException e) {
            throw new IllegalStateException("the " + language + " dictionary is malformed at " + e.getErrorOffset(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Dictionaries.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the dictionary " + resource + " is missing from the classpath");
        }
        return in;
    }
}
