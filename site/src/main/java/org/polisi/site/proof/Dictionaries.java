package org.polisi.site.proof;

import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.analysis.hunspell.TimeoutPolicy;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Hunspell dictionaries the build checks spelling with, one per language: {@code cy} (Welsh,
 * npm {@code dictionary-cy} 2.0.0, from Bangor University's word list, LGPL-3.0) and {@code en}
 * (British English, npm {@code dictionary-en-gb} 3.0.0, from SCOWL). They are vendored as resources
 * under {@code org/polisi/site/proof/dictionaries/<language>/} (see the README there for the exact
 * versions and the command that fetched them) and read by Lucene's pure-Java Hunspell.
 *
 * <p>Reading a dictionary costs about a second of CPU (Lucene builds an FST of some 100,000 stems),
 * so each is read at most once per instance, on a background thread, and only when a word is not in
 * the build's cache of earlier answers ({@link Speller}). The process that runs builds owns one
 * instance and lends it to each build ({@code BuildTools}): a preview's rebuilds share it, two
 * processes or two test classes need not. No build input reaches it: it holds only what the
 * vendored resources say. Safe for concurrent use.
 */
public final class Dictionaries {
    /** Languages with a vendored dictionary, and the version of each (it names the answer cache). */
    public static final Map<String, String> VERSIONS = Map.of("cy", "dictionary-cy-2.0.0", "en", "dictionary-en-gb-3.0.0");
    private final Map<String, CompletableFuture<Hunspell>> loading = new ConcurrentHashMap<>();

    /** Dictionaries not read yet: each is read the first time a build asks it about a word. */
    public Dictionaries() {
    }

    /** Starts reading every dictionary in the background now, for a process whose builds come later (the build server). */
    public void readAllInBackground() {
        VERSIONS.keySet().forEach(this::hunspell);
    }

    /** Whether Polisi has a dictionary for the language. */
    public static boolean has(String language) {
        return VERSIONS.containsKey(language);
    }

    /** The language's Hunspell, being read in the background from the first call on; join it to wait. */
    CompletableFuture<Hunspell> hunspell(String language) {
        if (!has(language)) {
            throw new IllegalArgumentException("no dictionary for '" + language + "'");
        }
        return loading.computeIfAbsent(language, l -> CompletableFuture.supplyAsync(() -> Reading.read(l)));
    }

    /**
     * Lucene's side of reading a dictionary, in a class of its own: a build that never reads one
     * (every word in the answer file) then loads no Lucene class at all, not even the few the JVM's
     * verifier would load to check this code (ADR 0069).
     */
    private static final class Reading {
        private Reading() {
        }

        static Hunspell read(String language) {
            String base = "dictionaries/" + language + "/index.";
            try (InputStream affix = open(base + "aff"); InputStream words = open(base + "dic")) {
                Dictionary dictionary = new Dictionary(new ByteBuffersDirectory(), "hunspell", affix, List.of(words), false);
                // No time limit on suggestions: with Lucene's default (250 ms, then partial results) a busy
                // machine would print different suggestions from one build to the next.
                return new Hunspell(dictionary, TimeoutPolicy.NO_TIMEOUT, () -> { });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + language + " dictionary", e);
            } catch (ParseException e) {
                throw new IllegalStateException("the " + language + " dictionary is malformed at " + e.getErrorOffset(), e);
            }
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
