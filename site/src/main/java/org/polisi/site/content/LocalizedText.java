package org.polisi.site.content;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A setting that may differ per language: a school's name, its local authority.
 * A plain value (a person's name) is the same in every language.
 */
public record LocalizedText(Map<String, String> byLanguage, String everyLanguage) {

    public static LocalizedText same(String value) {
        return new LocalizedText(Map.of(), value == null ? "" : value);
    }

    /**
     * Sorted by language: a page's hash (and so its forms' versions) includes the school's settings
     * as text, and {@code Map.copyOf} iterates in an order that changes with every JVM, which gave
     * every form a new version at every build.
     */
    public static LocalizedText of(Map<String, String> byLanguage) {
        return new LocalizedText(Collections.unmodifiableSortedMap(new TreeMap<>(byLanguage)), null);
    }

    public Optional<String> in(String language) {
        if (everyLanguage != null) {
            return Optional.of(everyLanguage);
        }
        return Optional.ofNullable(byLanguage.get(language));
    }

    /** The value in a language, or the English one when a translation is missing (reported elsewhere). */
    public String inOrEnglish(String language) {
        return in(language).or(() -> in("en")).orElse("");
    }
}
