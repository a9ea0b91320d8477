package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.polisi.forms.alerts.AlertStatus;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.consent.Withdrawals;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.AnsweredField;
import org.polisi.forms.manifest.Answers;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.contract.StaffRole;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.SubmissionRow;

/**
 * {@code GET /forms/<school>/received/<reference>?t=<token>}: the confirmation page. The reference
 * number, what happens next (the form's own words), for an urgent incident what to do now, and a
 * printable receipt of the answers; in the submission's language unless the toggle asks otherwise.
 */
final class ConfirmationHandler {

    private final ManifestCatalog manifests;
    private final SubmissionLedger ledger;
    private final ReceiptLinks receipts;
    private final ErrorPages errors;
    private final PageLayout layout;
    private final Messages messages;
    private final Answers answers;
    private final AgreedTextArchive agreedTexts;
    private final AlertStatus alertStatus;

    ConfirmationHandler(ManifestCatalog manifests, SubmissionLedger ledger, ReceiptLinks receipts, ErrorPages errors,
                        PageLayout layout, Messages messages, AgreedTextArchive agreedTexts, AlertStatus alertStatus) {
        this.agreedTexts = agreedTexts;
        this.alertStatus = alertStatus;
        this.manifests = manifests;
        this.ledger = ledger;
        this.receipts = receipts;
        this.errors = errors;
        this.layout = layout;
        this.messages = messages;
        this.answers = new Answers(messages);
    }

    void handle(Context ctx) {
        String school = ctx.pathParam("school");
        String reference = ctx.pathParam("reference");
        Optional<Manifest> manifest = manifests.school(school);
        if (manifest.isEmpty() || !receipts.valid(school, reference, ctx.queryParam("t"))) {
            errors.notFound(ctx);
            return;
        }
        Optional<SubmissionRow> record = ledger.find(school, reference).filter(row -> !row.erased());
        Optional<FormDefinition> form = record.flatMap(row -> manifest.get().form(row.formId()));
        String asked = ctx.queryParam("lang");
        String language = asked != null && manifest.get().publishes(asked) ? asked
                : record.map(SubmissionRow::lang).orElse(RequestLanguage.of(ctx));
        String toggle = manifest.get().languages().size() > 1 ? RequestLanguage.toggleHref(ctx, language) : null;

        String title = messages.get(language, "confirmation.title");
        String schoolName = Text.in(manifest.get().schoolName(), language);
        PageLayout.Page page = layout.page(language, title, schoolName, "/" + school + "/" + language + "/", toggle);
        Element main = page.main();
        Element panel = Html.add(main, "div", "confirmation-panel");
        Html.text(panel, "h1", title);
        Element referenceLine = Html.add(panel, "p");
        referenceLine.appendText(messages.get(language, "confirmation.reference") + " ");
        Html.text(referenceLine, "strong", reference).addClass("reference");

        if (record.isPresent() && record.get().urgent()) {
            urgentInstructions(main, language, school, reference, form);
        }
        if (record.isEmpty() || form.isEmpty()) {
            Html.paragraphs(main, messages.get(language, "confirmation.received"));
        } else {
            Html.text(main, "h2", messages.get(language, "confirmation.next"));
            String next = Text.in(form.get().confirmation(), language);
            Html.paragraphs(main, next.isBlank() ? messages.get(language, "confirmation.received") : next);
            receipt(main, language, manifest.get(), form.get(), record.get());
        }
        Responses.html(ctx, 200, page.html());
    }

