package org.polisi.site.forms.markup;

import org.jsoup.nodes.Element;
import org.polisi.site.forms.definition.FormField;

/**
 * Renders the fields that are one control with one label: text, name, textarea, date, time, email,
 * select and year-group; hands fields made of several controls to {@link FieldsetRenderer}.
 */
final class FieldRenderer {

    private final FieldMarkup markup;
    private final FieldsetRenderer fieldsets;

    FieldRenderer(FieldMarkup markup) {
        this.markup = markup;
        this.fieldsets = new FieldsetRenderer(markup);
    }

    void appendTo(Element form, FormField field) {
        switch (field.type()) {
            case RADIO, CHECKBOXES, CONSENT_FORM -> fieldsets.appendChoices(form, field);
            case PUPIL_NAMES -> fieldsets.appendPupilNames(form, field);
            case CONSENT -> fieldsets.appendConsent(form, field);
            default -> appendSingle(form, field);
        }
    }

    private void appendSingle(Element form, FormField field) {
        Element group = markup.group(form, field.name());
        group.appendElement("label").addClass("label").attr("for", markup.id(field)).text(markup.labelText(field));
        markup.appendHint(group, field);
        Element control = control(group, field);
        control.id(markup.id(field)).attr("name", field.name());
        markup.describe(control, field);
        if (field.type().hasLength()) {
            control.attr("maxlength", String.valueOf(field.maxLength()));
        }
    }

    private Element control(Element group, FormField field) {
        return switch (field.type()) {
            case TEXTAREA -> group.appendElement("textarea").addClass("textarea").attr("rows", "5");
            case SELECT, YEAR_GROUP -> select(group, field);
            case NAME -> input(group, "text").attr("autocomplete", "name").attr("spellcheck", "false");
            case EMAIL -> input(group, "email").attr("autocomplete", "email").attr("spellcheck", "false");
            case DATE -> input(group, "date");
            case TIME -> input(group, "time");
            default -> input(group, "text");
        };
    }

    private static Element input(Element group, String type) {
        return group.appendElement("input").addClass("input").attr("type", type);
    }

    /** Starts with an empty choice, so that nobody answers by not noticing the first one was picked. */
    private Element select(Element group, FormField field) {
        Element select = group.appendElement("select").addClass("select");
        select.appendElement("option").attr("value", "").text(markup.messages().get("forms.select.choose"));
        markup.choices(field).forEach(option -> select.appendElement("option")
                .attr("value", option.value()).text(option.label().in(markup.language())));
        return select;
    }
}
