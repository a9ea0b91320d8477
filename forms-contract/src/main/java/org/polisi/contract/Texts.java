package org.polisi.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Checks shared by the manifest's records: required values are present, and texts keep their language order. */
final class Texts {

    private Texts() {
    }

    /** @throws IllegalArgumentException "<what> is missing" (Jackson reports it with the JSON path and file) */
    static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    /** A {@code {"en": …, "cy": …}} text, in the order given (the school's language order), unmodifiable. */
    static Map<String, String> text(Map<String, String> byLanguage, String what) {
        required(byLanguage, what).forEach((language, text) -> Objects.requireNonNull(text, what + " in " + language));
        return Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    /** Like {@link #text}, for a text that may be absent (null). */
    static Map<String, String> optionalText(Map<String, String> byLanguage, String what) {
        return byLanguage == null ? null : text(byLanguage, what);
    }

    static <T> List<T> list(List<T> items, String what) {
        return List.copyOf(required(items, what));
    }
}
