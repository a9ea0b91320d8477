package org.polisi.forms.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One field of a form as the manifest describes it. */
public record FieldDefinition(
        String name,
        FieldType type,
        boolean required,
        Integer maxLength,
        Integer maxItems,
        Map<String, String> label,
        List<FieldOption> options,
        List<ConsentStatement> statements) {

    public FieldDefinition {
        label = label == null ? Map.of() : label;
        options = options == null ? List.of() : options;
        statements = statements == null ? List.of() : statements;
    }

    /** The manifest's limit, or the type's default. */
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
