package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.polisi.forms.export.PersonSearch;
import org.polisi.forms.export.SubjectAccessExport;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.Answers;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.names.NameMatch;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.contract.StaffRole;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.storage.StaffAccountHistory;
import org.polisi.forms.text.DisplayText;

/**
 * {@code /staff/people} ("Find everything about a person") and {@code /staff/people.json}: a search
 * box, and everything found that names the person, each record with how it matched. The name is
 * posted (with the session's anti-forgery token), never put in an address, so it stays out of
 * browser history and proxy logs. The search, what the member of staff may see and the record of
 * incident views are {@link StaffRecords#findPerson}'s; the JSON is the command line's subject
 * access export.
 */
final class PersonPage {

    /** The kinds of change to a staff account that have words on this page; any other is shown as stored. */
    private static final java.util.Set<String> ACCOUNT_CHANGES = java.util.Set.of(StaffAccountHistory.CREATED,
            StaffAccountHistory.NAME, StaffAccountHistory.EMAIL, StaffAccountHistory.ROLE, StaffAccountHistory.PASSWORD,
            StaffAccountHistory.SECOND_FACTOR, StaffAccountHistory.DISABLED);

    private final StaffRecords records;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final Answers answers;
    private final Clock clock;

    PersonPage(StaffRecords records, StaffFrame frame, ErrorPages errors, Messages messages, Clock clock) {
        this.records = records;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
        this.answers = new Answers(messages);
        this.clock = clock;
    }

    /** GET: the search box. */
    void form(Context ctx, StaffSession session) {
        show(ctx, session, "");
    }

    /** POST: the search box again, and what was found. */
    void search(Context ctx, StaffSession session, boolean tokenValid) {
        if (!tokenValid) {
            errors.forbidden(ctx);
            return;
        }
        show(ctx, session, Optional.ofNullable(ctx.formParam("name")).orElse(""));
    }

    private void show(Context ctx, StaffSession session, String name) {
        String language = session.language();
        boolean asked = !name.isBlank();
        boolean searchable = PersonSearch.searchable(name);
        String tooShort = asked && !searchable ? messages.get(language, "staff.people.too-short") : null;
        frame.render(ctx, session, 200, "staff.people.title", Map.of(), "people", new View(
                messages.get(language, "staff.people.explanation"),
                session.user().staffRole() == StaffRole.HEADTEACHER
                        ? messages.get(language, "staff.people.explanation-accounts") : null,
                new Search(StaffAuth.CSRF_FIELD, session.csrfToken(), messages.get(language, "staff.people.name"), name,
                        tooShort, messages.get(language, "error.hidden-prefix"), messages.get(language, "staff.people.search")),
                searchable ? results(language, session, records.findPerson(session.user(), name), name) : null));
    }

    /** The view of {@code server/people.ftl}: the search, and what it found (null before a search). */
    record View(String explanation, String explanationAccounts, Search search, Results results) {
    }

    /** The search box; {@code error} says the name is too short to search for, or is null. */
    record Search(String csrfField, String csrfToken, String label, String name, String error, String hiddenPrefix,
                  String button) {
    }

    /** What was found: {@code none} when nothing (then no sections), else the heading, a table per kind, and the download. */
    record Results(String none, String found, List<Section> sections, String name, String download) {
    }

    /** One kind of finding: submissions, consent events, alerts, chronology entries, views, decisions, erasures, accounts, roster. */
    record Section(String heading, Table table) {
    }

