package org.polisi.forms.manifest;

import org.polisi.forms.i18n.Dates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.ReservedNames;
import org.polisi.contract.ConsentStatement;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;

/**
 * Stored answers in words: option values become their labels, consent answers become "I give
 * consent", year groups become "Year 3", lists are joined. Used for receipts, staff pages and
 * exports, so they all say the same thing.
 */
public final class Answers {

    private final Messages messages;

    public Answers(Messages messages) {
        this.messages = messages;
    }

    /** The answer a withdrawal stores its chosen statement keys under, and the field naming its consent form (docs/forms.md). */
    private static final String WITHDRAWN = ReservedNames.WITHDRAW;
    private static final String CONSENT_FORM = "consent-form";

    /**
     * Every field of the form, in form order, with its answer ("" when not answered); for a withdrawal,
     * then the consents withdrawn, each in the words of the school's consent form ({@code school}).
     */
    public List<AnsweredField> describe(FormDefinition form, Map<String, Object> stored, String language,
                                        Manifest school) {
        List<AnsweredField> described = describe(form, stored, language);
        if (form.kind() == FormKind.WITHDRAWAL) {
            java.util.Optional<FormDefinition> consentForm = school.form(String.valueOf(stored.get(CONSENT_FORM)));
            List<String> keys = stored.get(WITHDRAWN) instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            described.add(new AnsweredField(WITHDRAWN, messages.get(language, "withdrawal.receipt.statements"),
                    String.join("\n", keys.stream().map(key -> consentForm.map(FormDefinition::statements)
                            .map(statements -> statements.get(key))
                            .map(statement -> Text.in(statement.text(), language)).orElse(key)).toList())));
        }
        return described;
    }

    /** Every field of the form, in form order, with its answer ("" when not answered). */
    public List<AnsweredField> describe(FormDefinition form, Map<String, Object> stored, String language) {
        List<AnsweredField> described = new ArrayList<>();
        for (FieldDefinition field : form.fields()) {
            String label = Text.in(field.label(), language);
            if (field.type() == FieldType.CONSENT) {
                for (ConsentStatement statement : field.statements()) {
                    String key = field.name() + "." + statement.id();
                    Object answer = stored.get(key);
                    described.add(new AnsweredField(key, Text.in(statement.text(), language),
                            answer == null ? "" : consentAnswer(String.valueOf(answer), language)));
                }
                continue;
            }
            described.add(new AnsweredField(field.name(), label, words(field, stored.get(field.name()), language)));
        }
        return described;
    }

    public String consentAnswer(String answer, String language) {
        return switch (answer) {
            case "given", "refused", "withdrawn", "objects", "no-objection" ->
                    messages.get(language, "consent.answer." + answer);
            default -> answer;
        };
    }

    private String words(FieldDefinition field, Object answer, String language) {
        if (answer == null) {
            return "";
        }
        if (answer instanceof List<?> values) {
            return String.join("; ", values.stream().map(value -> single(field, String.valueOf(value), language)).toList());
        }
        return single(field, String.valueOf(answer), language);
    }

    /** A date answer as people read it ("11 Tachwedd 2026"); what was stored stays ISO. */
    private static String readableDate(String value, String language) {
        try {
            return Dates.day(LocalDate.parse(value), language);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private String single(FieldDefinition field, String value, String language) {
        return switch (field.type()) {
            case SELECT, RADIO, CHECKBOXES, CONSENT_FORM -> field.option(value).map(option -> Text.in(option.label(), language))
                    .filter(label -> !label.isEmpty()).orElse(value);
            case YEAR_GROUP -> messages.get(language, "year-group." + value);
            case DATE -> readableDate(value, language);
            default -> value;
        };
    }
}
