package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Map;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.incident.IncidentChronology;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.signatures.SignatureRegister;
import org.polisi.forms.staff.GovernorSummary;
import org.polisi.forms.staff.RecordAccess;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;

/**
 * {@code /staff/governors}: incident reports counted by month, form and category, and by month and
 * status (open, actioned, closed), with no names and no content, for the governors' termly report. Who may see it is {@link RecordAccess}'s call.
 */
final class GovernorsPage {

    private final StaffRecords records;
    private final GovernorSummary governors;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final SignatureRegister signatures;

    private final IncidentChronology chronology;

    GovernorsPage(StaffRecords records, GovernorSummary governors, IncidentChronology chronology, StaffFrame frame,
                  ErrorPages errors, Messages messages, SignatureRegister signatures) {
        this.chronology = chronology;
        this.signatures = signatures;
        this.records = records;
        this.governors = governors;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
    }

    void governors(Context ctx, StaffSession session) {
        StaffRecords.Decision<Manifest> decision = records.governorSummary(session.user());
        if (decision instanceof StaffRecords.Decision.Forbidden<Manifest>) {
            errors.forbidden(ctx);
            return;
        }
        if (!(decision instanceof StaffRecords.Decision.Granted<Manifest> granted)) {
            errors.notFound(ctx);
            return;
        }
        Optional<Manifest> manifest = Optional.of(granted.value());
        String language = session.language();
        List<GovernorSummary.Count> counts = governors.incidents(manifest.get());
        Table byCategory = null;
        Table byStatus = null;
        if (!counts.isEmpty()) {
            byCategory = new Table(Table.headings(messages, language, "staff.governors.month", "csv.form",
                    "staff.governors.category", "staff.governors.reports", "staff.governors.urgent"),
                    counts.stream().map(count -> {
                        FormDefinition form = manifest.get().form(count.formId()).orElseThrow();
                        return Table.Row.of(Table.Cell.text(messages.format(language, count.incidentMonth()
                                        ? "staff.governors.month-of-incident" : "staff.governors.month-received",
                                        Map.of("month", Dates.month(count.month(), language)))),
                                Table.Cell.text(Text.in(form.title(), language)),
                                Table.Cell.text(categoryLabel(form, count.category(), language)),
                                Table.Cell.text(String.valueOf(count.reports())),
                                Table.Cell.text(String.valueOf(count.urgent())));
                    }).toList());
            byStatus = statusByMonth(language, manifest.get().school());
        }
        List<String> agreements = signatures.staffOnCurrentVersion(manifest.get()).stream()
                .map(agreement -> messages.format(language, "staff.governors.staff-agreement", Map.of(
                        "agreement", Text.in(agreement.form().title(), language), "signed", agreement.signed(),
                        "current", agreement.current(), "percent", agreement.percent()))).toList();
        frame.render(ctx, session, 200, "staff.governors.title", Map.of(), "governors", new View(
                messages.get(language, "staff.governors.explanation"),
                counts.isEmpty() ? messages.get(language, "staff.governors.none") : null, byCategory,
                messages.get(language, "staff.governors.status-title"), byStatus,
                messages.get(language, "staff.governors.staff-agreements"), agreements,
                agreements.isEmpty() ? messages.get(language, "staff.governors.staff-agreement-none") : null));
    }

    /**
     * The view of {@code server/governors.ftl}: counts only, never a name. With no incident,
     * {@code none} says so and both tables are null; {@code agreementsNone} is null when there are agreements.
     */
    record View(String explanation, String none, Table byCategory, String statusTitle, Table byStatus,
                String agreementsTitle, List<String> agreements, String agreementsNone) {
    }

    /** Per month of receipt: how many reports are open, actioned and closed now (their newest status event). */
    private Table statusByMonth(String language, String school) {
        List<Table.Row> rows = new ArrayList<>();
        for (Map.Entry<YearMonth, Map<String, Integer>> month : chronology.statusByMonth(school).entrySet()) {
            List<Table.Cell> cells = new ArrayList<>();
            cells.add(Table.Cell.text(Dates.month(month.getKey(), language)));
            for (String status : IncidentChronology.STATUSES) {
                cells.add(Table.Cell.text(String.valueOf(month.getValue().getOrDefault(status, 0))));
            }
            rows.add(new Table.Row("", cells));
        }
        return new Table(Table.headings(messages, language, "staff.governors.month", "staff.incident.status.open",
                "staff.incident.status.actioned", "staff.incident.status.closed"), rows);
    }

    private String categoryLabel(FormDefinition form, String category, String language) {
        if (category.isEmpty()) {
            return messages.get(language, "staff.governors.uncategorised");
        }
        String fieldName = GovernorSummary.categoryField(form);
        Optional<FieldDefinition> field = fieldName == null ? Optional.empty() : form.field(fieldName);
        return String.join(", ", Arrays.stream(category.split(",")).map(value -> field
                .flatMap(f -> f.option(value)).map(option -> summaryLabel(value, Text.in(option.label(), language)))
                .orElse(value)).toList());
    }

    /** A trailing bracketed note after the catch-all option ("Something else (describe it below)") is an
     * instruction to the reporter, not part of the category's name: the summary leaves it out
     * (tester 2, finding 12). Other options' brackets qualify them ("(private accounts)") and stay. */
    static String summaryLabel(String value, String label) {
        if (!OTHER.equals(value)) {
            return label;
        }
        String shortened = label.replaceFirst("\\s*\\([^()]*\\)\\s*$", "");
        return shortened.isBlank() ? label : shortened;
    }

    /** The catch-all option's value, as incident forms name it (Rumney: "Something else (describe it below)"). */
    static final String OTHER = "other";
}
