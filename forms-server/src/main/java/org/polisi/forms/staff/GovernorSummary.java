package org.polisi.forms.staff;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;

/**
 * The anonymised summary for governors: incident reports counted by month and category. Only
 * counts leave this class: no names, no free text, no references.
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

    /** One line of the summary. {@code category} is an option value, or empty when none was given. */
    public record Count(YearMonth month, String formId, String category, int reports, int urgent) {
    }

    public List<Count> incidents(Manifest manifest) {
        List<FormDefinition> incidentForms = manifest.forms().stream()
                .filter(form -> form.kind() == FormKind.INCIDENT).toList();
        Map<String, int[]> counts = new TreeMap<>();
        for (FormDefinition form : incidentForms) {
            List<SubmissionRow> rows = jdbi.withExtension(SubmissionDao.class,
                    submissions -> submissions.allOfForm(manifest.school(), form.id()));
            for (SubmissionRow row : rows) {
                YearMonth month = YearMonth.from(row.receivedAt().atZone(SCHOOL_TIME));
                String category = row.erased() ? UNCATEGORISED : category(form, row);
                int[] count = counts.computeIfAbsent(month + "\n" + form.id() + "\n" + category, key -> new int[2]);
                count[0]++;
                count[1] += row.urgent() ? 1 : 0;
            }
        }
        return counts.entrySet().stream().map(entry -> {
            String[] key = entry.getKey().split("\n", -1);
            return new Count(YearMonth.parse(key[0]), key[1], key[2], entry.getValue()[0], entry.getValue()[1]);
        }).toList();
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
