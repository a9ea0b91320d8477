package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.polisi.forms.export.CsvExport;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
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
        PageLayout.Page page = frame.page(ctx, session, "staff.submissions.title");
        if (!dateErrors.isEmpty()) {
            // a date that is not a date is said so, per field, and nothing is listed as if it had been applied
            LOG.info("Refused the submissions filter with 400: {} not a date", dateErrors.keySet());
            filters(page.main(), language, forms, formId, ctx, dateErrors);
            Responses.html(ctx, 400, page.html());
            return;
        }
        StaffRecords.Page shown = granted.value();
        List<SubmissionRow> rows = shown.rows();
        filters(page.main(), language, forms, formId, ctx, dateErrors);
        Html.text(page.main(), "p", messages.format(language, "staff.submissions.count", Map.of("count", shown.total())))
                .attr("role", "status");
        if (!rows.isEmpty()) {
            Element body = Html.table(page.main(), messages, language,
                    "csv.reference", "csv.form", "csv.received", "csv.language", "csv.urgent");
            for (SubmissionRow row : rows) {
                Element tr = Html.add(body, "tr");
                Html.link(Html.add(tr, "td"), "/staff/submissions/" + row.reference(), row.reference());
                Html.text(tr, "td", forms.stream().filter(form -> form.id().equals(row.formId())).findFirst()
                        .map(form -> Text.in(form.title(), language)).orElse(row.formId()));
                Html.text(tr, "td", Dates.display(row.receivedAt(), language));
                Html.text(tr, "td", messages.get(row.lang(), "language.name"));
                Html.text(tr, "td", row.urgent() ? messages.get(language, "staff.urgent") : "");
            }
        }
        pagination(page.main(), language, shown, ctx);
        Element exportLink = Html.add(page.main(), "p");
        Html.link(exportLink, "/staff/export.csv?" + Optional.ofNullable(ctx.queryString()).orElse(""), messages.get(language, "staff.export-csv"));
        Responses.html(ctx, 200, page.html());
    }

    void exportCsv(Context ctx, StaffSession session) {
        String language = session.language();
        Optional<String> formId = Optional.ofNullable(ctx.queryParam("form")).filter(id -> !id.isBlank());
        if (!dateErrors(ctx, language).isEmpty()) {
            submissions(ctx, session); // the filters again, with the message for each date: no export of other dates
            return;
        }
        StaffRecords.Decision<StaffRecords.Rows> decision = records.csvExport(session.user(), formId,
                start(date(ctx.queryParam("from"))), end(date(ctx.queryParam("to"))));
        if (!(decision instanceof StaffRecords.Decision.Granted<StaffRecords.Rows> granted)) {
            refused(ctx, decision);
            return;
        }
        StaffRecords.Rows export = granted.value();
        String text = export.form().isPresent() ? csv.oneForm(export.manifest(), export.form().get(), export.rows(), language)
                : csv.allForms(export.manifest(), export.rows(), language);
        String name = session.user().school() + "-" + formId.orElse("all-forms") + ".csv";
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.status(200).contentType(Responses.CSV).result("\uFEFF" + text); // the BOM makes Excel read UTF-8
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

    private void filters(Element main, String language, List<FormDefinition> forms, Optional<String> formId,
                         Context ctx, Map<String, String> dateErrors) {
        if (!dateErrors.isEmpty()) {
            main.appendChild(frame.errorSummary(language, dateErrors.entrySet().stream()
                    .map(error -> new ErrorSummary.Problem(error.getValue(), "#filter--" + error.getKey())).toList()));
        }
        Element form = Html.add(main, "form", "filters").attr("method", "get").attr("action", "/staff/submissions");
        Element group = Html.add(form, "div", "form-group");
        Html.text(group, "label", messages.get(language, "csv.form")).addClass("label").attr("for", "filter--form");
        Element select = Html.add(group, "select", "select").attr("id", "filter--form").attr("name", "form");
        Html.text(select, "option", messages.get(language, "staff.filter.all-forms")).attr("value", "");
        for (FormDefinition each : forms) {
            Element option = Html.text(select, "option", Text.in(each.title(), language)).attr("value", each.id());
            if (formId.isPresent() && formId.get().equals(each.id())) {
                option.attr("selected", "");
            }
        }
        for (String bound : List.of("from", "to")) {
            Element dateGroup = Html.add(form, "div", "form-group");
            Html.text(dateGroup, "label", messages.get(language, "staff.filter." + bound)).addClass("label")
                    .attr("for", "filter--" + bound);
            Element input = Html.add(dateGroup, "input", "input").attr("type", "date").attr("id", "filter--" + bound)
                    .attr("name", bound);
            date(ctx.queryParam(bound)).ifPresent(value -> input.attr("value", value.toString()));
            if (dateErrors.containsKey(bound)) {
                dateGroup.addClass("form-group--error");
                Element message = new Element("p").addClass("error-message").attr("id", "filter--" + bound + "--error");
                message.appendElement("span").addClass("visually-hidden").text(messages.get(language, "error.hidden-prefix"));
                message.appendText(" " + dateErrors.get(bound));
                input.before(message);
                input.addClass("input--error").attr("aria-describedby", "filter--" + bound + "--error")
                        .attr("value", ctx.queryParam(bound)); // shown as typed, so it can be corrected
            }
        }
        Element urgentItem = Html.add(Html.add(Html.add(form, "div", "form-group"), "div", "checkboxes"), "div",
                "checkboxes__item");
        Element urgentBox = Html.add(urgentItem, "input", "checkboxes__input").attr("type", "checkbox")
                .attr("id", "filter--urgent").attr("name", "urgent").attr("value", "1");
        if ("1".equals(ctx.queryParam("urgent"))) {
            urgentBox.attr("checked", "");
        }
        Html.text(urgentItem, "label", messages.get(language, "staff.filter.urgent-only"))
                .addClass("label checkboxes__label").attr("for", "filter--urgent");
        Html.text(form, "button", messages.get(language, "staff.filter.apply")).addClass("button")
                .attr("type", "submit");
    }


    /** Previous and next page links (GOV.UK pagination), keeping the filters; nothing when one page holds all. */
    private void pagination(Element main, String language, StaffRecords.Page shown, Context ctx) {
        if (shown.pages() <= 1) {
            return;
        }
        Element nav = Html.add(main, "nav", "pagination").attr("aria-label", messages.get(language,
                "staff.pagination.label"));
        Html.text(nav, "p", messages.format(language, "staff.pagination.page-of",
                Map.of("page", shown.page(), "pages", shown.pages())));
        Element list = Html.add(nav, "ul", "pagination__list");
        if (shown.page() > 1) {
            Html.link(Html.add(list, "li"), pageHref(ctx, shown.page() - 1), messages.get(language,
                    "staff.pagination.previous")).attr("rel", "prev");
        }
        if (shown.page() < shown.pages()) {
            Html.link(Html.add(list, "li"), pageHref(ctx, shown.page() + 1), messages.get(language,
                    "staff.pagination.next")).attr("rel", "next");
        }
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
