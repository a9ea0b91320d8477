package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polisi.forms.consent.ConsentForms;
import org.polisi.forms.consent.ConsentRegister;
import org.polisi.forms.consent.ConsentState;
import org.polisi.forms.consent.CurrentConsent;
import org.polisi.forms.consent.WithdrawalRequests;
import org.polisi.forms.export.CsvExport;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.Answers;
import org.polisi.contract.ConsentStatement;
import org.polisi.contract.FieldOption;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.YearGroups;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.roster.Roster;
import org.polisi.forms.staff.StaffPermissions;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.storage.Times;

/**
 * {@code /staff/consents}: the consent that stands now for each pupil and statement of the consent
 * forms the member of staff may read, derived from the verified events only ({@link ConsentState}),
 * with "withdrawal pending" where a withdrawal sent without a reference names the pupil and waits
 * for staff to match it; filtered by statement, class (the roster's), year group and answer, for a
 * trip or a photo day ("who may appear on the website photo from class 3?"), printable (the print
 * style sheet leaves out the navigation and filters), and as CSV ({@code /staff/consents.csv}).
 * Notices of objection (docs/adr/0057) are listed beside them as what they are: for each use the
 * notice lists, "Objects to this" or "No objection", never as a consent given or refused.
 */
final class ConsentPage {

