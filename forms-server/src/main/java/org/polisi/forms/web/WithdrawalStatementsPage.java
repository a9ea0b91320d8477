package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polisi.forms.consent.Withdrawals;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.FieldError;
import org.polisi.forms.intake.SubmissionOutcome;
import org.polisi.forms.intake.SubmissionRequest;
import org.polisi.contract.ConsentStatement;
import org.polisi.forms.manifest.Text;
import org.polisi.contract.InputIds;

/**
 * A withdrawal's second page (issue 14): the statements of the consent form the parent chose that
 * can be withdrawn (given and not yet withdrawn on the referenced consent: issue 25), as checkboxes in their language, with "all of them" first, at a draft's address (docs/adr/0052,
 * {@link FormDraftPages#statements}). Everything the first page sent also travels in hidden fields, so
 * the flow needs no script; the server checks it all again when the second page is sent. Errors follow the GOV.UK pattern, as on the baked pages.
 */
final class WithdrawalStatementsPage {

    private static final List<String> CARRIED_OVER = List.of(SubmissionRequest.FORM_ID, SubmissionRequest.FORM_LANG,
            SubmissionRequest.FORM_VERSION, SubmissionRequest.IDEMPOTENCY_KEY, Withdrawals.REFERENCE, "parent-name",
            Withdrawals.PUPIL_NAMES, Withdrawals.CONSENT_FORM);

    private final PageLayout layout;
    private final Messages messages;

    WithdrawalStatementsPage(PageLayout layout, Messages messages) {
        this.layout = layout;
        this.messages = messages;
    }

    /**
     * Shows the page (200: it is a draft's GET page, docs/adr/0052), posting to {@code action}, with
     * "Change your answers" leading to {@code back} and the language link to {@code toggle} (or none).
     */
    void show(Context ctx, SubmissionOutcome.ChooseStatements choose, String action, String back, String toggle) {
        String language = choose.language();
        String formId = choose.form().id();
        String title = messages.get(language, "withdrawal.choose.title");
        String pageTitle = (choose.errors().isEmpty() ? "" : messages.get(language, "error.title-prefix") + " ") + title;
        String schoolName = Text.in(choose.manifest().schoolName(), language);
        Map<String, List<String>> typed = choose.typed();
        String pupils = String.join(", ", typed.getOrDefault(Withdrawals.PUPIL_NAMES, List.of()).stream()
                .filter(name -> !name.isBlank()).map(String::strip).toList());
        List<Hidden> hidden = new ArrayList<>();
        for (String name : CARRIED_OVER) {
            typed.getOrDefault(name, List.of()).forEach(value -> hidden.add(new Hidden(name, value)));
        }
        hidden.add(new Hidden(Withdrawals.STEP, "statements"));
        String id = InputIds.field(formId, Withdrawals.CHOSEN);
        List<String> ticked = typed.getOrDefault(Withdrawals.CHOSEN, List.of());
        List<Checkbox> boxes = new ArrayList<>();
        boxes.add(new Checkbox(id, Withdrawals.ALL, messages.get(language, "withdrawal.choose.all"), ticked.contains(Withdrawals.ALL)));
        for (Map.Entry<String, ConsentStatement> statement : choose.consentForm().statements().entrySet()) {
            if (!choose.withdrawable().contains(statement.getKey())) {
                continue;   // refused, or withdrawn already: there is nothing to withdraw (issue 25)
            }
            boxes.add(new Checkbox(InputIds.part(id, statement.getKey().replace('.', '-')), statement.getKey(),
                    Text.in(statement.getValue().text(), language), ticked.contains(statement.getKey())));
        }
        boolean wrong = !choose.errors().isEmpty();
        View view = new View(formId, InputIds.title(formId), title, List.of(
                SummaryRow.of(messages.get(language, "withdrawal.receipt.form"), Text.in(choose.consentForm().title(), language)),
                SummaryRow.of(messages.get(language, "withdrawal.receipt.child"), pupils)),
                choose.request() ? messages.get(language, "withdrawal.choose.request") : null, action,
                wrong ? new ErrorSummary(messages.get(language, "error.summary-title"), choose.errors().stream()
                        .map(error -> new ErrorSummary.Problem(error.message(), "#" + error.inputId())).toList()) : null,
                hidden, Withdrawals.CHOSEN, id, InputIds.hint(id), InputIds.error(id), messages.get(language, "withdrawal.choose.legend"),
                messages.get(language, choose.request() ? "withdrawal.choose.hint-request" : "withdrawal.choose.hint"),
                wrong ? String.join(" ", choose.errors().stream().map(FieldError::message).toList()) : null,
                messages.get(language, "error.hidden-prefix"), boxes, messages.get(language, "withdrawal.choose.submit"),
                new PageLayout.Link(back, messages.get(language, "withdrawal.choose.back")));
        Responses.html(ctx, 200, layout.render("withdrawal-statements", layout.frame(language, pageTitle,
                schoolName, "/" + choose.manifest().school() + "/" + language + "/", toggle), view));
    }

    /**
     * The view of {@code server/withdrawal-statements.ftl}: what the first page said, the carried
     * over fields, the statements to choose from, and what was wrong (summary and error, or null).
     */
    record View(String formId, String titleId, String title, List<SummaryRow> about, String request, String action,
                ErrorSummary summary, List<Hidden> hidden, String field, String id, String hintId, String errorId,
                String legend, String hint, String error,
                String hiddenPrefix, List<Checkbox> checkboxes, String submit, PageLayout.Link back) {
    }

    /** A field carried over from the first page. */
    record Hidden(String name, String value) {
    }

    /** One statement to withdraw, or "all of them". */
    record Checkbox(String id, String value, String label, boolean checked) {
    }
}
