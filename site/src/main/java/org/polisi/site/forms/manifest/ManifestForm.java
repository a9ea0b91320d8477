package org.polisi.site.forms.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polisi.contract.AlertRoles;
import org.polisi.contract.ConsentStatement;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldOption;
import org.polisi.contract.FieldType;
import org.polisi.site.forms.definition.Choices;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormField;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.LocalizedText;
import org.polisi.site.forms.definition.RetentionSentence;

/**
 * A form definition as the manifest's typed record ({@link org.polisi.contract.FormDefinition}, docs/forms.md):
 * the manifest publishes it in every language, and {@link FormVersion} hashes it in one language, so
 * what is signed is exactly what is published.
 */
final class ManifestForm {

    private ManifestForm() {
    }

    /**
     * @param languages the languages whose texts the record carries, in the school's order
     * @param versions  per language, the version the rendered page's form carries (none for a version's own text)
     * @param pages     per language, the site path of the page that embeds the form
     */
    static org.polisi.contract.FormDefinition of(FormDefinition form, FormsSchoolContext school, List<String> languages,
                                                 Map<String, String> versions, Map<String, String> pages) {
        Map<String, String> retentionText = new LinkedHashMap<>();
        languages.forEach(language -> retentionText.put(language,
                RetentionSentence.of(form.retention(), school.messages(language))));
        return new org.polisi.contract.FormDefinition(form.id(), form.kind(), form.readerRole(),
                form.alerts(), form.retention(),
                form.signedBy().orElse(null), versions, pages,
                texts(form.title(), languages), optional(form.introduction(), languages),
                optional(form.declaration(), languages), texts(form.confirmation(), languages), retentionText,
                texts(form.purpose(), languages), texts(form.lawfulBasis(), languages),
                form.fields().stream().map(field -> field(field, school, languages)).toList(),
                optional(form.urgentSteps(), languages));
    }

    private static FieldDefinition field(FormField field, FormsSchoolContext school, List<String> languages) {
        return new FieldDefinition(field.name(), field.type(), field.required(),
                field.type().hasLength() ? field.maxLength() : null,
                field.type() == FieldType.PUPIL_NAMES ? field.maxItems() : null,
                texts(field.label(), languages), optional(field.hint(), languages),
                Choices.of(field, school, languages).stream()
                        .map(option -> new FieldOption(option.value(), texts(option.label(), languages))).toList(),
                field.statements().stream()
                        .map(statement -> new ConsentStatement(statement.id(), texts(statement.text(), languages),
                                optional(statement.label(), languages))).toList());
    }

    private static Map<String, String> optional(Optional<LocalizedText> text, List<String> languages) {
        return text.map(present -> texts(present, languages)).orElse(null);
    }

    private static Map<String, String> texts(LocalizedText text, List<String> languages) {
        return text.inEach(languages);
    }
}