    /**
     * What to do now, and the truth about who has been told: sent, queued, or (with no mail server)
     * nobody, in which case the reporter is told plainly to tell the named roles in person now.
     */
    private void urgentInstructions(Element main, String language, String school, String reference,
                                    Optional<FormDefinition> form) {
        List<AlertStatus.Alert> alerts = alertStatus.about(school, reference);
        List<String> roleKeys = alerts.stream().map(AlertStatus.Alert::recipientRole).distinct().toList();
        if (roleKeys.isEmpty()) {
            roleKeys = form.map(definition -> definition.alerts().urgent()).orElse(List.of());
        }
        String roles = String.join(", ", roleKeys.stream().map(role -> messages.get(language,
                "role." + StaffRole.fromFormWord(role).map(StaffRole::word).orElse(role))).toList());
        String truth;
        if (!alertStatus.deliveryConfigured() || alerts.isEmpty()) {
            truth = "urgent.alert.not-configured";
        } else if (alerts.stream().allMatch(AlertStatus.Alert::sent)) {
            truth = "urgent.alert.sent";
        } else {
            truth = "urgent.alert.queued";
        }
        Element box = Html.add(main, "div", "urgent-instructions").attr("role", "alert");
        Html.text(box, "h2", messages.get(language, "urgent.title"));
        Html.text(box, "p", messages.get(language, "urgent.intro"));
        Html.text(box, "p", messages.format(language, truth, Map.of("roles", roles))).addClass("alert-status")
                .attr("data-alert-status", truth.substring("urgent.alert.".length()));
        Element steps = Html.add(box, "ol");
        for (String step : List.of("urgent.step.danger", "urgent.step.do-not-investigate", "urgent.step.do-not-view",
                "urgent.step.preserve", "urgent.step.report")) {
            Html.text(steps, "li", messages.format(language, step, Map.of("roles", roles)));
        }
    }

    /** A withdrawal's receipt (its rows already name the child, the form and each consent withdrawn): applied, or pending. */
    private void withdrawalReceipt(Element section, String language, Map<String, Object> stored) {
        boolean request = String.valueOf(stored.getOrDefault(Withdrawals.REFERENCE, "")).isBlank();
        Html.text(section, "p", messages.get(language, request ? "withdrawal.receipt.pending" : "withdrawal.receipt.applied"))
                .addClass(request ? "withdrawal-pending" : "withdrawal-applied");
    }

    private void receipt(Element main, String language, Manifest manifest, FormDefinition form, SubmissionRow row) {
        Element section = Html.add(main, "section", "receipt").attr("aria-labelledby", "receipt-title");
        Html.text(section, "h2", messages.get(language, "confirmation.receipt")).attr("id", "receipt-title");
        Element details = Html.add(section, "dl", "summary-list");
        Html.summaryRow(details, messages.get(language, "confirmation.form"), Text.in(form.title(), language));
        Html.summaryRow(details, messages.get(language, "confirmation.school"), Text.in(manifest.schoolName(), language));
        Html.summaryRow(details, messages.get(language, "confirmation.received-at"), Dates.display(row.receivedAt(), language));
        if (form.kind() == FormKind.AGREEMENT || form.kind() == FormKind.CONSENT) {
            AgreedTextPage.summaryRow(details, messages.get(language, "confirmation.agreed-text"), agreedTexts, row,
                    messages, language);
        }
        Map<String, Object> stored = CanonicalJson.readFields(row.fieldsJson());
        for (AnsweredField field : answers.describe(form, stored, language, manifest)) {
            Html.summaryRow(details, field.label(), field.answer().isEmpty()
                    ? messages.get(language, "confirmation.not-answered") : field.answer());
        }
        if (form.kind() == FormKind.WITHDRAWAL) {
            withdrawalReceipt(section, language, stored);
        }
        String retention = Text.in(form.retentionText(), language);
        if (!retention.isBlank()) {
            Html.text(section, "p", messages.format(language, "confirmation.retention", Map.of("retention", retention)));
        }
        Html.text(section, "p", messages.get(language, "confirmation.print")).addClass("print-hint");
        String formPage = form.pages().get(language);
        if (formPage != null) {
            Html.link(Html.add(main, "p"), formPage, messages.get(language, "confirmation.back"));
        }
    }
}
