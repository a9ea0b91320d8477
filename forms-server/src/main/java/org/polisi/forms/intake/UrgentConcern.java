package org.polisi.forms.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;

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

    /** The fields that name the person reporting, in the forms' own words: {@code reported-by}, {@code reporter-name}. */
    public static final List<String> REPORTER_FIELDS = List.of("reported-by", "reporter-name");

    /**
     * Who raised it: the answer to the form's reporter field ({@link #REPORTER_FIELDS}); empty when
     * the form has none or it was left blank. Never another name field: an incident form also asks
     * who took action ({@code action-taken-by}), and naming that person as the reporter would be
     * false. Never the report's content.
     */
    public static Optional<String> reporter(FormDefinition form, Map<String, Object> answers) {
        return REPORTER_FIELDS.stream().filter(name -> form.field(name).isPresent()).findFirst()
                .map(answers::get).map(String::valueOf).filter(name -> !name.isBlank());
    }
}
