package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** One choice of a select, radio, checkboxes, year-group or consent-form field: the posted {@code value} and its label per language. */
@JsonPropertyOrder({"value", "label"})
public record FieldOption(
        @JsonProperty(required = true) String value,
        @JsonProperty(required = true) Map<String, String> label) {

    public FieldOption {
        Texts.required(value, "option value");
        label = Texts.text(label, "option label");
    }
}
