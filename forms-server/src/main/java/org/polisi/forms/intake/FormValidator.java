package org.polisi.forms.intake;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.ConsentAnswers;
import org.polisi.contract.ConsentStatement;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.text.DisplayText;
import org.polisi.forms.text.TypedText;
import org.polisi.contract.InputIds;
import org.polisi.contract.YearGroups;

/**
 * Checks posted answers against the form's definition in the manifest, and nothing else: each
 * field's type, whether it is required, its length, its allowed values, real dates and times,
 * email addresses, the number of pupil names, every consent statement answered. Messages are in
 * the submission's language and name the field by its label, as the person saw it.
 *
 * <p>Typed answers are kept as typed ({@link TypedText#normalise}: NFC and control characters only,
 * ADR 0022). An answer without a visible character ({@link TypedText#hasVisibleCharacter}) counts as
 * no answer. Dates, times and e-mail addresses are values, not prose: surrounding white space is
 * removed from them, as HTML's value sanitisation does for those input types.
 */
public final class FormValidator {

    static final List<String> YEAR_GROUPS = YearGroups.VALUES;
    static final Set<String> CONSENT_ANSWERS = Set.copyOf(ConsentAnswers.VALUES);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** An incident's date further back than this many years is taken for a slip of the year and refused. */
    static final int OLDEST_INCIDENT_YEARS = 100;

    private final Messages messages;
    private final java.time.Clock clock;
    /** The schools' own time zone: "today" for an incident's date is the day in Wales. */
    static final java.time.ZoneId SCHOOLS = java.time.ZoneId.of("Europe/London");

