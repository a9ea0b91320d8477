package org.polisi.site.forms.markup;

import java.util.List;
import org.jsoup.nodes.Element;
import org.polisi.site.forms.definition.Choices;
import org.polisi.site.forms.definition.FieldOption;
import org.polisi.site.forms.definition.FormField;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.Messages;
import org.polisi.contract.InputIds;

/**
 * What every field's markup shares: the ids of docs/forms.md ({@code <form-id>--<field>}, hints at
 * {@code <id>--hint}), "(optional)" after the label of optional fields (GOV.UK marks the exception,
 * not the rule), and the hint. One instance renders one form in one language.
 */
final class FieldMarkup {

    private final String formId;
    private final String language;
    private final Messages messages;
    private final FormsSchoolContext school;

    FieldMarkup(String formId, String language, FormsSchoolContext school) {
        this.formId = formId;
        this.language = language;
        this.messages = school.messages(language);
        this.school = school;
    }

    String language() {
        return language;
    }

    Messages messages() {
        return messages;
    }

    String id(FormField field) {
        return InputIds.field(formId, field.name());
    }

    String hintId(FormField field) {
        return InputIds.hint(id(field));
    }

    /** The field's own label, with "(optional)" when it may be left empty. */
    String labelText(FormField field) {
        String label = field.label().in(language);
        return field.required() ? label : label + " " + messages.get("forms.optional");
    }

    /** The hint below the label, or nothing; callers point aria-describedby at it when present. */
    void appendHint(Element parent, FormField field) {
        field.hint().ifPresent(hint -> parent.appendElement("div").addClass("hint")
                .id(hintId(field)).text(hint.in(language)));
    }

    void describe(Element input, FormField field) {
        if (field.hint().isPresent()) {
            input.attr("aria-describedby", hintId(field));
        }
    }

    /** {@code <div class="form-group" data-field="…">}: the server finds a failing field by its name here. */
    Element group(Element parent, String dataField) {
        return parent.appendElement("div").addClass("form-group").attr("data-field", dataField);
    }

    List<FieldOption> choices(FormField field) {
        return Choices.of(field, school, List.of(language));
    }
}
