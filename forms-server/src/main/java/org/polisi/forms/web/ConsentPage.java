package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.polisi.forms.consent.ConsentState;
import org.polisi.forms.consent.CurrentConsent;
import org.polisi.forms.consent.WithdrawalRequests;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.Answers;
import org.polisi.contract.ConsentStatement;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;

/**
 * {@code /staff/consents}: the consent that stands now for each pupil and statement of the consent
 * forms the member of staff may read, derived from the verified events only ({@link ConsentState}),
 * with "withdrawal pending" where a withdrawal sent without a reference names the pupil and waits
 * for staff to match it.
 */
final class ConsentPage {

    private final StaffRecords records;
    private final ConsentState consents;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final Answers answers;

    private final WithdrawalRequests requests;

    ConsentPage(StaffRecords records, ConsentState consents, WithdrawalRequests requests, StaffFrame frame,
                ErrorPages errors, Messages messages) {
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
        if (!(records.consentForms(session.user()) instanceof StaffRecords.Decision.Granted<List<FormDefinition>> granted)) {
            errors.forbidden(ctx);
            return;
        }
        List<FormDefinition> consentForms = granted.value();
        List<String> readable = consentForms.stream().map(FormDefinition::id).toList();
        ConsentState.Verified<List<CurrentConsent>> verified = consents.of(session.user().school());
        List<CurrentConsent> state = verified.value().stream()
                .filter(consent -> readable.contains(consent.formId())).toList();
        PageLayout.Page page = frame.page(ctx, session, "staff.consents.title");
        unverifiedNotice(page.main(), verified, messages, language);
        Html.text(page.main(), "p", messages.get(language, "staff.consents.explanation"));
        if (state.isEmpty()) {
            Html.text(page.main(), "p", messages.get(language, "staff.consents.none"));
        } else {
            Element body = Html.table(page.main(), messages, language,
                    "staff.consents.pupil", "csv.form", "staff.consents.statement", "staff.consents.answer",
                    "staff.consents.since", "csv.reference", "staff.consents.pending-column");
            List<WithdrawalRequests.Request> pending = requests.pending(session.user().school());
            for (CurrentConsent consent : state) {
                FormDefinition form = consentForms.stream().filter(f -> f.id().equals(consent.formId()))
                        .findFirst().orElseThrow();
                Element tr = Html.add(body, "tr").addClass("consent--" + consent.answer());
                if (consent.pupil().isEmpty()) {
                    Html.text(tr, "td", messages.get(language, "staff.consents.unnamed"));
                } else {
                    Html.typed(tr, "td", consent.pupil());
                }
                Html.text(tr, "td", Text.in(form.title(), language));
                Html.text(tr, "td", statementText(form, consent.statement(), language));
                Html.text(tr, "td", answers.consentAnswer(consent.answer(), language));
                Html.text(tr, "td", Dates.display(consent.since(), language));
                Html.link(Html.add(tr, "td"), "/staff/submissions/" + consent.reference(), consent.reference());
                pendingCell(Html.add(tr, "td"), language,
                        WithdrawalRequests.naming(pending, consent.formId(), consent.pupil()));
            }
        }
        Responses.html(ctx, 200, page.html());
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
