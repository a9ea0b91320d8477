package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One field of a form as the manifest describes it (docs/forms.md, "Fields").
 *
 * @param maxLength  characters an answer may have, for typed fields only ({@link FieldType#hasLength()}); else absent
 * @param maxItems   how many pupil names one submission may carry, for {@code pupil-names} only; else absent
 * @param hint       the hint below the label, or absent
 * @param options    the choices, already resolved by the build (year groups and consent forms too); empty for others
 * @param statements a consent field's statements; empty for others
 */
@JsonPropertyOrder({"name", "type", "required", "maxLength", "maxItems", "label", "hint", "options", "statements"})
public record FieldDefinition(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) FieldType type,
        @JsonProperty(required = true) boolean required,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxLength,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxItems,
        @JsonProperty(required = true) Map<String, String> label,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> hint,
        @JsonProperty(required = true) List<FieldOption> options,
        @JsonProperty(required = true) List<ConsentStatement> statements) {

    public FieldDefinition {
        Texts.required(name, "field name");
        Texts.required(type, "type of field '" + name + "'");
        label = Texts.text(label, "label of field '" + name + "'");
        hint = Texts.optionalText(hint, "hint of field '" + name + "'");
        options = Texts.list(options, "options of field '" + name + "'");
        statements = Texts.list(statements, "statements of field '" + name + "'");
    }

    /** The manifest's limit in characters, or the type's default. */
    public int lengthLimit() {
        return maxLength != null && maxLength > 0 ? maxLength : type.defaultMaxLength();
    }

    /** How many pupil names one submission may carry (one when the manifest does not say). */
    public int itemLimit() {
        return maxItems != null && maxItems > 0 ? maxItems : 1;
    }

    public Optional<FieldOption> option(String value) {
        return options.stream().filter(option -> option.value().equals(value)).findFirst();
    }
}
