package org.polisi.forms.manifest;

import java.util.Map;

/**
 * One statement of a consent field, answered {@code given} or {@code refused} on its own. {@code label}
 * (per language, may be absent or null) is its short name, which error messages use to name it.
 */
public record ConsentStatement(String id, Map<String, String> text, Map<String, String> label) {
    public ConsentStatement {
        label = label == null ? Map.of() : label;
    }

    public ConsentStatement(String id, Map<String, String> text) {
        this(id, text, Map.of());
    }

    /** The short label in {@code language} (else English), or else the statement's whole text. */
    public String shortLabel(String language) {
        String own = label.getOrDefault(language, label.get("en"));
        return own != null && !own.isBlank() ? own : Text.in(text, language);
    }
}
