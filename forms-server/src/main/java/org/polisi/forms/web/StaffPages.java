package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.polisi.forms.consent.ConsentState;
import org.polisi.forms.consent.CurrentConsent;
import org.polisi.forms.export.CsvExport;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.AnsweredField;
import org.polisi.forms.manifest.Answers;
import org.polisi.forms.manifest.ConsentStatement;
import org.polisi.forms.manifest.FieldDefinition;
import org.polisi.forms.manifest.FormDefinition;
import org.polisi.forms.manifest.FormKind;
import org.polisi.forms.manifest.Manifest;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.retention.ErasureService;
import org.polisi.forms.staff.GovernorSummary;
import org.polisi.forms.staff.IncidentViewDao;
import org.polisi.forms.staff.RecordAccess;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffRole;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.staff.StaffUser;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionRow;

/**
 * The staff pages under {@code /staff/}. Each handler receives a logged-in session (the routes make
 * sure of that); what the member of staff may see is decided by {@link StaffRecords} and
 * {@link RecordAccess}, never here.
 */
final class StaffPages {

    private final StaffRecords records;
    private final ConsentState consents;
    private final GovernorSummary governors;
    private final ErasureService erasure;
    private final IncidentViews incidentViews;
    private final CsvExport csv;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final Answers answers;
    private final java.time.Clock clock;

    /** Reads the record of who viewed an incident, for the record's own page. */
    interface IncidentViews {
        List<IncidentViewDao.IncidentView> of(long submissionId);
    }

    StaffPages(StaffRecords records, ConsentState consents, GovernorSummary governors, ErasureService erasure,
               IncidentViews incidentViews, CsvExport csv, StaffFrame frame, ErrorPages errors, Messages messages,
               java.time.Clock clock) {
        this.records = records;
        this.consents = consents;
        this.governors = governors;
        this.erasure = erasure;
        this.incidentViews = incidentViews;
        this.csv = csv;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
        this.answers = new Answers(messages);
        this.clock = clock;
    }

