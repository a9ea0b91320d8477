package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One statement of a consent field, answered {@code given} or {@code refused} on its own; its text per
 * language. {@code label} (per language, or absent) is its short name ("Photos on the website"), which
 * error messages use to name it instead of the whole statement.
 */
@JsonPropertyOrder({"id", "text", "label"})
public record ConsentStatement(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) Map<String, String> text,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> label) {

    public ConsentStatement {
        Texts.required(id, "statement id");
        text = Texts.text(text, "statement text");
        label = Texts.optionalText(label, "statement label");
    }

    /** A statement without a short label. */
    public ConsentStatement(String id, Map<String, String> text) {
        this(id, text, null);
    }

    /**
     * The short label in {@code language} (else English), or else the statement's whole text in
     * {@code language} (else English, else the first language given); never null.
     */
    public String shortLabel(String language) {
        String own = label == null ? null : label.getOrDefault(language, label.get("en"));
        if (own != null && !own.isBlank()) {
            return own;
        }
        String whole = text.getOrDefault(language, text.get("en"));
        return whole != null ? whole : text.values().stream().findFirst().orElse("");
    }
}
