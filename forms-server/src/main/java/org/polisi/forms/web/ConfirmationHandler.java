package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.polisi.forms.intake.BodyLimits;
import org.polisi.forms.intake.PostedBody;
import org.polisi.forms.receipts.ChangeLink;
import org.polisi.forms.receipts.ReceiptCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /forms/<school>/received/<reference>?t=<token>}: the confirmation page. The reference
 * number, what happens next (the form's own words), for an urgent incident what to do now, and a
 * printable receipt of the answers; in the submission's language unless the toggle asks otherwise.
 * Where a mail server is set, the receipt of a consent, agreement, objection or withdrawal also
 * offers a copy by e-mail ({@link ReceiptCopies}, docs/adr/0060).
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
    private final ReceiptCopies copies;
    private final BodyLimits limits;

    /** The id of the copy-by-e-mail section; its input is {@code <id>-email}. */
    static final String COPY_ID = "receipt-copy";
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationHandler.class);

    /** The steps of an urgent report's instructions: the same words as a refused incident post's. */
    private final UrgentGuidance guidance;

    ConfirmationHandler(ManifestCatalog manifests, SubmissionLedger ledger, ReceiptLinks receipts, ErrorPages errors,
                        PageLayout layout, Messages messages, AgreedTextArchive agreedTexts, AlertStatus alertStatus,
                        ReceiptCopies copies, BodyLimits limits) {
        this.copies = copies;
        this.limits = limits;
        this.guidance = new UrgentGuidance(messages, manifests);
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
        show(ctx, 200, null, "");
    }

    /**
     * {@code POST /forms/<school>/received/<reference>?t=<token>}: a copy of the receipt by e-mail
     * (docs/adr/0060), to the address in {@code email}, in the language {@code lang}. Queued in the
     * outbox, then 303 to the receipt, which says whether it is waiting or sent; an address that is
     * not one, or a fourth copy, shows the receipt again with the GOV.UK error (422) and what was typed.
     * 404 where no copy is offered (no mail server, an incident report) or the link is not valid.
     */
    void email(Context ctx) {
        String school = ctx.pathParam("school");
        String reference = ctx.pathParam("reference");
        Optional<Manifest> manifest = manifests.school(school);
        Optional<SubmissionRow> record = manifest.isEmpty() || !receipts.valid(school, reference, ctx.queryParam("t"))
                ? Optional.empty() : ledger.find(school, reference).filter(row -> !row.erased());
        Optional<FormDefinition> form = record.flatMap(row -> manifest.get().form(row.formId()));
        Optional<byte[]> body = SubmissionHandler.readBody(ctx, limits.forPath(ctx.path()));
        if (form.isEmpty() || !copies.offered(form.get()) || body.isEmpty()) {
            LOG.info("Refused a receipt copy: no valid receipt link, or no copy offered for it");
            errors.notFound(ctx);
            return;
        }
        PostedBody posted = PostedBody.urlEncoded(body.get(), ctx.header("Content-Type"));
        String language = first(posted, "lang");
        language = manifest.get().publishes(language) ? language : record.get().lang();
        String typed = first(posted, "email");
        Optional<String> address = posted.unreadable().isEmpty() ? ReceiptCopies.address(typed) : Optional.empty();
        if (address.isEmpty()) {
            LOG.info("Refused a receipt copy of {}: not an e-mail address", reference);
            show(ctx, 422, messages.get(language, "error.email.invalid"), typed, language);
            return;
        }
        if (copies.ask(school, form.get(), reference, address.get(), language) == ReceiptCopies.Asked.TOO_MANY) {
            LOG.info("Refused a receipt copy of {}: {} already asked for", reference, ReceiptCopies.MOST_PER_RECORD);
            show(ctx, 422, messages.format(language, "receipt.copy.too-many",
                    Map.of("most", ReceiptCopies.MOST_PER_RECORD)), typed, language);
            return;
        }
        LOG.info("A copy of receipt {} was queued to be e-mailed", reference);
        Responses.seeOther(ctx, "/forms/" + school + "/received/" + reference + "?t="
                + java.net.URLEncoder.encode(ctx.queryParam("t"), java.nio.charset.StandardCharsets.UTF_8)
                + "&lang=" + language + "#" + COPY_ID);
    }

    private static String first(PostedBody posted, String name) {
        List<String> values = posted.parameters().getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    private void show(Context ctx, int status, String copyError, String typedAddress) {
        show(ctx, status, copyError, typedAddress, null);
    }

    /**
     * The receipt page, with {@code status}; {@code copyError} (or null) and {@code typedAddress} are
     * the e-mail copy's; {@code language} overrides the page's (a refused copy is shown in the
     * language it was asked in), or null.
     */
    private void show(Context ctx, int status, String copyError, String typedAddress, String language) {
        String school = ctx.pathParam("school");
        String reference = ctx.pathParam("reference");
        Optional<Manifest> manifest = manifests.school(school);
        if (manifest.isEmpty()) {
            errors.notFound(ctx);
            return;
        }
        if (!receipts.valid(school, reference, ctx.queryParam("t"))) {
            if (receipts.issued(school, reference, ctx.queryParam("t"))) {
                expired(ctx, manifest.get(), reference);
            } else {
                errors.notFound(ctx);
            }
            return;
        }
        Optional<SubmissionRow> record = ledger.find(school, reference).filter(row -> !row.erased());
        Optional<FormDefinition> form = record.flatMap(row -> manifest.get().form(row.formId()));
        if (language == null) {
            String asked = ctx.queryParam("lang");
            language = asked != null && manifest.get().publishes(asked) ? asked
                    : record.map(SubmissionRow::lang).orElse(RequestLanguage.of(ctx));
        }
        String toggle = manifest.get().languages().size() > 1 ? RequestLanguage.toggleHref(ctx, language) : null;

        String title = (copyError == null ? "" : messages.get(language, "error.title-prefix") + " ")
                + messages.get(language, "confirmation.title");
        String schoolName = Text.in(manifest.get().schoolName(), language);
        PageFrame frame = layout.frame(language, title, schoolName, "/" + school + "/" + language + "/", toggle);
        Urgent urgent = record.isPresent() && record.get().urgent()
                ? urgentInstructions(language, school, reference, form) : null;
        View view;
        if (record.isEmpty() || form.isEmpty()) {
            view = new View(title, messages.get(language, "confirmation.reference"), reference, urgent, "",
                    PageLayout.paragraphs(messages.get(language, "confirmation.received")), null, null, null, null);
        } else {
            String next = Text.in(form.get().confirmation(), language);
            view = new View(title, messages.get(language, "confirmation.reference"), reference, urgent,
                    messages.get(language, "confirmation.next"),
                    PageLayout.paragraphs(next.isBlank() ? messages.get(language, "confirmation.received") : next),
                    receipt(language, manifest.get(), form.get(), record.get()),
                    changeLink(manifest.get(), form.get(), reference, language).orElse(null),
                    changeNote(manifest.get(), form.get(), reference, language),
                    copies.offered(form.get()) ? copy(ctx, language, school, reference, copyError, typedAddress) : null);
        }
        Responses.html(ctx, status, layout.render("confirmation", frame, view));
    }

    /** The offer of a copy by e-mail, what became of those asked for, and the error of one refused (or null). */
    private Copy copy(Context ctx, String language, String school, String reference, String error, String typed) {
        List<String> said = copies.copies(school, reference).stream().map(state -> messages.get(language,
                "receipt.copy." + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))).toList();
        String action = "/forms/" + school + "/received/" + reference + "?t="
                + java.net.URLEncoder.encode(ctx.queryParam("t"), java.nio.charset.StandardCharsets.UTF_8)
                + "&lang=" + language;   // a refusal of the copy is in the receipt's language too
        return new Copy(COPY_ID, messages.get(language, "receipt.copy.title"), said, action, language,
                messages.get(language, "receipt.copy.label"), messages.format(language, "receipt.copy.hint",
                Map.of("days", ReceiptCopies.GIVE_UP_AFTER.toDays())), typed == null ? "" : typed, error,
                error == null ? null : new ErrorSummary(messages.get(language, "error.summary-title"),
                        List.of(new ErrorSummary.Problem(error, "#" + COPY_ID + "-email"))),
                messages.get(language, "error.hidden-prefix"), messages.get(language, "receipt.copy.button"));
    }

    /**
     * A receipt whose link has expired: which form the reference is and when it arrived (in the
     * record's language unless the toggle asks otherwise), never the answers; for a consent form,
     * the way to withdraw or change it. An erased record says only that the school received it.
     */
    private void expired(Context ctx, Manifest manifest, String reference) {
        Optional<SubmissionRow> record = ledger.find(manifest.school(), reference);
        Optional<FormDefinition> form = record.flatMap(row -> manifest.form(row.formId()));
        String asked = ctx.queryParam("lang");
        String language = asked != null && manifest.publishes(asked) ? asked
                : record.map(SubmissionRow::lang).orElse(RequestLanguage.of(ctx));
        String title = messages.get(language, "confirmation.expired.title");
        PageFrame frame = layout.frame(language, title, Text.in(manifest.schoolName(), language),
                "/" + manifest.school() + "/" + language + "/",
                manifest.languages().size() > 1 ? RequestLanguage.toggleHref(ctx, language) : null);
        List<String> said = new ArrayList<>();
        if (record.isPresent() && form.isPresent()) {
            said.add(messages.format(language, "confirmation.expired.which", Map.of(
                    "form", Text.in(form.get().title(), language),
                    "date", Dates.display(record.get().receivedAt(), language))));
        }
        said.add(messages.get(language, "confirmation.expired.no-answers"));
        Responses.html(ctx, 200, layout.render("confirmation", frame, new View(title,
                messages.get(language, "confirmation.reference"), reference, null, "", said, null,
                form.flatMap(definition -> changeLink(manifest, definition, reference, language)).orElse(null),
                form.map(definition -> changeNote(manifest, definition, reference, language)).orElse(null), null)));
    }

    /** How the person changes what they sent ({@link ChangeLink}), as a link on this page. */
    private Optional<PageLayout.Link> changeLink(Manifest manifest, FormDefinition form, String reference,
                                                 String language) {
        return ChangeLink.of(manifest, form, reference, language)
                .map(change -> new PageLayout.Link(change.path(), messages.get(language, change.messageKey())));
    }

    /** How the person changes an answer, when the link does not say it ({@link ChangeLink#noteKey}); null otherwise. */
    private String changeNote(Manifest manifest, FormDefinition form, String reference, String language) {
        return ChangeLink.of(manifest, form, reference, language).flatMap(ChangeLink::noteKey)
                .map(key -> messages.get(language, key)).orElse(null);
    }

    /**
     * The view of {@code server/confirmation.ftl}.
     *
     * @param urgent    what to do now, for an urgent incident; null otherwise
     * @param nextTitle "What happens next", or empty when the record or its form is gone
     * @param receipt   the receipt of the answers, or null when the record or its form is gone
     * @param withdraw  "withdraw this consent", for a consent form; for a notice of objection, its form
     *                  again; null otherwise
     * @param changeNote how to change a consent's answers (send the form again), beside the link; null otherwise
     * @param copy      the offer of a copy by e-mail, where one is offered; null otherwise
     */
    record View(String title, String referenceLabel, String reference, Urgent urgent, String nextTitle,
                List<String> next, Receipt receipt, PageLayout.Link withdraw, String changeNote, Copy copy) {
    }

    /**
     * A copy by e-mail: the id of its section, what became of those asked for ({@code said}), the
     * form's address and fields, and a refused address's error (or null) and summary.
     */
    record Copy(String id, String title, List<String> said, String action, String language, String label, String hint,
                String value, String error, ErrorSummary summary, String hiddenPrefix, String button) {
    }

    /**
     * An urgent report's instructions; {@code status} is sent, queued or not-configured; {@code steps}
     * the school's own, or none and {@code procedure} the link to its policy (else null).
     */
    record Urgent(String title, String intro, String status, String truth, List<String> steps,
                  PageLayout.Link procedure) {
    }

    /** The receipt: its rows, a withdrawal's state (or null), the retention sentence (or empty), and the way back (or null). */
    record Receipt(String title, List<SummaryRow> rows, Withdrawal withdrawal, String retention, String printHint,
                   PageLayout.Link back) {
    }

    /** Whether a withdrawal was applied or waits for the school to match it; {@code state} is its CSS class. */
    record Withdrawal(String state, String text) {
    }

    /**
     * What to do now, and the truth about who has been told: sent, queued, or (with no mail server)
     * nobody, in which case the reporter is told plainly to tell the named roles in person now.
     */
    private Urgent urgentInstructions(String language, String school, String reference, Optional<FormDefinition> form) {
        List<AlertStatus.Reach> alerts = alertStatus.reach(school, reference);
        List<String> asked = alerts.stream().map(reach -> reach.alert().recipientRole()).distinct().toList();
        if (asked.isEmpty()) {
            asked = form.map(definition -> definition.alerts().urgent()).orElse(List.of());
        }
        // who the e-mails really go to (the headteacher in place of a role nobody active holds), and
        // the roles nobody active holds, whom the reporter must tell in person (tester 3's fault 3)
        List<String> reached = alerts.stream().flatMap(reach -> reach.to().deliveredRole().stream()).distinct().toList();
        List<String> unheld = alerts.stream().filter(reach -> reach.to().roleUnheld())
                .map(reach -> reach.alert().recipientRole()).distinct().toList();
        String truth;
        if (!alertStatus.deliveryConfigured() || alerts.isEmpty()) {
            truth = "urgent.alert.not-configured";
        } else if (reached.isEmpty()) {
            truth = "urgent.alert.nobody";
        } else if (alerts.stream().allMatch(reach -> reach.alert().sent())) {
            truth = "urgent.alert.sent";
        } else {
            truth = "urgent.alert.queued";
        }
        Optional<org.polisi.contract.Manifest> titles = manifests.school(school);   // the school's names for its roles
        String said = messages.format(language, truth, Map.of("roles",
                guidance.roles(titles, truth.equals("urgent.alert.sent") || truth.equals("urgent.alert.queued") ? reached : asked,
                        language)));
        if (!unheld.isEmpty() && !truth.equals("urgent.alert.not-configured") && !truth.equals("urgent.alert.nobody")) {
            said += " " + messages.format(language, "urgent.alert.unheld", Map.of("roles",
                    guidance.roles(titles, unheld, language)));
        }
        return new Urgent(messages.get(language, "urgent.title"), messages.get(language, "urgent.intro"),
                truth.substring("urgent.alert.".length()), said,
                form.map(definition -> guidance.steps(definition, language)).orElse(List.of()),
                form.map(definition -> guidance.procedure(definition, language)).orElse(null));
    }

    /** A withdrawal's receipt (its rows already name the child, the form and each consent withdrawn): applied, or pending. */
    private Withdrawal withdrawalReceipt(String language, Map<String, Object> stored) {
        boolean request = String.valueOf(stored.getOrDefault(Withdrawals.REFERENCE, "")).isBlank();
        return new Withdrawal(request ? "withdrawal-pending" : "withdrawal-applied",
                messages.get(language, request ? "withdrawal.receipt.pending" : "withdrawal.receipt.applied"));
    }

    private Receipt receipt(String language, Manifest manifest, FormDefinition form, SubmissionRow row) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(SummaryRow.of(messages.get(language, "confirmation.form"), Text.in(form.title(), language)));
        rows.add(SummaryRow.of(messages.get(language, "confirmation.school"), Text.in(manifest.schoolName(), language)));
        rows.add(SummaryRow.of(messages.get(language, "confirmation.received-at"), Dates.display(row.receivedAt(), language)));
        if (form.kind() == FormKind.AGREEMENT || form.kind() == FormKind.CONSENT) {
            rows.add(AgreedTextPage.summaryRow(messages.get(language, "confirmation.agreed-text"), agreedTexts, row, form,
                    messages, language, AgreedTextPage.Reader.SENDER));
        }
        Map<String, Object> stored = CanonicalJson.readFields(row.fieldsJson());
        for (AnsweredField field : answers.describe(form, stored, language, manifest)) {
            rows.add(SummaryRow.of(field.label(), field.answer().isEmpty()
                    ? messages.get(language, "confirmation.not-answered") : field.answer()));
        }
        String retention = Text.in(form.retentionText(), language);
        String formPage = form.pages().get(language);
        return new Receipt(messages.get(language, "confirmation.receipt"), rows,
                form.kind() == FormKind.WITHDRAWAL ? withdrawalReceipt(language, stored) : null,
                retention.isBlank() ? "" : messages.format(language, "confirmation.retention", Map.of("retention", retention)),
                messages.get(language, "confirmation.print"),
                formPage == null ? null : new PageLayout.Link(formPage, messages.get(language, "confirmation.back")));
    }
}
