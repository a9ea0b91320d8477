package org.polisi.site.forms.definition;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormKind;

/**
 * The fields without which a form is not the kind it says it is (tester2 report, fault 4): a consent form
 * asks at least one consent statement, which the person gives or refuses (UK GDPR Article 7: consent
 * is a statement or a clear affirmative action); an agreement asks the name of the person agreeing,
 * required, since that name is their signature; an incident report asks, required, what happened and
 * whether it is urgent ({@code urgent-concern}, the one answer the server reads to send the urgent
 * alerts its {@code notify: urgent:} promises). Withdrawals ({@link FormDefinitionReader}) and
 * objections ({@link ObjectionRules}) are checked where they were before. Each missing field is one
 * problem at the form's {@code fields:} line (or its first line, without one).
 */
final class FormKindRules {

    /** The answers that make an incident report urgent are chosen from a list (UrgentConcern on the server). */
    private static final Set<FieldType> CHOICES = Set.of(FieldType.RADIO, FieldType.SELECT, FieldType.CHECKBOXES);
    static final String URGENT_FIELD = "urgent-concern";

    private FormKindRules() {
    }

    /**
     * Reports what {@code kind} lacks among {@code fields}. A field that {@code items} declares but that
     * could not be read (its own problem is reported) counts as present, so that one slip gives one message.
     *
     * @param items  the {@code fields:} entries as written
     * @param fields the fields that were read without a problem
     */
    static void check(YamlMap yaml, FormKind kind, List<YamlMap> items, List<FormField> fields) {
        int line = yaml.keyLine("fields");
        // no fields, or one that could not be read: its own problem is reported, and the kind is judged once it is put right
        boolean unread = items.isEmpty() || items.size() > fields.size();
        switch (kind) {
            case CONSENT -> {
                if (!unread && fields.stream().noneMatch(field -> field.type() == FieldType.CONSENT)) {
                    yaml.problems().at(line, "a consent form needs a 'consent' field with its statements: the person"
                            + " gives or refuses each one, and a withdrawal can only withdraw a statement (docs/forms.md)");
                }
            }
            case AGREEMENT -> {
                if (!unread && fields.stream().noneMatch(field -> field.type() == FieldType.NAME && field.required())) {
                    yaml.problems().at(line, "an agreement needs a required 'name' field: the name of the person"
                            + " agreeing is their signature (docs/forms.md)");
                }
            }
            case INCIDENT -> {
                Optional<FormField> urgent = fields.stream().filter(field -> field.name().equals(URGENT_FIELD)).findFirst();
                if (urgent.isPresent() && (!urgent.get().required() || !CHOICES.contains(urgent.get().type()))
                        || urgent.isEmpty() && !unread) {
                    yaml.problems().at(urgent.isPresent() ? line(items, URGENT_FIELD).orElse(line) : line,
                            "an incident form needs a required field named '" + URGENT_FIELD + "' of type radio, select"
                            + " or checkboxes (its answers none or no mean not urgent): it is what sends the alerts"
                            + " of notify: urgent: (docs/forms.md)");
                }
                if (!unread && fields.stream().noneMatch(field -> field.type() == FieldType.TEXTAREA && field.required())) {
                    yaml.problems().at(line, "an incident form needs a required 'textarea' field for what happened (docs/forms.md)");
                }
            }
            default -> {
                // withdrawals and objections have their own rules
            }
        }
    }

    private static Optional<Integer> line(List<YamlMap> items, String name) {
        return items.stream().filter(item -> item.string("name").filter(name::equals).isPresent())
                .map(YamlMap::line).findFirst();
    }
}
