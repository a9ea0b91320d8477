package org.polisi.site.forms.markup;

import org.jsoup.nodes.Element;
import org.polisi.site.forms.definition.ConsentStatement;
import org.polisi.site.forms.definition.FieldOption;
import org.polisi.site.forms.definition.FormField;
import org.polisi.contract.ConsentAnswers;
import org.polisi.contract.FieldType;
import org.polisi.contract.InputIds;
import org.polisi.contract.ReservedNames;

/**
 * Renders the fields made of several controls, each group a fieldset whose legend asks the question:
 * radios, checkboxes, pupil names, and consent (one fieldset per statement, so each is answered).
 */
final class FieldsetRenderer {

    private final FieldMarkup markup;

    FieldsetRenderer(FieldMarkup markup) {
        this.markup = markup;
    }

    /**
     * The first choice carries the field's own id, so that the error summary's {@code #<form-id>--<field>}
     * link lands on the group, as in GOV.UK's radios.
     */
    void appendChoices(Element form, FormField field) {
        Element fieldset = fieldset(markup.group(form, field.name()), field, markup.labelText(field));
        boolean radio = field.type() == FieldType.RADIO || field.type() == FieldType.CONSENT_FORM;
        Element items = fieldset.appendElement("div").addClass(radio ? "radios" : "checkboxes");
        boolean first = true;
        for (FieldOption option : markup.choices(field)) {
            String id = first ? markup.id(field) : InputIds.part(markup.id(field), option.value());
            appendChoice(items, radio ? "radio" : "checkbox", id, field.name(), option.value(), option.label().in(markup.language()));
            first = false;
        }
    }

    /**
     * GOV.UK's "add another" pattern: one box, all boxes named after the field (the server takes the
     * non-empty ones), and an "add another" button. Without JavaScript the button is a submit button
     * ({@code name="add-another"}, value the field's name) and the server shows the form again with
     * what was typed and one more box; with JavaScript (assets/polisi.js) the box is added here. The
     * fieldset says how: {@code data-add-another} (the field), {@code data-max-items},
     * {@code data-item-label} (a box's label, {@code {n}} its number).
     */
    void appendPupilNames(Element form, FormField field) {
        Element fieldset = fieldset(markup.group(form, field.name()), field, markup.labelText(field));
        fieldset.addClass("add-another").attr("data-add-another", field.name())
                .attr("data-max-items", String.valueOf(field.maxItems()))
                .attr("data-item-label", markup.messages().get("forms.pupil-names.item", "n", "{n}"));
        String id = InputIds.part(markup.id(field), "1");
        Element item = fieldset.appendElement("div").addClass("pupil-name").addClass("add-another__item");
        item.appendElement("label").addClass("label").attr("for", id)
                .text(markup.messages().get("forms.pupil-names.item", "n", "1"));
        item.appendElement("input").addClass("input").id(id).attr("name", field.name()).attr("type", "text")
                .attr("maxlength", String.valueOf(field.maxLength())).attr("autocomplete", "off").attr("spellcheck", "false");
        if (field.maxItems() > 1) {
            fieldset.appendElement("button").addClass("button").addClass("button--secondary").addClass("add-another__add")
                    .attr("type", "submit").attr("name", ReservedNames.ADD_ANOTHER).attr("value", field.name())
                    .text(markup.messages().get("forms.pupil-names.add"));
        }
    }

    /** The field's label heads the statements (h3: the form title is the h2); each statement is a question. */
    void appendConsent(Element form, FormField field) {
        String headingId = InputIds.part(markup.id(field), InputIds.HEADING);
        Element consent = form.appendElement("div").addClass("consent").attr("role", "group").attr("aria-labelledby", headingId);
        consent.appendElement("h3").addClass("heading").id(headingId).text(markup.labelText(field));
        markup.appendHint(consent, field);
        for (ConsentStatement statement : field.statements()) {
            String parameter = field.name() + "." + statement.id();
            String id = InputIds.part(markup.id(field), statement.id());
            Element fieldset = markup.group(consent, parameter).appendElement("fieldset").addClass("fieldset");
            markup.describe(fieldset, field);
            fieldset.appendElement("legend").addClass("legend").text(statement.text().in(markup.language()));
            Element radios = fieldset.appendElement("div").addClass("radios").addClass("radios--inline");
            appendChoice(radios, "radio", id, parameter, ConsentAnswers.GIVEN,
                    markup.messages().get("forms.consent." + ConsentAnswers.GIVEN));
            appendChoice(radios, "radio", InputIds.part(id, ConsentAnswers.REFUSED), parameter, ConsentAnswers.REFUSED,
                    markup.messages().get("forms.consent." + ConsentAnswers.REFUSED));
        }
    }

    private Element fieldset(Element group, FormField field, String legend) {
        Element fieldset = group.appendElement("fieldset").addClass("fieldset");
        markup.describe(fieldset, field);
        fieldset.appendElement("legend").addClass("legend").text(legend);
        markup.appendHint(fieldset, field);
        return fieldset;
    }

    private static void appendChoice(Element items, String type, String id, String name, String value, String label) {
        String kind = type.equals("radio") ? "radios" : "checkboxes";
        Element item = items.appendElement("div").addClass(kind + "__item");
        item.appendElement("input").addClass(kind + "__input").id(id).attr("name", name).attr("type", type).attr("value", value);
        item.appendElement("label").addClass("label").addClass(kind + "__label").attr("for", id).text(label);
    }
}
