package org.polisi.site.content;

import java.util.Map;
import java.util.Optional;

/**
 * A setting that may differ per language: a school's name, its local authority.
 * A plain value (a person's name) is the same in every language.
 */
public record LocalizedText(Map<String, String> byLanguage, String everyLanguage) {

    public static LocalizedText same(String value) {
        return new LocalizedText(Map.of(), value == null ? "" : value);
    }

    public static LocalizedText of(Map<String, String> byLanguage) {
        return new LocalizedText(Map.copyOf(byLanguage), null);
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
