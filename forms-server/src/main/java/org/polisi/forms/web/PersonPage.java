package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.jsoup.nodes.Element;
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
        PageLayout.Page page = frame.page(ctx, session, "staff.people.title");
        Element main = page.main();
        Html.text(main, "p", messages.get(language, "staff.people.explanation"));
        if (session.user().staffRole() == StaffRole.HEADTEACHER) {
            Html.text(main, "p", messages.get(language, "staff.people.explanation-accounts"));
        }
        searchBox(main, language, session, name, asked && !searchable);
        if (searchable) {
            results(main, language, session, records.findPerson(session.user(), name), name);
        }
        Responses.html(ctx, 200, page.html());
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

    private void searchBox(Element main, String language, StaffSession session, String name, boolean tooShort) {
        Element form = Html.add(main, "form", "person-search").attr("method", "post").attr("action", "/staff/people")
                .attr("role", "search");
        Html.hidden(form, StaffAuth.CSRF_FIELD, session.csrfToken());
        Element group = Html.add(form, "div", "form-group");
        Html.text(group, "label", messages.get(language, "staff.people.name")).addClass("label")
                .attr("for", "person--name");
        Element input = Html.add(group, "input", "input").attr("type", "search").attr("id", "person--name")
                .attr("name", "name").attr("value", name).attr("autocomplete", "off").attr("spellcheck", "false");
        if (tooShort) {
            group.addClass("form-group--error");
            Element message = new Element("p").addClass("error-message").attr("id", "person--name--error");
            message.appendElement("span").addClass("visually-hidden").text(messages.get(language, "error.hidden-prefix"));
            message.appendText(" " + messages.get(language, "staff.people.too-short"));
            input.before(message);
            input.attr("aria-describedby", "person--name--error").attr("autofocus", "");
        }
        Html.text(form, "button", messages.get(language, "staff.people.search")).addClass("button")
                .attr("type", "submit");
    }

    private void results(Element main, String language, StaffSession session, PersonSearch.Findings found,
                         String name) {
        if (found.count() == 0) {
            Html.text(main, "p", messages.format(language, "staff.people.none", Map.of("name", DisplayText.isolated(found.person()))))
                    .attr("role", "status");
            return;
        }
        Html.text(main, "h2", messages.format(language, "staff.people.found", Map.of("count", found.count(),
                "name", DisplayText.isolated(found.person())))).attr("role", "status");
        List<FormDefinition> forms = records.readableForms(session.user());
        if (!found.submissions().isEmpty()) {
            Html.text(main, "h3", messages.get(language, "staff.people.submissions"));
            Element body = Html.table(main, messages, language, "csv.reference", "csv.form", "csv.received",
                    "staff.people.matched", "staff.people.matched-in");
            for (PersonSearch.FoundSubmission submission : found.submissions()) {
                Optional<FormDefinition> form = forms.stream()
                        .filter(each -> each.id().equals(submission.record().formId())).findFirst();
                Element tr = Html.add(body, "tr");
                Html.link(Html.add(tr, "td"), "/staff/submissions/" + submission.record().reference(),
                        submission.record().reference());
                Html.text(tr, "td", form.map(each -> Text.in(each.title(), language)).orElse(submission.record().formId()));
                Html.text(tr, "td", Dates.display(submission.record().receivedAt(), language));
                Html.text(tr, "td", matched(submission.match(), language));
                Element dl = Html.add(Html.add(tr, "td"), "dl", "summary-list");
                form.ifPresent(definition -> answers.describe(definition, submission.answers(), language).stream()
                        .filter(field -> submission.fields().contains(field.key()))
                        .forEach(field -> Html.summaryRow(dl, field.label(), field.answer())));
            }
        }
        if (!found.consentEvents().isEmpty()) {
            Html.text(main, "h3", messages.get(language, "staff.people.consent-events"));
            Element body = Html.table(main, messages, language, "staff.consents.pupil", "csv.form",
                    "staff.consents.statement", "staff.record.consent-answer", "staff.record.consent-recorded",
                    "csv.reference", "staff.people.matched");
            for (PersonSearch.FoundConsentEvent event : found.consentEvents()) {
                Optional<FormDefinition> form = forms.stream().filter(each -> each.id().equals(event.formId())).findFirst();
                Element tr = Html.add(body, "tr");
                Html.typed(tr, "td", event.pupil());
                Html.text(tr, "td", form.map(each -> Text.in(each.title(), language)).orElse(event.formId()));
                Html.text(tr, "td", form.map(each -> ConsentPage.statementText(each, event.statement(), language))
                        .orElse(event.statement()));
                Html.text(tr, "td", answers.consentAnswer(event.answer(), language));
                Html.text(tr, "td", Dates.display(event.recordedAt(), language));
                Html.link(Html.add(tr, "td"), "/staff/submissions/" + event.reference(), event.reference());
                Html.text(tr, "td", matched(event.match(), language));
            }
        }
        if (!found.alertsRaised().isEmpty()) {
            Html.text(main, "h3", messages.get(language, "staff.people.alerts"));
            Element body = Html.table(main, messages, language, "csv.reference", "staff.people.raised-by",
                    "csv.received", "staff.people.matched");
            for (PersonSearch.FoundAlert alert : found.alertsRaised()) {
                Element tr = Html.add(body, "tr");
                Html.link(Html.add(tr, "td"), "/staff/submissions/" + alert.reference(), alert.reference());
                Html.typed(tr, "td", alert.raisedBy());
                Html.text(tr, "td", Dates.display(alert.raisedAt(), language));
                Html.text(tr, "td", matched(alert.match(), language));
            }
        }
        if (!found.staffAccounts().isEmpty()) {
            Html.text(main, "h3", messages.get(language, "staff.people.staff-accounts"));
            Element body = Html.table(main, messages, language, "staff.people.name", "staff.people.email",
                    "staff.people.role", "staff.people.matched");
            for (PersonSearch.FoundStaffAccount account : found.staffAccounts()) {
                Element tr = Html.add(body, "tr");
                Html.typed(tr, "td", account.name());
                Html.typed(tr, "td", account.email());
                Html.text(tr, "td", messages.get(language, "role." + account.role()));
                Html.text(tr, "td", matched(account.match(), language));
            }
        }
        Element download = Html.add(main, "form").attr("method", "post").attr("action", "/staff/people.json");
        Html.hidden(download, StaffAuth.CSRF_FIELD, session.csrfToken());
        Html.hidden(download, "name", name);
        Html.text(download, "button", messages.get(language, "staff.people.download"))
                .addClass("button button--secondary").attr("type", "submit");
    }

    private String matched(NameMatch match, String language) {
        return messages.get(language, match == NameMatch.EXACT ? "match.exactly" : "match.without-accents");
    }
}
