package org.polisi.forms.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polisi.forms.manifest.FieldDefinition;
import org.polisi.forms.manifest.FieldType;
import org.polisi.forms.manifest.FormDefinition;
import org.polisi.forms.manifest.FormKind;

/**
 * Recognises an incident report that must not wait: the incident form's {@code urgent-concern}
 * answer (suspected illegal content, a child at immediate risk) is anything but {@code none}/{@code no}.
 */
public final class UrgentConcern {

    public static final String FIELD = "urgent-concern";
    private static final Set<String> NOT_URGENT = Set.of("", "none", "no");

    private UrgentConcern() {
    }

    /** The category (the answer's value, several joined by commas), when the report is urgent. */
    public static Optional<String> category(FormDefinition form, Map<String, Object> answers) {
        if (form.kind() != FormKind.INCIDENT) {
            return Optional.empty();
        }
        Optional<FieldDefinition> field = form.field(FIELD)
                .filter(definition -> definition.type() == FieldType.RADIO
                        || definition.type() == FieldType.CHECKBOXES || definition.type() == FieldType.SELECT);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Object answer = answers.get(FIELD);
        List<String> values = answer instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : answer == null ? List.of() : List.of(String.valueOf(answer));
        List<String> urgent = values.stream().filter(value -> !NOT_URGENT.contains(value)).toList();
        return urgent.isEmpty() ? Optional.empty() : Optional.of(String.join(",", urgent));
    }

    /** Who raised it: the {@code reporter-name} field, else the form's first name field; never the content. */
    public static Optional<String> reporter(FormDefinition form, Map<String, Object> answers) {
        Optional<FieldDefinition> nameField = form.field("reporter-name")
                .or(() -> form.fields().stream().filter(field -> field.type() == FieldType.NAME).findFirst());
        return nameField.map(field -> answers.get(field.name())).map(String::valueOf);
    }
}