    void dashboard(Context ctx, StaffSession session) {
        String language = session.language();
        PageLayout.Page page = frame.page(ctx, session, "staff.dashboard.title");
        List<FormDefinition> forms = records.readableForms(session.user());
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

    void submissions(Context ctx, StaffSession session) {
        String language = session.language();
        List<FormDefinition> forms = records.readableForms(session.user());
        Optional<String> formId = Optional.ofNullable(ctx.queryParam("form")).filter(id -> !id.isBlank());
        if (formId.isPresent() && forms.stream().noneMatch(form -> form.id().equals(formId.get()))) {
            errors.forbidden(ctx);
            return;
        }
        Optional<LocalDate> from = date(ctx.queryParam("from"));
        Optional<LocalDate> to = date(ctx.queryParam("to"));
        List<SubmissionRow> rows = records.list(session.user(), formId, start(from), end(to));
        PageLayout.Page page = frame.page(ctx, session, "staff.submissions.title");
        filters(page.main(), language, forms, formId, ctx);
        if (rows.isEmpty()) {
            Html.text(page.main(), "p", messages.get(language, "staff.submissions.none"));
        } else {
            Element table = Html.add(page.main(), "table", "table");
            Element head = Html.add(Html.add(table, "thead"), "tr");
            for (String key : List.of("csv.reference", "csv.form", "csv.received", "csv.language", "csv.urgent")) {
                Html.text(head, "th", messages.get(language, key)).attr("scope", "col");
            }
            Element body = Html.add(table, "tbody");
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

    void record(Context ctx, StaffSession session) {
        StaffRecords.Opened opened = records.open(session.user(), ctx.pathParam("reference"));
        if (opened instanceof StaffRecords.Opened.Forbidden) {
            errors.forbidden(ctx);
            return;
        }
        if (!(opened instanceof StaffRecords.Opened.Found found)) {
            errors.notFound(ctx);
            return;
        }
        String language = session.language();
        SubmissionRow row = found.record();
        FormDefinition form = found.form();
        PageLayout.Page page = frame.page(ctx, session, "staff.record.title", row.reference());
        Element main = page.main();
        if (row.urgent()) {
            Html.text(main, "p", messages.get(language, "staff.record.urgent")).addClass("urgent-flag");
        }
        Element details = Html.add(main, "dl", "summary-list");
        Html.summaryRow(details, messages.get(language, "csv.form"), Text.in(form.title(), language));
        Html.summaryRow(details, messages.get(language, "csv.received"), Dates.display(row.receivedAt(), language));
        Html.summaryRow(details, messages.get(language, "csv.language"), messages.get(row.lang(), "language.name"));
        Html.summaryRow(details, messages.get(language, "csv.version"), row.formVersion());
        for (AnsweredField field : answers.describe(form, CanonicalJson.readFields(row.fieldsJson()), language)) {
            Html.summaryRow(details, field.label(), field.answer());
        }
        if (form.kind() == FormKind.INCIDENT) {
            Html.text(main, "h2", messages.get(language, "staff.record.views"));
            Element views = Html.add(main, "ul");
            for (IncidentViewDao.IncidentView view : incidentViews.of(row.id())) {
                Html.text(views, "li", Dates.display(view.viewedAt(), language) + " · " + view.viewer() + " · "
                        + messages.get(language, "channel." + view.channel()));
            }
        }
        if (session.user().staffRole() == StaffRole.HEADTEACHER) {
            Html.text(main, "h2", messages.get(language, "staff.erase.title"));
            Html.text(main, "p", messages.get(language, "staff.erase.explanation"));
            Element form2 = Html.add(main, "form").attr("method", "post")
                    .attr("action", "/staff/submissions/" + row.reference() + "/erase");
            Html.hidden(form2, StaffAuth.CSRF_FIELD, session.csrfToken());
            Html.text(form2, "button", messages.get(language, "staff.erase.button"))
                    .addClass("button button--warning").attr("type", "submit");
        }
        Responses.html(ctx, 200, page.html());
    }

    void erase(Context ctx, StaffSession session, boolean tokenValid) {
        if (!tokenValid) {
            errors.forbidden(ctx);
            return;
        }
        StaffUser user = session.user();
        if (user.staffRole() != StaffRole.HEADTEACHER) {
            errors.forbidden(ctx);
            return;
        }
        String reference = ctx.pathParam("reference");
        boolean erased = erasure.erase(user.school(), reference, ErasureService.REQUEST,
                user.name() + " <" + user.email() + ">", clock.instant()).isPresent();
        if (!erased) {
            errors.notFound(ctx);
            return;
        }
        PageLayout.Page page = frame.page(ctx, session, "staff.erase.done", reference);
        Html.link(Html.add(page.main(), "p"), "/staff/submissions", messages.get(language(session),
                "staff.submissions.title"));
        Responses.html(ctx, 200, page.html());
    }

    void exportCsv(Context ctx, StaffSession session) {
        String language = session.language();
        Optional<String> formId = Optional.ofNullable(ctx.queryParam("form")).filter(id -> !id.isBlank());
        List<FormDefinition> forms = records.readableForms(session.user());
        Optional<FormDefinition> form = formId.flatMap(id -> forms.stream().filter(f -> f.id().equals(id)).findFirst());
        if (formId.isPresent() && form.isEmpty()) {
            errors.forbidden(ctx);
            return;
        }
        Optional<Manifest> manifest = records.manifestOf(session.user());
        if (manifest.isEmpty()) {
            errors.notFound(ctx);
            return;
        }
        List<SubmissionRow> rows = records.list(session.user(), formId,
                start(date(ctx.queryParam("from"))), end(date(ctx.queryParam("to"))));
        records.recordIncidentViews(session.user(), rows, "csv");
        String text = form.isPresent() ? csv.oneForm(form.get(), rows, language)
                : csv.allForms(manifest.get(), rows, language);
        String name = session.user().school() + "-" + formId.orElse("all-forms") + ".csv";
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.status(200).contentType(Responses.CSV).result("\uFEFF" + text); // the BOM makes Excel read UTF-8
    }

    void consents(Context ctx, StaffSession session) {
        String language = session.language();
        List<FormDefinition> consentForms = records.readableForms(session.user()).stream()
                .filter(form -> form.kind() == FormKind.CONSENT).toList();
        if (consentForms.isEmpty()) {
            errors.forbidden(ctx);
            return;
        }
        List<String> readable = consentForms.stream().map(FormDefinition::id).toList();
        List<CurrentConsent> state = consents.of(session.user().school()).stream()
                .filter(consent -> readable.contains(consent.formId())).toList();
        PageLayout.Page page = frame.page(ctx, session, "staff.consents.title");
        Html.text(page.main(), "p", messages.get(language, "staff.consents.explanation"));
        if (state.isEmpty()) {
            Html.text(page.main(), "p", messages.get(language, "staff.consents.none"));
        } else {
            Element table = Html.add(page.main(), "table", "table");
            Element head = Html.add(Html.add(table, "thead"), "tr");
            for (String key : List.of("staff.consents.pupil", "csv.form", "staff.consents.statement",
                    "staff.consents.answer", "staff.consents.since", "csv.reference")) {
                Html.text(head, "th", messages.get(language, key)).attr("scope", "col");
            }
            Element body = Html.add(table, "tbody");
            for (CurrentConsent consent : state) {
                FormDefinition form = consentForms.stream().filter(f -> f.id().equals(consent.formId()))
                        .findFirst().orElseThrow();
                Element tr = Html.add(body, "tr").addClass("consent--" + consent.answer());
                Html.text(tr, "td", consent.pupil().isEmpty() ? messages.get(language, "staff.consents.unnamed")
                        : consent.pupil());
                Html.text(tr, "td", Text.in(form.title(), language));
                Html.text(tr, "td", statementText(form, consent.statement(), language));
                Html.text(tr, "td", answers.consentAnswer(consent.answer(), language));
                Html.text(tr, "td", Dates.display(consent.since(), language));
                Html.link(Html.add(tr, "td"), "/staff/submissions/" + consent.reference(), consent.reference());
            }
        }
        Responses.html(ctx, 200, page.html());
    }

    void governors(Context ctx, StaffSession session) {
        if (!RecordAccess.maySeeGovernorSummary(session.user())) {
            errors.forbidden(ctx);
            return;
        }
        Optional<Manifest> manifest = records.manifestOf(session.user());
        if (manifest.isEmpty()) {
            errors.notFound(ctx);
            return;
        }
        String language = session.language();
        List<GovernorSummary.Count> counts = governors.incidents(manifest.get());
        PageLayout.Page page = frame.page(ctx, session, "staff.governors.title");
        Html.text(page.main(), "p", messages.get(language, "staff.governors.explanation"));
        if (counts.isEmpty()) {
            Html.text(page.main(), "p", messages.get(language, "staff.governors.none"));
        } else {
            Element table = Html.add(page.main(), "table", "table");
            Element head = Html.add(Html.add(table, "thead"), "tr");
            for (String key : List.of("staff.governors.month", "csv.form", "staff.governors.category",
                    "staff.governors.reports", "staff.governors.urgent")) {
                Html.text(head, "th", messages.get(language, key)).attr("scope", "col");
            }
            Element body = Html.add(table, "tbody");
            for (GovernorSummary.Count count : counts) {
                FormDefinition form = manifest.get().form(count.formId()).orElseThrow();
                Element tr = Html.add(body, "tr");
                Html.text(tr, "td", Dates.month(count.month(), language));
                Html.text(tr, "td", Text.in(form.title(), language));
                Html.text(tr, "td", categoryLabel(form, count.category(), language));
                Html.text(tr, "td", String.valueOf(count.reports()));
                Html.text(tr, "td", String.valueOf(count.urgent()));
            }
        }
        Responses.html(ctx, 200, page.html());
    }

    private String categoryLabel(FormDefinition form, String category, String language) {
        if (category.isEmpty()) {
            return messages.get(language, "staff.governors.uncategorised");
        }
        String fieldName = GovernorSummary.categoryField(form);
        Optional<FieldDefinition> field = fieldName == null ? Optional.empty() : form.field(fieldName);
        return String.join(", ", java.util.Arrays.stream(category.split(",")).map(value -> field
                .flatMap(f -> f.option(value)).map(option -> Text.in(option.label(), language))
                .orElse(value)).toList());
    }

    private static String statementText(FormDefinition form, String key, String language) {
        int dot = key.indexOf('.');
        return form.field(key.substring(0, dot)).flatMap(field -> field.statements().stream()
                        .filter(statement -> statement.id().equals(key.substring(dot + 1))).findFirst())
                .map(ConsentStatement::text).map(text -> Text.in(text, language)).orElse(key);
    }

    private void filters(Element main, String language, List<FormDefinition> forms, Optional<String> formId,
                         Context ctx) {
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

    private static String language(StaffSession session) {
        return session.language();
    }
}
