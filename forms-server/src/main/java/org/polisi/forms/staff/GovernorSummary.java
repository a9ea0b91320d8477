package org.polisi.forms.staff;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;

/**
 * The anonymised summary for governors: incident reports counted by month and category. Only
 * counts leave this class: no names, no free text, no references. A report is counted in the month
 * of the incident when its form asks for the incident's date (its first {@code date} field) and the
 * report gives one, else in the month it was received; each count says which (tester 2, finding 12:
 * an incident of 30 November reported on 1 December belongs to November).
 */
public final class GovernorSummary {

    /** Category fields, in the order they are looked for on an incident form. */
    static final List<String> CATEGORY_FIELDS = List.of("category", "incident-category", "urgent-concern");
    static final String UNCATEGORISED = "";
    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");

    private final Jdbi jdbi;

    public GovernorSummary(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One line of the summary. {@code category} is an option value, or empty when none was given;
     * {@code incidentMonth} is true when {@code month} is the month of the incident, false when it is
     * the month the reports were received.
     */
    public record Count(YearMonth month, boolean incidentMonth, String formId, String category, int reports,
                        int urgent) {
    }

    public List<Count> incidents(Manifest manifest) {
        List<FormDefinition> incidentForms = manifest.forms().stream()
                .filter(form -> form.kind() == FormKind.INCIDENT).toList();
        Map<String, int[]> counts = new TreeMap<>();
        for (FormDefinition form : incidentForms) {
            List<SubmissionRow> rows = jdbi.withExtension(SubmissionDao.class,
                    submissions -> submissions.allOfForm(manifest.school(), form.id()));
            String dateField = form.fields().stream().filter(field -> field.type() == FieldType.DATE)
                    .map(field -> field.name()).findFirst().orElse(null);
            for (SubmissionRow row : rows) {
                YearMonth incident = row.erased() ? null : incidentMonth(dateField, row);
                YearMonth month = incident != null ? incident : YearMonth.from(row.receivedAt().atZone(SCHOOL_TIME));
                String category = row.erased() ? UNCATEGORISED : category(form, row);
                int[] count = counts.computeIfAbsent(month + "\n" + (incident != null) + "\n" + form.id() + "\n"
                        + category, key -> new int[2]);
                count[0]++;
                count[1] += row.urgent() ? 1 : 0;
            }
        }
        return counts.entrySet().stream().map(entry -> {
            String[] key = entry.getKey().split("\n", -1);
            return new Count(YearMonth.parse(key[0]), Boolean.parseBoolean(key[1]), key[2], key[3], entry.getValue()[0],
                    entry.getValue()[1]);
        }).toList();
    }

    /** The month of the date the report gives for the incident (ISO 8601, as stored), or null. */
    private static YearMonth incidentMonth(String dateField, SubmissionRow row) {
        if (dateField == null) {
            return null;
        }
        Object value = CanonicalJson.readFields(row.fieldsJson()).get(dateField);
        try {
            return value instanceof String date && !date.isBlank() ? YearMonth.from(LocalDate.parse(date)) : null;
        } catch (DateTimeParseException notADate) {   // stored before dates were checked: fall back
            return null;
        }
    }

    public static String categoryField(FormDefinition form) {
        return CATEGORY_FIELDS.stream().filter(name -> form.field(name).isPresent()).findFirst().orElse(null);
    }

    private static String category(FormDefinition form, SubmissionRow row) {
        String field = categoryField(form);
        if (field == null) {
            return UNCATEGORISED;
        }
        Object value = CanonicalJson.readFields(row.fieldsJson()).get(field);
        if (value instanceof List<?> values) {
            return values.stream().map(String::valueOf).sorted().reduce((a, b) -> a + "," + b).orElse(UNCATEGORISED);
        }
        return value == null ? UNCATEGORISED : String.valueOf(value);
    }
}
