package org.polisi.site.forms.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A text given once per language, e.g. {@code {en: Year 1, cy: Blwyddyn 1}}. */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The text in {@code language}; loading has already checked every published language is there. */
    public String in(String language) {
        String text = byLanguage.get(language);
        if (text == null) {
            throw new IllegalArgumentException("no '" + language + "' text in " + byLanguage);
        }
        return text;
    }

    /** The texts in {@code languages}, in that order: what the manifest publishes. */
    public Map<String, String> inEach(List<String> languages) {
        Map<String, String> texts = new LinkedHashMap<>();
        languages.forEach(language -> texts.put(language, in(language)));
        return texts;
    }
}
