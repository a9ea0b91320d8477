package org.polisi.site.forms.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormKind;
import org.polisi.contract.YearGroups;

/**
 * The choices a field offers: the author's options, for {@code year-group} the fixed school years,
 * worded by the message bundle, and for {@code consent-form} the school's forms that ask consent (consent forms, and agreements with a consent question) by title. Rendering and the manifest both ask here, so they cannot disagree.
 */
public final class Choices {

    private Choices() {
    }

    public static List<FieldOption> of(FormField field, FormsSchoolContext school, List<String> languages) {
        if (field.type() == FieldType.CONSENT_FORM) {
            // every form that asks a consent question, whatever its kind: an agreement asking a permission
            // too (forms-server ConsentForms.asksConsent, ADR 0106), so that its consents can be withdrawn
            return school.forms().all().stream().filter(form -> form.kind() == FormKind.CONSENT
                            || form.kind() != FormKind.WITHDRAWAL && form.kind() != FormKind.OBJECTION
                            && form.fields().stream().anyMatch(asked -> asked.type() == FieldType.CONSENT))
                    .map(form -> new FieldOption(form.id(), form.title())).toList();
        }
        if (field.type() != FieldType.YEAR_GROUP) {
            return field.options();
        }
        return YearGroups.VALUES.stream().map(value -> {
            Map<String, String> labels = new LinkedHashMap<>();
            languages.forEach(language -> labels.put(language, school.messages(language).get("forms.year-group." + value)));
            return new FieldOption(value, new LocalizedText(labels));
        }).toList();
    }
}