    /** @param clock today's date, for the dates of events that cannot be in the future (an incident's) */
    public FormValidator(Messages messages, java.time.Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public Validation validate(FormDefinition form, String language, Map<String, List<String>> posted) {
        Check check = new Check(form, language);
        Set<String> expected = new HashSet<>();
        for (FieldDefinition field : form.fields()) {
            if (field.type() == FieldType.CONSENT) {
                field.statements().forEach(statement -> expected.add(field.name() + "." + statement.id()));
            } else {
                expected.add(field.name());
            }
            check.field(field, posted);
        }
        for (String name : posted.keySet()) {
            if (!expected.contains(name)) {
                check.formError("error.form.unexpected-field", Map.of("name", DisplayText.isolated(name)));
            }
        }
        return new Validation(List.copyOf(check.errors), check.answers);
    }

    /** The state of one validation: errors and answers in form order. */
    private final class Check {
        private final FormDefinition form;
        private final String language;
        private final List<FieldError> errors = new ArrayList<>();
        private final Map<String, Object> answers = new LinkedHashMap<>();

        Check(FormDefinition form, String language) {
            this.form = form;
            this.language = language;
        }

        void field(FieldDefinition field, Map<String, List<String>> posted) {
            List<String> values = posted.getOrDefault(field.name(), List.of());
            String label = Text.in(field.label(), language);
            if (!field.type().isRepeated() && field.type() != FieldType.CONSENT && values.size() > 1) {
                error(field.name(), inputId(field), "error.field.repeated", label);
                return;
            }
            switch (field.type()) {
                case TEXT, NAME, EMAIL, DATE, TIME -> typedLine(field, label, values);
                case TEXTAREA -> typedLines(field, label, values);
                case SELECT, RADIO, CONSENT_FORM -> choice(field, label, values, optionValues(field));
                case YEAR_GROUP -> choice(field, label, values, YEAR_GROUPS);
                case CHECKBOXES -> checkboxes(field, label, values);
                case PUPIL_NAMES -> pupilNames(field, label, values);
                case CONSENT -> consent(field, posted);
                default -> throw new IllegalStateException("unhandled field type " + field.type());
            }
        }

        private void typedLine(FieldDefinition field, String label, List<String> values) {
            String value = TypedText.normalise(first(values));
            if (TypedText.hasLineBreak(value)) {
                // a browser's one-line box cannot send one; never join the lines into one silently
                error(field.name(), inputId(field), "error.field.one-line", label);
                return;
            }
            if (field.type() == FieldType.EMAIL || field.type() == FieldType.DATE || field.type() == FieldType.TIME) {
                value = value.strip();
            }
            if (!lengthAndPresence(field, label, value) || !TypedText.hasVisibleCharacter(value)) {
                return;
            }
            switch (field.type()) {
                case EMAIL -> {
                    if (!EMAIL.matcher(value).matches()) {
                        error(field.name(), inputId(field), "error.email.invalid", label);
                        return;
                    }
                }
                case DATE -> {
                    if (!realDate(value)) {
                        error(field.name(), inputId(field), "error.date.invalid", label);
                        return;
                    }
                    // an incident report's dates are of what has happened: never after today (in Wales),
                    // nor a lifetime ago (1900-01-01 is a slip of the year: tester 3's fault 15)
                    LocalDate today = LocalDate.now(clock.withZone(SCHOOLS));
                    if (form.kind() == org.polisi.contract.FormKind.INCIDENT
                            && LocalDate.parse(value, DATE).isAfter(today)) {
                        error(field.name(), inputId(field), "error.date.future", label);
                        return;
                    }
                    if (form.kind() == org.polisi.contract.FormKind.INCIDENT
                            && LocalDate.parse(value, DATE).isBefore(today.minusYears(OLDEST_INCIDENT_YEARS))) {
                        error(field.name(), inputId(field), "error.date.too-old", label);
                        return;
                    }
                }
                case TIME -> {
                    if (!realTime(value)) {
                        error(field.name(), inputId(field), "error.time.invalid", label);
                        return;
                    }
                }
                default -> { }
            }
            answers.put(field.name(), value);
        }

        private void typedLines(FieldDefinition field, String label, List<String> values) {
            String value = TypedText.normalise(first(values));
            if (lengthAndPresence(field, label, value) && TypedText.hasVisibleCharacter(value)) {
                answers.put(field.name(), value);
            }
        }

        /** False when an error was recorded. */
        private boolean lengthAndPresence(FieldDefinition field, String label, String value) {
            if (!TypedText.hasVisibleCharacter(value) && field.required()) {
                error(field.name(), inputId(field), "error.required.text", label);
                return false;
            }
            if (field.lengthLimit() > 0 && value.codePointCount(0, value.length()) > field.lengthLimit()) {
                error(field.name(), inputId(field), "error.too-long", Map.of("field", label, "max", field.lengthLimit()));
                return false;
            }
            return true;
        }

        private void choice(FieldDefinition field, String label, List<String> values, List<String> allowed) {
            String value = first(values);
            if (value.isEmpty()) {
                if (field.required()) {
                    error(field.name(), inputId(field), "error.required.choice", label);
                }
                return;
            }
            if (!allowed.contains(value)) {
                error(field.name(), inputId(field), "error.choice.invalid", label);
                return;
            }
            answers.put(field.name(), value);
        }

        private void checkboxes(FieldDefinition field, String label, List<String> values) {
            List<String> ticked = values.stream().filter(value -> !value.isEmpty()).distinct().toList();
            if (ticked.isEmpty()) {
                if (field.required()) {
                    error(field.name(), inputId(field), "error.required.checkboxes", label);
                }
                return;
            }
            if (!optionValues(field).containsAll(ticked)) {
                error(field.name(), inputId(field), "error.choice.invalid", label);
                return;
            }
            answers.put(field.name(), ticked);
        }

        private void pupilNames(FieldDefinition field, String label, List<String> values) {
            List<String> names = values.stream().map(TypedText::normalise)
                    .filter(TypedText::hasVisibleCharacter).toList();
            if (names.isEmpty()) {
                if (field.required()) {
                    error(field.name(), inputId(field), "error.required.text", label);
                }
                return;
            }
            if (names.stream().anyMatch(TypedText::hasLineBreak)) {
                error(field.name(), inputId(field), "error.field.one-line", label);
                return;
            }
            if (names.size() > field.itemLimit()) {
                error(field.name(), inputId(field), "error.pupil-names.too-many", Map.of("field", label, "max", field.itemLimit()));
                return;
            }
            for (String name : names) {
                if (name.codePointCount(0, name.length()) > field.lengthLimit()) {
                    error(field.name(), inputId(field), "error.too-long", Map.of("field", label, "max", field.lengthLimit()));
                    return;
                }
            }
            answers.put(field.name(), names);
        }

        private void consent(FieldDefinition field, Map<String, List<String>> posted) {
            for (ConsentStatement statement : field.statements()) {
                String key = field.name() + "." + statement.id();
                List<String> values = posted.getOrDefault(key, List.of());
                String id = InputIds.part(InputIds.field(form.id(), field.name()), statement.id());
                String value = values.size() == 1 ? values.get(0) : "";
                // Each message names its own statement: five identical messages help no one. It quotes the
                // words the person sees (the statement's text, which is its fieldset's legend), not the short
                // label staff lists use, which appears nowhere on the form (tester 7's finding 13).
                Map<String, String> named = Map.of("statement", opening(statement.text().getOrDefault(language,
                        statement.shortLabel(language))));
                if (values.size() > 1) {
                    error(key, id, "error.consent.invalid", named);
                } else if (value.isEmpty()) {
                    if (field.required()) {
                        error(key, id, "error.required.consent", named);
                    }
                } else if (!CONSENT_ANSWERS.contains(value)) {
                    error(key, id, "error.consent.invalid", named);
                } else {
                    answers.put(key, value);
                }
            }
        }

        void formError(String key, Map<String, ?> arguments) {
            errors.add(new FieldError(FieldError.WHOLE_FORM, InputIds.title(form.id()),
                    messages.format(language, key, arguments)));
        }

        /** A field's error: every message names the field ({@code {field}}, its label). */
        private void error(String field, String inputId, String key, String label) {
            error(field, inputId, key, Map.of("field", label));
        }

        private void error(String field, String inputId, String key) {
            error(field, inputId, key, Map.of());
        }

        private void error(String field, String inputId, String key, Map<String, ?> arguments) {
            errors.add(new FieldError(field, inputId, messages.format(language, key, arguments)));
        }

        private String inputId(FieldDefinition field) {
            return InputIds.firstControl(form.id(), field);
        }
    }

    /**
     * The opening words of a statement as the form shows it: the whole text up to {@link #OPENING_CHARACTERS}
     * characters, else its words up to that length followed by an ellipsis (never a word cut in two).
     */
    static String opening(String text) {
        String words = text.strip().replaceAll("\\s+", " ");
        if (words.codePointCount(0, words.length()) <= OPENING_CHARACTERS) {
            return words;
        }
        int end = words.offsetByCodePoints(0, OPENING_CHARACTERS);
        int space = words.lastIndexOf(' ', end);
        return (space > 0 ? words.substring(0, space) : words.substring(0, end)).replaceAll("[\\s,;:.]+$", "") + "…";
    }

    /** How much of a statement a message quotes: enough to tell the statements of one form apart. */
    static final int OPENING_CHARACTERS = 80;

    private static String first(List<String> values) {
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private static List<String> optionValues(FieldDefinition field) {
        return field.options().stream().map(option -> option.value()).toList();
    }

    private static boolean realDate(String value) {
        try {
            int year = LocalDate.parse(value, DATE).getYear();
            return year >= 1900 && year <= 2200;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean realTime(String value) {
        if (!TIME.matcher(value).matches()) {
            return false;
        }
        LocalTime.parse(value);
        return true;
    }
}
