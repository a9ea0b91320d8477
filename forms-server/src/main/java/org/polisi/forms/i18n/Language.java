package org.polisi.forms.i18n;

import java.util.Arrays;
import java.util.Optional;

/**
 * A language the server writes its pages in, by its BCP 47 tag (RFC 5646): {@code en}, {@code cy}.
 * The order of the constants is the order of every language toggle, on the site and on the server
 * alike: English first, as {@code school.yml} lists a bilingual school's languages.
 */
public enum Language {
    ENGLISH("en"),
    WELSH("cy");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag: {@code en} or {@code cy}. */
    public String tag() {
        return tag;
    }

    /** The language with this exact tag, or empty for anything else (null, {@code EN}, {@code fr}). */
    public static Optional<Language> of(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag.equals(tag)).findFirst();
    }

    /** The language with this tag, or English: the one language every school publishes. */
    public static Language orEnglish(String tag) {
        return of(tag).orElse(ENGLISH);
    }

    /** The other language of the bilingual pair, for the language toggle. */
    public Language other() {
        return this == WELSH ? ENGLISH : WELSH;
    }

    @Override
    public String toString() {
        return tag;
    }
}
