package org.polisi.forms.manifest;

import java.util.Map;

/** Picks a text in a language from a manifest's {@code {"en": ..., "cy": ...}} map. */
public final class Text {

    private Text() {
    }

    /** The text in the language; English when that language has none; empty when there is no text. */
    public static String in(Map<String, String> texts, String language) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String text = texts.get(language);
        if (text == null || text.isBlank()) {
            text = texts.getOrDefault("en", texts.values().iterator().next());
        }
        return text == null ? "" : text;
    }
}
