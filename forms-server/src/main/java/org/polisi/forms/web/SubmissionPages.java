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
import org.polisi.forms.alerts.AlertStatus;
import org.polisi.forms.consent.WithdrawalRequests;
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

    private final AlertStatus alerts;
    private final WithdrawalRequests requests;

    SubmissionPages(StaffRecords records, CsvExport csv, StaffFrame frame, ErrorPages errors, Messages messages,
                    AlertStatus alerts, WithdrawalRequests requests) {
        this.alerts = alerts;
        this.requests = requests;
        this.records = records;
        this.csv = csv;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
    }

    void dashboard(Context ctx, StaffSession session) {
        String language = session.language();
        PageLayout.Page page = frame.page(ctx, session, "staff.dashboard.title");
        if (!alerts.deliveryConfigured()) {
            Html.text(page.main(), "p", messages.format(language, "staff.alerts.not-delivered",
                    Map.of("count", alerts.waiting(session.user().school())))).addClass("notice notice--warning").attr("role", "status");
        }
        List<FormDefinition> forms = records.readableForms(session.user());
        pendingWithdrawals(page.main(), session, forms);
        if (forms.isEmpty()) {
            Html.text(page.main(), "p", messages.get(language, "staff.no-forms"));
        } else {
            Html.text(page.main(), "h2", messages.get(language, "staff.your-forms"));
            Element list = Html.add(page.main(), "ul");
            for (FormDefinition form : forms) {
                Element item = Html.add(list, "li");
                Html.link(item, "/staff/submissions?form=" + form.id(), Text.in(form.title(), language));
                item.appendText(" (" + messages.get(language, "kind." + form.kind().word()) + ") · ");
                Html.link(item, "/staff/export.csv?form=" + form.id(), messages.get(language, "staff.export-csv"));
            }
        }
        Responses.html(ctx, 200, page.html());
    }

    /** Withdrawals sent without a reference, for those who read the withdrawal form: each waits for a match. */
    private void pendingWithdrawals(Element main, StaffSession session, List<FormDefinition> forms) {
        List<String> withdrawalForms = forms.stream().filter(form -> form.kind() == FormKind.WITHDRAWAL)
                .map(FormDefinition::id).toList();
        List<WithdrawalRequests.Request> pending = requests.pending(session.user().school()).stream()
                .filter(request -> withdrawalForms.contains(request.withdrawal().formId())).toList();
        if (pending.isEmpty()) {
            return;
        }
        String language = session.language();
        Html.text(main, "h2", messages.get(language, "staff.withdrawals.title"));
        Html.text(main, "p", messages.get(language, "staff.withdrawals.explanation"));
        Element list = Html.add(main, "ul", "withdrawal-requests");
        for (WithdrawalRequests.Request request : pending) {
            Element item = Html.add(list, "li");
            Html.link(item, "/staff/submissions/" + request.withdrawal().reference(), request.withdrawal().reference());
            item.appendText(" · " + Dates.display(request.withdrawal().receivedAt(), language));
        }
    }

    void submissions(Context ctx, StaffSession session) {
        String language = session.language();
        List<FormDefinition> forms = records.readableForms(session.user());
        Optional<String> formId = Optional.ofNullable(ctx.queryParam("form")).filter(id -> !id.isBlank());
        Map<String, String> dateErrors = dateErrors(ctx, language);
        Optional<LocalDate> from = date(ctx.queryParam("from"));
        Optional<LocalDate> to = date(ctx.queryParam("to"));
        StaffRecords.Decision<StaffRecords.Rows> decision = records.submissions(session.user(), formId, start(from), end(to));
        if (!(decision instanceof StaffRecords.Decision.Granted<StaffRecords.Rows> granted)) {
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
        List<SubmissionRow> rows = granted.value().rows();
        filters(page.main(), language, forms, formId, ctx, dateErrors);
        Html.text(page.main(), "p", messages.format(language, "staff.submissions.count", Map.of("count", rows.size())));
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
        Html.text(form, "button", messages.get(language, "staff.filter.apply")).addClass("button")
                .attr("type", "submit");
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