    /** POST: everything found, as the subject access export's JSON. */
    void download(Context ctx, StaffSession session, boolean tokenValid) {
        if (!tokenValid) {
            errors.forbidden(ctx);
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        if (!PersonSearch.searchable(name)) {
            Responses.seeOther(ctx, "/staff/people");
            return;
        }
        String json = SubjectAccessExport.write(records.findPerson(session.user(), name), clock.instant());
        ctx.header("Content-Disposition", "attachment; filename=\"subject-access.json\"");
        Responses.json(ctx, 200, json);
    }

    private Results results(String language, StaffSession session, PersonSearch.Findings found, String name) {
        if (found.count() == 0) {
            return new Results(messages.format(language, "staff.people.none", Map.of("name", DisplayText.isolated(found.person()))),
                    null, List.of(), name, null);
        }
        List<FormDefinition> forms = records.readableForms(session.user());
        List<Section> sections = new ArrayList<>();
        if (!found.submissions().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.submissions"), new Table(Table.headings(messages,
                    language, "csv.reference", "csv.form", "csv.received", "staff.people.matched", "staff.people.matched-in"),
                    found.submissions().stream().map(submission -> {
                        Optional<FormDefinition> form = forms.stream()
                                .filter(each -> each.id().equals(submission.record().formId())).findFirst();
                        List<SummaryRow> matchedIn = form.map(definition -> answers.describe(definition, submission.answers(),
                                        language).stream().filter(field -> submission.fields().contains(field.key()))
                                .map(field -> SummaryRow.of(field.label(), field.answer())).toList()).orElse(List.of());
                        return Table.Row.of(
                                Table.Cell.link("/staff/submissions/" + submission.record().reference(),
                                        submission.record().reference()),
                                Table.Cell.text(form.map(each -> Text.in(each.title(), language))
                                        .orElse(submission.record().formId())),
                                Table.Cell.text(Dates.display(submission.record().receivedAt(), language)),
                                Table.Cell.text(matched(submission.match(), language)),
                                new Table.Cell("", false, List.of(), "", matchedIn));
                    }).toList())));
        }
        if (!found.consentEvents().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.consent-events"), new Table(Table.headings(messages,
                    language, "staff.consents.pupil", "csv.form", "staff.consents.statement", "staff.record.consent-answer",
                    "staff.record.consent-recorded", "csv.reference", "staff.people.matched"),
                    found.consentEvents().stream().map(event -> {
                        Optional<FormDefinition> form = forms.stream().filter(each -> each.id().equals(event.formId())).findFirst();
                        return Table.Row.of(Table.Cell.typed(event.pupil()),
                                Table.Cell.text(form.map(each -> Text.in(each.title(), language)).orElse(event.formId())),
                                Table.Cell.text(form.map(each -> ConsentPage.statementText(each, event.statement(), language))
                                        .orElse(event.statement())),
                                Table.Cell.text(answers.consentAnswer(event.answer(), language)),
                                Table.Cell.text(Dates.display(event.recordedAt(), language)),
                                Table.Cell.link("/staff/submissions/" + event.reference(), event.reference()),
                                Table.Cell.text(matched(event.match(), language)));
                    }).toList())));
        }
        if (!found.alertsRaised().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.alerts"), new Table(Table.headings(messages,
                    language, "csv.reference", "staff.people.raised-by", "csv.received", "staff.people.matched"),
                    found.alertsRaised().stream().map(alert -> Table.Row.of(
                            Table.Cell.link("/staff/submissions/" + alert.reference(), alert.reference()),
                            Table.Cell.typed(alert.raisedBy()),
                            Table.Cell.text(Dates.display(alert.raisedAt(), language)),
                            Table.Cell.text(matched(alert.match(), language)))).toList())));
        }
        if (!found.incidentEvents().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.incident-events"), new Table(Table.headings(messages,
                    language, "csv.reference", "staff.incident.when", "staff.incident.who", "staff.incident.what",
                    "staff.people.matched"),
                    found.incidentEvents().stream().map(event -> Table.Row.of(
                            Table.Cell.link("/staff/submissions/" + event.reference(), event.reference()),
                            Table.Cell.text(Dates.display(event.recordedAt(), language)),
                            Table.Cell.typed(event.recordedBy()),
                            "action".equals(event.kind()) ? Table.Cell.typed(event.detail())
                                    : Table.Cell.text(eventDetail(event, language)),
                            Table.Cell.text(matched(event.match(), language)))).toList())));
        }
        if (!found.incidentViews().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.incident-views"), new Table(Table.headings(messages,
                    language, "csv.reference", "staff.people.viewer", "staff.incident.when", "staff.people.matched"),
                    found.incidentViews().stream().map(view -> Table.Row.of(
                            Table.Cell.link("/staff/submissions/" + view.reference(), view.reference()),
                            Table.Cell.typed(view.viewer()),
                            Table.Cell.text(Dates.display(view.viewedAt(), language)),
                            Table.Cell.text(matched(view.match(), language)))).toList())));
        }
        if (!found.withdrawalDecisions().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.withdrawal-decisions"), new Table(Table.headings(
                    messages, language, "csv.reference", "staff.withdrawal.decide", "staff.people.decided-by",
                    "staff.incident.when", "staff.people.matched"),
                    found.withdrawalDecisions().stream().map(decision -> Table.Row.of(
                            Table.Cell.link("/staff/submissions/" + decision.reference(), decision.reference()),
                            Table.Cell.text(messages.get(language, "staff.people.decision." + decision.decision())),
                            Table.Cell.typed(decision.decidedBy()),
                            Table.Cell.text(Dates.display(decision.decidedAt(), language)),
                            Table.Cell.text(matched(decision.match(), language)))).toList())));
        }
        if (!found.erasures().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.erasures"), new Table(Table.headings(messages,
                    language, "csv.reference", "staff.people.erasure-reason", "staff.people.erased-by",
                    "staff.incident.when", "staff.people.matched"),
                    found.erasures().stream().map(erasure -> Table.Row.of(
                            Table.Cell.link("/staff/submissions/" + erasure.reference(), erasure.reference()),
                            Table.Cell.text(messages.get(language, "staff.people.erasure." + erasure.reason())),
                            Table.Cell.typed(erasure.erasedBy()),
                            Table.Cell.text(Dates.display(erasure.erasedAt(), language)),
                            Table.Cell.text(matched(erasure.match(), language)))).toList())));
        }
        if (!found.staffAccounts().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.staff-accounts"), new Table(Table.headings(messages,
                    language, "staff.people.name", "staff.people.email", "staff.people.role", "staff.people.matched"),
                    found.staffAccounts().stream().map(account -> Table.Row.of(
                            Table.Cell.typed(account.name()),
                            Table.Cell.typed(account.email()),
                            Table.Cell.text(frame.roleName(account.school(), account.role(), language)),
                            Table.Cell.text(matched(account.match(), language)))).toList())));
        }
        if (!found.accountChanges().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.account-changes"), new Table(Table.headings(
                    messages, language, "staff.people.account", "staff.people.change", "staff.people.changed-by",
                    "staff.incident.when", "staff.people.matched"),
                    found.accountChanges().stream().map(change -> Table.Row.of(
                            Table.Cell.typed(change.account()),
                            ACCOUNT_CHANGES.contains(change.change())
                                    ? Table.Cell.text(messages.get(language, "staff.people.change." + change.change()))
                                    : Table.Cell.typed(change.change()),
                            Table.Cell.typed(change.changedBy()),
                            Table.Cell.text(Dates.display(change.changedAt(), language)),
                            Table.Cell.text(matched(change.match(), language)))).toList())));
        }
        if (!found.rosterUploads().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.roster-uploads"), new Table(Table.headings(
                    messages, language, "staff.people.uploaded-by", "staff.roster.pupils", "staff.incident.when",
                    "staff.people.matched"),
                    found.rosterUploads().stream().map(upload -> Table.Row.of(
                            Table.Cell.typed(upload.uploadedBy()),
                            Table.Cell.text(String.valueOf(upload.pupils())),
                            Table.Cell.text(Dates.display(upload.uploadedAt(), language)),
                            Table.Cell.text(matched(upload.match(), language)))).toList())));
        }
        if (!found.rosterPupils().isEmpty()) {
            sections.add(new Section(messages.get(language, "staff.people.roster-pupils"), new Table(Table.headings(
                    messages, language, "staff.consents.pupil", "staff.consents.class", "staff.people.matched"),
                    found.rosterPupils().stream().map(pupil -> Table.Row.of(
                            Table.Cell.typed(pupil.pupil()),
                            Table.Cell.typed(pupil.className()),
                            Table.Cell.text(matched(pupil.match(), language)))).toList())));
        }
        return new Results(null, messages.format(language, "staff.people.found", Map.of("count", found.count(),
                "name", DisplayText.isolated(found.person()))), sections, name, messages.get(language, "staff.people.download"));
    }

    /** A status change or keep-until date, in the page's words (an action is what staff typed). */
    private String eventDetail(PersonSearch.FoundIncidentEvent event, String language) {
        return "status".equals(event.kind())
                ? messages.format(language, "staff.incident.status-changed", Map.of("status",
                        messages.get(language, "staff.incident.status." + event.detail())))
                : messages.format(language, "staff.incident.kept-until", Map.of("date", event.detail()));
    }

    private String matched(NameMatch match, String language) {
        return messages.get(language, switch (match) {
            case EXACT -> "match.exactly";
            case WITHOUT_ACCENTS -> "match.without-accents";
            case OTHER_SEPARATORS -> "match.other-separators";
            case WITHOUT_APOSTROPHES -> "match.without-apostrophes";
            case MC_MAC -> "match.mc-mac";
            case WITHOUT_PARTICLES -> "match.without-particles";
            case NONE -> throw new IllegalArgumentException("not a match");
        });
    }
}