    /** Every answer a line can hold: a consent's, then a notice of objection's. */
    private static final List<String> ANSWERS = List.of("given", "refused", "withdrawn", "objects", "no-objection");

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
                consentForms, roster, filter);
        List<ConsentRegister.Line> lines = verified.value();
        Table table = null;
        if (!lines.isEmpty()) {
            List<WithdrawalRequests.Request> pending = requests.pending(session.user().school());
            List<Table.Row> rows = new ArrayList<>();
            for (ConsentRegister.Line line : lines) {
                CurrentConsent consent = line.consent();
                FormDefinition form = consentForms.stream().filter(f -> f.id().equals(consent.formId()))
                        .findFirst().orElseThrow();
                rows.add(new Table.Row("consent--" + consent.answer(), List.of(
                        consent.pupil().isEmpty() ? Table.Cell.text(messages.get(language, "staff.consents.unnamed"))
                                : Table.Cell.typed(consent.pupil()),
                        Table.Cell.typed(className(line, language)),
                        Table.Cell.text(Text.in(form.title(), language)),
                        Table.Cell.text(statementText(form, consent.statement(), language)),
                        Table.Cell.text(answers.consentAnswer(consent.answer(), language)),
                        Table.Cell.text(Dates.display(consent.since(), language)),
                        Table.Cell.link("/staff/submissions/" + consent.reference(), consent.reference()),
                        pendingCell(session, WithdrawalRequests.naming(pending, consent.formId(), consent.pupil())),
                        checkCell(session, consent))));
            }
            table = new Table(Table.headings(messages, language, "staff.consents.pupil", "staff.consents.class",
                    "csv.form", "staff.consents.statement", "staff.consents.answer", "staff.consents.since",
                    "csv.reference", "staff.consents.pending-column", "staff.consents.check-column"), rows);
        }
        String explanation = messages.get(language, "staff.consents.explanation")
                + " " + messages.get(language, "staff.consents.one-child-per-form")
                + (anyObjection(consentForms) ? " " + messages.get(language, "staff.consents.objections") : "");
        frame.render(ctx, session, 200, "staff.consents.title", Map.of(), "consents", new View(
                unverifiedText(verified, messages, language), explanation,
                filters(language, consentForms, roster, filter),
                lines.isEmpty() ? messages.get(language, "staff.consents.none") : null, table,
                messages.format(language, "staff.consents.caption", Map.of("count", lines.size())),
                new PageLayout.Link("/staff/consents.csv?" + Optional.ofNullable(ctx.queryString()).orElse(""),
                        messages.get(language, "staff.export-csv")),
                messages.get(language, "staff.consents.print")));
    }

    /**
     * The view of {@code server/consents.ftl}: a warning when the consent events fail their check
     * (or null), the filters, and the consents now in force ({@code none} when there are none, else
     * the table and its caption), the same as CSV, and how to print them.
     */
    record View(String unverified, String explanation, Filters filters, String none, Table table, String caption,
                PageLayout.Link csv, String print) {
    }

    /** A GET form of select boxes (statement, class, year group, answer) and its button. */
    record Filters(String action, List<Select> selects, String button) {
    }

    /** One select box: its name (also its id's end), label and options. */
    record Select(String name, String label, List<Option> options) {
    }

    /** One option; {@code selected} when it is the filter's choice. */
    record Option(String value, String text, boolean selected) {
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
                rosterFor(session), filter(ctx)).value();
        List<List<String>> rows = new ArrayList<>();
        for (ConsentRegister.Line line : lines) {
            CurrentConsent consent = line.consent();
            FormDefinition form = consentForms.stream().filter(f -> f.id().equals(consent.formId())).findFirst()
                    .orElseThrow();
            rows.add(List.of(consent.pupil(), className(line, language), Text.in(form.title(), language),
                    statementText(form, consent.statement(), language), answers.consentAnswer(consent.answer(), language),
                    Dates.displayWithOffset(consent.since(), language), Times.format(consent.since()),
                    checkText(consent, language), consent.reference()));
        }
        String text = csv.table(List.of(messages.get(language, "staff.consents.pupil"),
                messages.get(language, "staff.consents.class"), messages.get(language, "csv.form"),
                messages.get(language, "staff.consents.statement"), messages.get(language, "staff.consents.answer"),
                messages.get(language, "csv.since-local"), messages.get(language, "csv.since-utc"),
                messages.get(language, "staff.consents.check-column"), messages.get(language, "csv.reference")), rows);
        ctx.header("Content-Disposition", "attachment; filename=\"" + session.user().school() + "-consents.csv\"");
        ctx.status(200).contentType(Responses.CSV).result(text); // with its byte order mark (CsvExport)
    }

    /** The consent forms the user may read, as {@link StaffRecords#consentForms} decides; none when refused. */
    private List<FormDefinition> consentForms(StaffSession session) {
        return records.consentForms(session.user()) instanceof StaffRecords.Decision.Granted<List<FormDefinition>> granted
                ? granted.value() : List.of();
    }

    /** The roster, for those who may use it; nobody else's view is sorted by a list they may not see. */
    private List<Roster.Entry> rosterFor(StaffSession session) {
        return StaffPermissions.mayUseRoster(session.user()) ? roster.of(session.user().school()) : List.of();
    }

    /**
     * The roster's class, else the year group the form gave (in the reader's words), else nothing; when
     * several pupils of the roster share the name, the year group the form gave and the roster's
     * classes of that name, said to be several (the roster cannot say which child the form means).
     */
    private String className(ConsentRegister.Line line, String language) {
        String yearGroup = line.yearGroup().filter(YearGroups.VALUES::contains)
                .map(group -> messages.get(language, "year-group." + group)).orElse("");
        if (line.rosterAmbiguous()) {
            String shared = messages.format(language, "staff.consents.roster-shared",
                    Map.of("classes", String.join(", ", line.rosterClasses().stream().distinct().toList())));
            return yearGroup.isEmpty() ? shared : yearGroup + "; " + shared;
        }
        return line.rosterClass().orElse(yearGroup);
    }

    /** "More than one form may name this pupil: check" and the other forms' references, or empty (ADR 0102). */
    private static String checkText(CurrentConsent consent, Messages messages, String language) {
        return consent.toCheck() ? messages.get(language, "staff.consents.check") + " "
                + String.join(", ", consent.alsoNamedBy()) : "";
    }

    private String checkText(CurrentConsent consent, String language) {
        return checkText(consent, messages, language);
    }

    /**
     * The marker of a line whose pupil other live forms may name (a name loosely the same, another year
     * group, class or sender), linked to each of those forms the member of staff may open.
     */
    private Table.Cell checkCell(StaffSession session, CurrentConsent consent) {
        if (!consent.toCheck()) {
            return Table.Cell.text("");
        }
        List<String> closed = consent.alsoNamedBy().stream()
                .filter(reference -> !records.mayOpenRecord(session.user(), reference)).toList();
        return new Table.Cell(String.join(" ", java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(messages.get(session.language(), "staff.consents.check")),
                        closed.stream()).toList()) + " ", false,
                consent.alsoNamedBy().stream().filter(reference -> !closed.contains(reference))
                        .map(reference -> new Table.Link("/staff/submissions/" + reference, reference, "")).toList(),
                "consent-check");
    }

    private static ConsentRegister.Filter filter(Context ctx) {
        return new ConsentRegister.Filter(param(ctx, "statement"), param(ctx, "class"), param(ctx, "year"),
                param(ctx, "answer").filter(ANSWERS::contains));
    }

    private static boolean anyObjection(List<FormDefinition> forms) {
        return forms.stream().anyMatch(form -> form.kind() == FormKind.OBJECTION);
    }

    /** The answers the forms can give: a consent's, a notice of objection's, or both. */
    private static List<String> answersOf(List<FormDefinition> forms) {
        boolean consent = forms.stream().anyMatch(ConsentForms::asksConsent);
        return ANSWERS.stream().filter(answer -> List.of("objects", "no-objection").contains(answer)
                ? anyObjection(forms) : consent).toList();
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Statement, class (with a roster), year group and answer: a GET form, so a filtered list can be bookmarked and printed. */
    private Filters filters(String language, List<FormDefinition> forms, List<Roster.Entry> roster,
                            ConsentRegister.Filter filter) {
        List<Select> selects = new ArrayList<>();
        List<Option> statements = new ArrayList<>(List.of(option("", messages.get(language,
                "staff.consents.all-statements"), filter.statement())));
        for (FormDefinition each : forms) {
            each.fields().forEach(field -> field.statements().forEach(statement -> statements.add(option(
                    each.id() + "." + field.name() + "." + statement.id(),
                    Text.in(each.title(), language) + ": " + Text.in(statement.text(), language), filter.statement()))));
            if (each.kind() == FormKind.OBJECTION) {
                each.fields().stream().filter(field -> field.type() == FieldType.CHECKBOXES).forEach(field ->
                        field.options().forEach(use -> statements.add(option(each.id() + "." + field.name() + "."
                                + use.value(), Text.in(each.title(), language) + ": " + Text.in(use.label(), language),
                                filter.statement()))));
            }
        }
        selects.add(new Select("statement", messages.get(language, "staff.consents.statement"), statements));
        if (!roster.isEmpty()) {
            List<Option> classes = new ArrayList<>(List.of(option("", messages.get(language,
                    "staff.consents.all-classes"), filter.className())));
            roster.stream().map(Roster.Entry::className).distinct().filter(name -> !name.isEmpty())
                    .forEach(name -> classes.add(option(name, name, filter.className())));
            selects.add(new Select("class", messages.get(language, "staff.consents.class"), classes));
        }
        List<Option> years = new ArrayList<>(List.of(option("", messages.get(language,
                "staff.consents.all-year-groups"), filter.yearGroup())));
        YearGroups.VALUES.forEach(group -> years.add(option(group,
                messages.get(language, "year-group." + group), filter.yearGroup())));
        selects.add(new Select("year", messages.get(language, "staff.consents.year-group"), years));
        List<Option> answerOptions = new ArrayList<>(List.of(option("", messages.get(language,
                "staff.consents.all-answers"), filter.answer())));
        for (String answer : answersOf(forms)) {
            answerOptions.add(option(answer, answers.consentAnswer(answer, language), filter.answer()));
        }
        selects.add(new Select("answer", messages.get(language, "staff.consents.answer"), answerOptions));
        return new Filters("/staff/consents", selects, messages.get(language, "staff.filter.apply"));
    }

    private static Option option(String value, String text, Optional<String> chosen) {
        return new Option(value, text, chosen.orElse("").equals(value));
    }

    /** The warning that the consent events fail their check, or null when they pass. */
    static String unverifiedText(ConsentState.Verified<?> verified, Messages messages, String language) {
        return verified.problem().map(problem -> messages.format(language, "staff.consents.unverified",
                Map.of("event", problem.seq()))).orElse(null);
    }

    /**
     * "Withdrawal pending", linked to each request sent without a reference that names this pupil
     * and that the member of staff may open (no link that answers 403).
     */
    private Table.Cell pendingCell(StaffSession session, List<WithdrawalRequests.Request> naming) {
        if (naming.isEmpty()) {
            return Table.Cell.text("");
        }
        return new Table.Cell(messages.get(session.language(), "staff.consents.pending") + " ", false, naming.stream()
                .filter(request -> records.mayOpenRecord(session.user(), request.withdrawal().reference()))
                .map(request -> new Table.Link("/staff/submissions/" + request.withdrawal().reference(),
                        request.withdrawal().reference(), "")).toList(), "withdrawal-pending");
    }

    /**
     * A statement's words in the language, from its key ({@code field.statement}); for a notice of
     * objection, the words of the use objected to ({@code field.option}).
     */
    static String statementText(FormDefinition form, String key, String language) {
        int dot = key.indexOf('.');
        String id = key.substring(dot + 1);
        return form.field(key.substring(0, dot)).flatMap(field -> field.statements().stream()
                        .filter(statement -> statement.id().equals(id)).findFirst().map(ConsentStatement::text)
                        .or(() -> form.kind() == FormKind.OBJECTION ? field.options().stream()
                                .filter(use -> use.value().equals(id)).findFirst().map(FieldOption::label)
                                : Optional.empty()))
                .map(text -> Text.in(text, language)).orElse(key);
    }
}
