package org.polisi.site.forms.definition;

import java.util.List;
import java.util.Optional;
import org.polisi.contract.FieldType;

/**
 * One field of a form, with its limits already resolved ({@code maxLength} holds the type's default
 * when the definition gives none, and is 0 for types without a length).
 */
public record FormField(
        String name,
        FieldType type,
        LocalizedText label,
        Optional<LocalizedText> hint,
        boolean required,
        int maxLength,
        int maxItems,
        List<FieldOption> options,
        List<ConsentStatement> statements) {

    public FormField {
        options = List.copyOf(options);
        statements = List.copyOf(statements);
    }
}
