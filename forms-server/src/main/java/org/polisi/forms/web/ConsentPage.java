package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.polisi.forms.consent.ConsentRegister;
import org.polisi.forms.consent.ConsentState;
import org.polisi.forms.consent.CurrentConsent;
import org.polisi.forms.consent.WithdrawalRequests;
import org.polisi.forms.export.CsvExport;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.Answers;
import org.polisi.forms.manifest.ConsentStatement;
import org.polisi.forms.manifest.FormDefinition;
import org.polisi.forms.manifest.FormKind;
import org.polisi.forms.manifest.RetentionRule;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.roster.PupilClasses;
import org.polisi.forms.roster.Roster;
import org.polisi.forms.staff.StaffPermissions;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.storage.Times;

/**
 * {@code /staff/consents}: the consent that stands now for each pupil and statement of the consent
 * forms the member of staff may read, derived from the verified events only ({@link ConsentState}),
 * with "withdrawal pending" where a withdrawal sent without a reference names the pupil and waits
 * for staff to match it; filtered by statement, class (the roster's) or year group and answer, for a
 * trip or a photo day ("who may appear on the website photo from class 3?"), printable (the print
 * style sheet leaves out the navigation and filters), and as CSV ({@code /staff/consents.csv}).
 */
final class ConsentPage {

    private final StaffRecords records;
    private final ConsentState consents;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final Answers answers;

    private final WithdrawalRequests requests;
    private final ConsentRegister register;
    private final Roster roster;
    private final CsvExport csv;

    ConsentPage(StaffRecords records, ConsentState consents, WithdrawalRequests requests, StaffFrame frame,
                ErrorPages errors, Messages messages, ConsentRegister register, Roster roster, CsvExport csv) {
        this.register = register;
        this.roster = roster;
        this.csv = csv;
        this.requests = requests;
        this.records = records;
        this.consents = consents;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
        this.answers = new Answers(messages);
    }

    void consents(Context ctx, StaffSession session) {
        String language = session.language();
        List<FormDefinition> consentForms = consentForms(session);
        if (consentForms.isEmpty()) {
            errors.forbidden(ctx);
            return;
        }
        List<Roster.Entry> roster = rosterFor(session);
        ConsentRegister.Filter filter = filter(ctx);
        ConsentState.Verified<List<ConsentRegister.Line>> verified = register.lines(session.user().school(),
                consentForms, PupilClasses.of(roster), filter);
        List<ConsentRegister.Line> lines = verified.value();
        PageLayout.Page page = frame.page(ctx, session, "staff.consents.title");
        unverifiedNotice(page.main(), verified, messages, language);
        Html.text(page.main(), "p", messages.get(language, "staff.consents.explanation"));
        filters(page.main(), language, consentForms, roster, filter);
        if (lines.isEmpty()) {
            Html.text(page.main(), "p", messages.get(language, "staff.consents.none")).attr("role", "status");
        } else {
            Element body = Html.table(page.main(), messages, language,
                    "staff.consents.pupil", "staff.consents.class", "csv.form", "staff.consents.statement",
                    "staff.consents.answer", "staff.consents.since", "csv.reference", "staff.consents.pending-column");
            Html.text(body.parent().prependElement("caption"), "span", messages.format(language,
                    "staff.consents.caption", Map.of("count", lines.size()))).parent().addClass("table__caption");
            List<WithdrawalRequests.Request> pending = requests.pending(session.user().school());
            for (ConsentRegister.Line line : lines) {
                CurrentConsent consent = line.consent();
                FormDefinition form = consentForms.stream().filter(f -> f.id().equals(consent.formId()))
                        .findFirst().orElseThrow();
                Element tr = Html.add(body, "tr").addClass("consent--" + consent.answer());
                if (consent.pupil().isEmpty()) {
                    Html.text(tr, "td", messages.get(language, "staff.consents.unnamed"));
                } else {
                    Html.typed(tr, "td", consent.pupil());
                }
                Html.typed(tr, "td", className(line, language));
                Html.text(tr, "td", Text.in(form.title(), language));
                Html.text(tr, "td", statementText(form, consent.statement(), language));
                Html.text(tr, "td", answers.consentAnswer(consent.answer(), language));
                Html.text(tr, "td", Dates.display(consent.since(), language));
                Html.link(Html.add(tr, "td"), "/staff/submissions/" + consent.reference(), consent.reference());
                pendingCell(Html.add(tr, "td"), language,
                        WithdrawalRequests.naming(pending, consent.formId(), consent.pupil()));
            }
        }
        Element links = Html.add(page.main(), "p", "print-hint");
        Html.link(links, "/staff/consents.csv?" + Optional.ofNullable(ctx.queryString()).orElse(""),
                messages.get(language, "staff.export-csv"));
        links.appendText(" · " + messages.get(language, "staff.consents.print"));
        Responses.html(ctx, 200, page.html());
    }

    /** The same lines as the page, as CSV: one row per pupil and statement. */
    void exportCsv(Context ctx, StaffSession session) {
        String language = session.language();
        List<FormDefinition> consentForms = consentForms(session);
        if (consentForms.isEmpty()) {
            errors.forbidden(ctx);
            return;
        }
        List<ConsentRegister.Line> lines = register.lines(session.user().school(), consentForms,
                PupilClasses.of(rosterFor(session)), filter(ctx)).value();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (ConsentRegister.Line line : lines) {
            CurrentConsent consent = line.consent();
            FormDefinition form = consentForms.stream().filter(f -> f.id().equals(consent.formId())).findFirst()
                    .orElseThrow();
            rows.add(List.of(consent.pupil(), className(line, language), Text.in(form.title(), language),
                    statementText(form, consent.statement(), language), answers.consentAnswer(consent.answer(), language),
                    Dates.displayWithOffset(consent.since(), language), Times.format(consent.since()),
                    consent.reference()));
        }
        String text = csv.table(List.of(messages.get(language, "staff.consents.pupil"),
                messages.get(language, "staff.consents.class"), messages.get(language, "csv.form"),
                messages.get(language, "staff.consents.statement"), messages.get(language, "staff.consents.answer"),
                messages.get(language, "csv.since-local"), messages.get(language, "csv.since-utc"),
                messages.get(language, "csv.reference")), rows);
        ctx.header("Content-Disposition", "attachment; filename=\"" + session.user().school() + "-consents.csv\"");
        ctx.status(200).contentType(Responses.CSV).result("\uFEFF" + text); // the BOM makes Excel read UTF-8
    }

