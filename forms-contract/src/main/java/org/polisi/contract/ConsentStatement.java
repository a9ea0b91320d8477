package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** One statement of a consent field, answered {@code given} or {@code refused} on its own; its text per language. */
@JsonPropertyOrder({"id", "text"})
public record ConsentStatement(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) Map<String, String> text) {

    public ConsentStatement {
        Texts.required(id, "statement id");
        text = Texts.text(text, "statement text");
    }
}
