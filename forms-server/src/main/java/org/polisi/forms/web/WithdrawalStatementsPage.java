package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.polisi.forms.consent.Withdrawals;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.FieldError;
import org.polisi.forms.intake.SubmissionOutcome;
import org.polisi.forms.intake.SubmissionRequest;
import org.polisi.forms.manifest.ConsentStatement;
import org.polisi.forms.manifest.Text;

/**
 * A withdrawal's second page (issue 14): the statements of the consent form the parent chose, as
 * checkboxes in their language, with "all of them" first. Everything the first page sent travels in
 * hidden fields, so the flow needs no script and no session; the server checks it all again when the
 * second page is sent. Errors follow the GOV.UK pattern, as on the baked pages.
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

    void show(Context ctx, SubmissionOutcome.ChooseStatements choose) {
        String language = choose.language();
        String formId = choose.form().id();
        String title = messages.get(language, "withdrawal.choose.title");
        String pageTitle = (choose.errors().isEmpty() ? "" : messages.get(language, "error.title-prefix") + " ") + title;
        String schoolName = Text.in(choose.manifest().schoolName(), language);
        PageLayout.Page page = layout.page(language, pageTitle, schoolName,
                "/" + choose.manifest().school() + "/" + language + "/", null);
        Element section = Html.add(page.main(), "section", "polisi-form").attr("aria-labelledby", formId + "--title");
        Html.text(section, "h1", title).attr("id", formId + "--title");
        Map<String, List<String>> typed = choose.typed();
        String pupils = String.join(", ", typed.getOrDefault(Withdrawals.PUPIL_NAMES, List.of()).stream()
                .filter(name -> !name.isBlank()).map(String::strip).toList());
        Element about = Html.add(section, "dl", "summary-list");
        Html.summaryRow(about, messages.get(language, "withdrawal.receipt.form"),
                Text.in(choose.consentForm().title(), language));
        Html.summaryRow(about, messages.get(language, "withdrawal.receipt.child"), pupils);
        if (choose.request()) {
            Html.text(section, "p", messages.get(language, "withdrawal.choose.request"));
        }
        Element form = Html.add(section, "form").attr("method", "post").attr("novalidate", "")
                .attr("accept-charset", "UTF-8").attr("action", ctx.path()).attr("data-form-id", formId);
        if (!choose.errors().isEmpty()) {
            summary(form, language, choose.errors());
        }
        for (String name : CARRIED_OVER) {
            for (String value : typed.getOrDefault(name, List.of())) {
                Html.hidden(form, name, value);
            }
        }
        Html.hidden(form, Withdrawals.STEP, "statements");
        statements(form, language, choose);
        Html.text(form, "button", messages.get(language, "withdrawal.choose.submit")).addClass("button")
                .attr("type", "submit");
        String firstPage = choose.form().pages().get(language);
        if (firstPage != null) {
            Html.link(Html.add(section, "p"), firstPage, messages.get(language, "withdrawal.choose.back"));
        }
        Responses.html(ctx, choose.errors().isEmpty() ? 200 : 422, page.html());
    }

    private void statements(Element form, String language, SubmissionOutcome.ChooseStatements choose) {
        String id = choose.form().id() + "--" + Withdrawals.CHOSEN;
        Element group = Html.add(form, "div", "form-group").attr("data-field", Withdrawals.CHOSEN);
        Element fieldset = Html.add(group, "fieldset", "fieldset").attr("aria-describedby", id + "--hint");
        Html.text(fieldset, "legend", messages.get(language, "withdrawal.choose.legend")).addClass("legend");
        Html.text(fieldset, "div", messages.get(language, "withdrawal.choose.hint")).addClass("hint")
                .attr("id", id + "--hint");
        if (!choose.errors().isEmpty()) {
            group.addClass("form-group--error");
            fieldset.attr("aria-describedby", id + "--hint " + id + "--error");
            Element message = Html.add(fieldset, "p", "error-message").attr("id", id + "--error");
            Html.text(message, "span", messages.get(language, "error.hidden-prefix")).addClass("visually-hidden");
            message.appendText(" " + choose.errors().get(0).message());
        }
        Element items = Html.add(fieldset, "div", "checkboxes");
        List<String> ticked = choose.typed().getOrDefault(Withdrawals.CHOSEN, List.of());
        checkbox(items, id, Withdrawals.ALL, messages.get(language, "withdrawal.choose.all"), ticked);
        for (Map.Entry<String, ConsentStatement> statement : choose.consentForm().statements().entrySet()) {
            checkbox(items, id + "--" + statement.getKey().replace('.', '-'), statement.getKey(),
                    Text.in(statement.getValue().text(), language), ticked);
        }
    }

    private static void checkbox(Element items, String id, String value, String label, List<String> ticked) {
        Element item = Html.add(items, "div", "checkboxes__item");
        Element input = Html.add(item, "input", "checkboxes__input").attr("id", id).attr("type", "checkbox")
                .attr("name", Withdrawals.CHOSEN).attr("value", value);
        if (ticked.contains(value)) {
            input.attr("checked", "");
        }
        Html.text(item, "label", label).addClass("label checkboxes__label").attr("for", id);
    }

    private void summary(Element form, String language, List<FieldError> errors) {
        form.appendChild(layout.errorSummary(new ErrorSummary(messages.get(language, "error.summary-title"),
                errors.stream().map(error -> new ErrorSummary.Problem(error.message(), "#" + error.inputId())).toList())));
    }
}