    private List<FormDefinition> consentForms(StaffSession session) {
        return records.readableForms(session.user()).stream().filter(form -> form.kind() == FormKind.CONSENT).toList();
    }

    /** The roster, for those who may use it; nobody else's view is sorted by a list they may not see. */
    private List<Roster.Entry> rosterFor(StaffSession session) {
        return StaffPermissions.mayUseRoster(session.user()) ? roster.of(session.user().school()) : List.of();
    }

    /** The roster's class, else the year group the form gave (in the reader's words), else nothing. */
    private String className(ConsentRegister.Line line, String language) {
        return line.rosterClass().orElseGet(() -> line.yearGroup()
                .filter(RetentionRule.YEAR_GROUPS::contains)
                .map(group -> messages.get(language, "year-group." + group)).orElse(""));
    }

    private static ConsentRegister.Filter filter(Context ctx) {
        return new ConsentRegister.Filter(param(ctx, "statement"), param(ctx, "class"), param(ctx, "year"),
                param(ctx, "answer").filter(List.of("given", "refused", "withdrawn")::contains));
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Statement, class, year group and answer: a plain GET form, so a filtered list can be bookmarked and printed. */
    private void filters(Element main, String language, List<FormDefinition> forms, List<Roster.Entry> roster,
                         ConsentRegister.Filter filter) {
        Element form = Html.add(main, "form", "filters").attr("method", "get").attr("action", "/staff/consents");
        Element statements = select(form, language, "statement", "staff.consents.statement",
                "staff.consents.all-statements", filter.statement());
        for (FormDefinition each : forms) {
            each.fields().stream().filter(field -> !field.statements().isEmpty()).forEach(field ->
                    field.statements().forEach(statement -> option(statements,
                            each.id() + "." + field.name() + "." + statement.id(),
                            Text.in(each.title(), language) + ": " + Text.in(statement.text(), language),
                            filter.statement())));
        }
        if (!roster.isEmpty()) {
            Element classes = select(form, language, "class", "staff.consents.class", "staff.consents.all-classes",
                    filter.className());
            roster.stream().map(Roster.Entry::className).distinct().filter(name -> !name.isEmpty())
                    .forEach(name -> option(classes, name, name, filter.className()));
        }
        Element years = select(form, language, "year", "staff.consents.year-group", "staff.consents.all-year-groups",
                filter.yearGroup());
        RetentionRule.YEAR_GROUPS.forEach(group -> option(years, group, messages.get(language, "year-group." + group),
                filter.yearGroup()));
        Element answers = select(form, language, "answer", "staff.consents.answer", "staff.consents.all-answers",
                filter.answer());
        for (String answer : List.of("given", "refused", "withdrawn")) {
            option(answers, answer, this.answers.consentAnswer(answer, language), filter.answer());
        }
        Html.text(form, "button", messages.get(language, "staff.filter.apply")).addClass("button")
                .attr("type", "submit");
    }

    private Element select(Element form, String language, String name, String labelKey, String allKey,
                           Optional<String> chosen) {
        Element group = Html.add(form, "div", "form-group");
        Html.text(group, "label", messages.get(language, labelKey)).addClass("label").attr("for", "filter--" + name);
        Element select = Html.add(group, "select", "select").attr("id", "filter--" + name).attr("name", name);
        option(select, "", messages.get(language, allKey), chosen);
        return select;
    }

    private static void option(Element select, String value, String text, Optional<String> chosen) {
        Element option = Html.text(select, "option", text).attr("value", value);
        if (chosen.orElse("").equals(value)) {
            option.attr("selected", "");
        }
    }

    /** When the consent events fail their check: says so, and that only the events before the break are shown. */
    static void unverifiedNotice(Element main, ConsentState.Verified<?> verified, Messages messages, String language) {
        verified.problem().ifPresent(problem -> Html.text(main, "p",
                messages.format(language, "staff.consents.unverified", Map.of("event", problem.seq()))).attr("role", "alert")
                .addClass("notice notice--warning"));
    }

    /** "Withdrawal pending", linked to each request sent without a reference that names this pupil. */
    private void pendingCell(Element cell, String language, List<WithdrawalRequests.Request> naming) {
        if (naming.isEmpty()) {
            return;
        }
        cell.addClass("withdrawal-pending");
        cell.appendText(messages.get(language, "staff.consents.pending") + " ");
        for (WithdrawalRequests.Request request : naming) {
            Html.link(cell, "/staff/submissions/" + request.withdrawal().reference(), request.withdrawal().reference());
            cell.appendText(" ");
        }
    }

    /** A statement's words in the language, from its key ({@code field.statement}). */
    static String statementText(FormDefinition form, String key, String language) {
        int dot = key.indexOf('.');
        return form.field(key.substring(0, dot)).flatMap(field -> field.statements().stream()
                        .filter(statement -> statement.id().equals(key.substring(dot + 1))).findFirst())
                .map(ConsentStatement::text).map(text -> Text.in(text, language)).orElse(key);
    }
}
