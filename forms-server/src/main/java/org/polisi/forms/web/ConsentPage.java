package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.ArrayList;
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
        Table table = null;
        if (!state.isEmpty()) {
            List<WithdrawalRequests.Request> pending = requests.pending(session.user().school());
            List<Table.Row> rows = new ArrayList<>();
            for (CurrentConsent consent : state) {
                FormDefinition form = consentForms.stream().filter(f -> f.id().equals(consent.formId()))
                        .findFirst().orElseThrow();
                rows.add(new Table.Row("consent--" + consent.answer(), List.of(
                        consent.pupil().isEmpty() ? Table.Cell.text(messages.get(language, "staff.consents.unnamed"))
                                : Table.Cell.typed(consent.pupil()),
                        Table.Cell.text(Text.in(form.title(), language)),
                        Table.Cell.text(statementText(form, consent.statement(), language)),
                        Table.Cell.text(answers.consentAnswer(consent.answer(), language)),
                        Table.Cell.text(Dates.display(consent.since(), language)),
                        Table.Cell.link("/staff/submissions/" + consent.reference(), consent.reference()),
                        pendingCell(language, WithdrawalRequests.naming(pending, consent.formId(), consent.pupil())))));
            }
            table = new Table(Html.headings(messages, language, "staff.consents.pupil", "csv.form",
                    "staff.consents.statement", "staff.consents.answer", "staff.consents.since", "csv.reference",
                    "staff.consents.pending-column"), rows);
        }
        frame.render(ctx, session, 200, "staff.consents.title", Map.of(), "consents", new View(
                unverifiedText(verified, messages, language), messages.get(language, "staff.consents.explanation"),
                state.isEmpty() ? messages.get(language, "staff.consents.none") : null, table));
    }

    /**
     * The view of {@code server/consents.ftl}: a warning when the consent events fail their check
     * (or null), and the consents now in force ({@code none} when there are none, else the table).
     */
    record View(String unverified, String explanation, String none, Table table) {
    }

    /** The warning that the consent events fail their check, or null when they pass. */
    static String unverifiedText(ConsentState.Verified<?> verified, Messages messages, String language) {
        return verified.problem().map(problem -> messages.format(language, "staff.consents.unverified",
                Map.of("event", problem.seq()))).orElse(null);
    }

    /** When the consent events fail their check: says so, and that only the events before the break are shown. */
    static void unverifiedNotice(Element main, ConsentState.Verified<?> verified, Messages messages, String language) {
        String warning = unverifiedText(verified, messages, language);
        if (warning != null) {
            Html.text(main, "p", warning).attr("role", "alert").addClass("notice notice--warning");
        }
    }

    /** "Withdrawal pending", linked to each request sent without a reference that names this pupil. */
    private Table.Cell pendingCell(String language, List<WithdrawalRequests.Request> naming) {
        if (naming.isEmpty()) {
            return Table.Cell.text("");
        }
        return new Table.Cell(messages.get(language, "staff.consents.pending") + " ", false, naming.stream()
                .map(request -> new Table.Link("/staff/submissions/" + request.withdrawal().reference(),
                        request.withdrawal().reference(), "")).toList(), "withdrawal-pending");
    }

    /** A statement's words in the language, from its key ({@code field.statement}). */
    static String statementText(FormDefinition form, String key, String language) {
        int dot = key.indexOf('.');
        return form.field(key.substring(0, dot)).flatMap(field -> field.statements().stream()
                        .filter(statement -> statement.id().equals(key.substring(dot + 1))).findFirst())
                .map(ConsentStatement::text).map(text -> Text.in(text, language)).orElse(key);
    }
}
