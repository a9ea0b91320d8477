package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polisi.forms.export.CsvExport;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.storage.SubmissionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /staff/}, {@code /staff/submissions} and {@code /staff/export.csv}: the forms a member of
 * staff may read, their submissions filtered by form and dates, and the same as CSV. What they may
 * see is decided by {@link StaffRecords}, never here.
 */
final class SubmissionPages {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionPages.class);

    private final StaffRecords records;
    private final CsvExport csv;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;

    SubmissionPages(StaffRecords records, CsvExport csv, StaffFrame frame, ErrorPages errors, Messages messages) {
        this.records = records;
        this.csv = csv;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
    }

    void submissions(Context ctx, StaffSession session) {
        String language = session.language();
        List<FormDefinition> forms = records.readableForms(session.user());
        Optional<String> formId = Optional.ofNullable(ctx.queryParam("form")).filter(id -> !id.isBlank());
        Map<String, String> dateErrors = dateErrors(ctx, language);
        Optional<LocalDate> from = date(ctx.queryParam("from"));
        Optional<LocalDate> to = date(ctx.queryParam("to"));
        boolean urgentOnly = "1".equals(ctx.queryParam("urgent"));
        StaffRecords.Decision<StaffRecords.Page> decision = records.submissionsPage(session.user(), formId,
                start(from), end(to), urgentOnly, pageNumber(ctx.queryParam("page")));
        if (!(decision instanceof StaffRecords.Decision.Granted<StaffRecords.Page> granted)) {
            refused(ctx, decision);
            return;
        }
        if (!dateErrors.isEmpty()) {
            // a date that is not a date is said so, per field, and nothing is listed as if it had been applied
            LOG.info("Refused the submissions filter with 400: {} not a date", dateErrors.keySet());
            frame.render(ctx, session, 400, "staff.submissions.title", Map.of(), "submissions", new View(
                    new ErrorSummary(messages.get(language, "error.summary-title"), dateErrors.entrySet().stream()
                            .map(error -> new ErrorSummary.Problem(error.getValue(), "#filter--" + error.getKey()))
                            .toList()),
                    filters(language, forms, formId, ctx, dateErrors), null, null, null, null));
            return;
        }
        StaffRecords.Page shown = granted.value();
        List<SubmissionRow> rows = shown.rows();
        Table table = rows.isEmpty() ? null : new Table(Table.headings(messages, language,
                "csv.reference", "csv.form", "csv.received", "csv.language", "csv.urgent"), rows.stream().map(row ->
                Table.Row.of(Table.Cell.link("/staff/submissions/" + row.reference(), row.reference()),
                        Table.Cell.text(forms.stream().filter(form -> form.id().equals(row.formId())).findFirst()
                                .map(form -> Text.in(form.title(), language)).orElse(row.formId())),
                        Table.Cell.text(Dates.display(row.receivedAt(), language)),
                        Table.Cell.text(messages.get(row.lang(), "language.name")),
                        Table.Cell.text(row.urgent() ? messages.get(language, "staff.urgent") : ""))).toList());
        frame.render(ctx, session, 200, "staff.submissions.title", Map.of(), "submissions", new View(null,
                filters(language, forms, formId, ctx, dateErrors),
                messages.format(language, "staff.submissions.count", Map.of("count", shown.total())), table,
                pagination(language, shown, ctx),
                new PageLayout.Link("/staff/export.csv?" + Optional.ofNullable(ctx.queryString()).orElse(""),
                        messages.get(language, "staff.export-csv"))));
    }

    /**
     * The view of {@code server/submissions.ftl}. With a date that is not a date, {@code summary}
     * says so and nothing else is shown but the filters ({@code count}, {@code table},
     * {@code pagination} and {@code export} are null); {@code table} is null when nothing matched,
     * {@code pagination} when one page holds all.
     */
    record View(ErrorSummary summary, Filters filters, String count, Table table, Pagination pagination,
                PageLayout.Link export) {
    }

    /** The filters: the form to list, the two dates, urgent only, and the button. */
    record Filters(String formLabel, List<Option> forms, List<DateField> dates, String urgentLabel, boolean urgentOnly,
                   String button) {
    }

    /** An option of a select: its value, its words, and whether it is chosen. */
    record Option(String value, String text, boolean selected) {
    }

    /**
     * A date filter ({@code from} or {@code to}): its value as the date input shows it, or as typed
     * when it is not a date, then {@code error} says so (else null).
     */
    record DateField(String name, String label, String value, String error, String hiddenPrefix) {
    }

    /** GOV.UK pagination: "page n of m", and the previous and next pages' links (each null at an end). */
    record Pagination(String label, String pageOf, PageLayout.Link previous, PageLayout.Link next) {
    }

    void exportCsv(Context ctx, StaffSession session) {
        String language = session.language();
        Optional<String> formId = Optional.ofNullable(ctx.queryParam("form")).filter(id -> !id.isBlank());
        if (!dateErrors(ctx, language).isEmpty()) {
            submissions(ctx, session); // the filters again, with the message for each date: no export of other dates
            return;
        }
        Instant from = start(date(ctx.queryParam("from")));
        Instant to = end(date(ctx.queryParam("to")));
        StaffRecords.Decision<StaffRecords.Rows> decision = Responses.headOnly(ctx)   // no body: no download recorded
                ? records.submissions(session.user(), formId, from, to) : records.csvExport(session.user(), formId, from, to);
        if (!(decision instanceof StaffRecords.Decision.Granted<StaffRecords.Rows> granted)) {
            refused(ctx, decision);
            return;
        }
        StaffRecords.Rows export = granted.value();
        String text = export.form().isPresent() ? csv.oneForm(export.manifest(), export.form().get(), export.rows(), language)
                : csv.allForms(export.manifest(), export.rows(), language);
        String name = session.user().school() + "-" + formId.orElse("all-forms") + ".csv";
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.status(200).contentType(Responses.CSV).result(text); // with its byte order mark (CsvExport)
    }

    /** A refusal by {@link StaffRecords}: 403 when the role may not, 404 when there is nothing of the school's. */
    private void refused(Context ctx, StaffRecords.Decision<?> decision) {
        if (decision instanceof StaffRecords.Decision.Forbidden<?>) {
            errors.forbidden(ctx);
        } else {
            errors.notFound(ctx);
        }
    }

    /**
     * A message for each of {@code from} and {@code to} that is given but is not a real date
     * (ISO 8601 {@code yyyy-mm-dd}, as a date input sends it), in the page's language.
     */
    private Map<String, String> dateErrors(Context ctx, String language) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String bound : List.of("from", "to")) {
            String text = ctx.queryParam(bound);
            if (text != null && !text.isBlank() && date(text).isEmpty()) {
                found.put(bound, messages.get(language, "staff.filter.error." + bound));
            }
        }
        return found;
    }

    private Filters filters(String language, List<FormDefinition> forms, Optional<String> formId, Context ctx,
                            Map<String, String> dateErrors) {
        List<Option> options = new java.util.ArrayList<>();
        options.add(new Option("", messages.get(language, "staff.filter.all-forms"), false));
        forms.forEach(each -> options.add(new Option(each.id(), Text.in(each.title(), language),
                formId.isPresent() && formId.get().equals(each.id()))));
        List<DateField> dates = List.of("from", "to").stream().map(bound -> new DateField(bound,
                messages.get(language, "staff.filter." + bound),
                dateErrors.containsKey(bound) ? ctx.queryParam(bound) // shown as typed, so it can be corrected
                        : date(ctx.queryParam(bound)).map(LocalDate::toString).orElse(""),
                dateErrors.get(bound), messages.get(language, "error.hidden-prefix"))).toList();
        return new Filters(messages.get(language, "csv.form"), options, dates,
                messages.get(language, "staff.filter.urgent-only"), "1".equals(ctx.queryParam("urgent")),
                messages.get(language, "staff.filter.apply"));
    }

    /** Previous and next page links (GOV.UK pagination), keeping the filters; null when one page holds all. */
    private Pagination pagination(String language, StaffRecords.Page shown, Context ctx) {
        if (shown.pages() <= 1) {
            return null;
        }
        return new Pagination(messages.get(language, "staff.pagination.label"),
                messages.format(language, "staff.pagination.page-of", Map.of("page", shown.page(), "pages", shown.pages())),
                shown.page() > 1 ? new PageLayout.Link(pageHref(ctx, shown.page() - 1),
                        messages.get(language, "staff.pagination.previous")) : null,
                shown.page() < shown.pages() ? new PageLayout.Link(pageHref(ctx, shown.page() + 1),
                        messages.get(language, "staff.pagination.next")) : null);
    }

    private static String pageHref(Context ctx, int page) {
        StringBuilder href = new StringBuilder("/staff/submissions?");
        for (String name : List.of("form", "from", "to", "urgent")) {
            String value = ctx.queryParam(name);
            if (value != null && !value.isBlank()) {
                href.append(name).append('=').append(java.net.URLEncoder.encode(value,
                        java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
        return href.append("page=").append(page).toString();
    }

    private static int pageNumber(String text) {
        try {
            return text == null ? 1 : Math.max(1, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    private static Instant start(Optional<LocalDate> from) {
        return from.map(day -> day.atStartOfDay(Dates.SCHOOL_TIME).toInstant()).orElse(Instant.EPOCH);
    }

    private static Instant end(Optional<LocalDate> to) {
        return to.map(day -> day.plusDays(1).atStartOfDay(Dates.SCHOOL_TIME).toInstant())
                .orElse(Instant.parse("9999-12-31T00:00:00Z"));
    }
}
