package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.Map;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.polisi.forms.consent.WithdrawalDecisionDao;
import org.polisi.forms.consent.WithdrawalRequests;
import org.polisi.forms.consent.Withdrawals;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.text.DisplayText;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.text.TypedText;

/**
 * On a withdrawal request's own page (one sent without a reference): its decision, or the consent
 * forms of the school that name the child, each with a "match" button, and a form to reject it with a
 * reason. {@code POST /staff/submissions/{reference}/match} and {@code .../reject} record the
 * decision through {@link WithdrawalRequests}; only staff who may read the withdrawal form decide.
 */
final class WithdrawalRequestSection {

    private static final int MAX_REASON = 1000;

    private final StaffRecords records;
    private final WithdrawalRequests requests;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final Clock clock;

    WithdrawalRequestSection(StaffRecords records, WithdrawalRequests requests, StaffFrame frame, ErrorPages errors,
                             Messages messages, Clock clock) {
        this.records = records;
        this.requests = requests;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
        this.clock = clock;
    }

    /** The section of a withdrawal's page; null for a withdrawal sent with a reference. */
    View view(StaffSession session, SubmissionRow row, Manifest manifest) {
        Optional<WithdrawalRequests.Request> request = requests.asRequest(row);
        if (request.isEmpty()) {
            return null;
        }
        String language = session.language();
        String title = messages.get(language, "staff.withdrawal.title");
        Optional<WithdrawalDecisionDao.Decision> decision = requests.decisionOf(row);
        if (decision.isPresent()) {
            WithdrawalDecisionDao.Decision made = decision.get();
            String when = Dates.display(made.decidedAt(), language);
            // the name and the reason were typed by staff: the name isolated in our sentence, the reason
            // shown as typed text (each line in its own <bdi>, controls visible; frames.ftl's typed macro)
            boolean matched = WithdrawalDecisionDao.Decision.MATCHED.equals(made.decision());
            String said = messages.format(language, matched ? "staff.withdrawal.matched" : "staff.withdrawal.rejected",
                    Map.of("name", DisplayText.isolated(made.decidedBy()), "date", when));
            String consent = made.consentReference();
            return new View(title, new Decided(said, matched ? null : made.reason(), consent == null ? null : new PageLayout.Link(
                    records.mayOpenRecord(session.user(), consent) ? "/staff/submissions/" + consent : "", consent)),
                    null, null, null, null);
        }
        List<SubmissionRow> candidates = requests.candidates(manifest, request.get());
        Table table = null;
        if (!candidates.isEmpty()) {
            Optional<FormDefinition> consentForm = manifest.form(request.get().consentFormId());
            table = new Table(Table.headings(messages, language, "csv.reference", "csv.received",
                    "staff.consents.pupil", "staff.withdrawal.details", "staff.withdrawal.decide"),
                    candidates.stream().map(candidate -> Table.Row.of(
                    records.mayOpenRecord(session.user(), candidate.reference())
                            ? Table.Cell.link("/staff/submissions/" + candidate.reference(), candidate.reference())
                            : Table.Cell.text(candidate.reference()),
                    Table.Cell.text(Dates.display(candidate.receivedAt(), language)),
                    Table.Cell.typed(consentForm.map(form -> String.join("\n", Withdrawals.pupilsOf(form, candidate)))
                            .orElse("")),   // typed by parents: one name a line, each isolated
                    Table.Cell.typed(consentForm.map(form -> details(form, candidate, language)).orElse("")),
                    Table.Cell.form(new Post("/staff/submissions/" + row.reference() + "/match", StaffAuth.CSRF_FIELD,
                            session.csrfToken(), List.of(new Post.Hidden("consent", candidate.reference())),
                            messages.format(language, "staff.withdrawal.match", Map.of("reference", candidate.reference())),
                            "button")))).toList());
        }
        return new View(title, null, messages.get(language, "staff.withdrawal.pending"),
                candidates.isEmpty() ? messages.get(language, "staff.withdrawal.no-candidates") : null, table,
                new Reject("/staff/submissions/" + row.reference() + "/reject", StaffAuth.CSRF_FIELD, session.csrfToken(),
                        messages.get(language, "staff.withdrawal.reason"), MAX_REASON,
                        messages.get(language, "staff.withdrawal.reject")));
    }

    /**
     * What a candidate record says that tells two children of one name apart (year group, class, date
     * of birth, the parent's name: {@link Withdrawals#tellingApart}), one "question: answer" a line, so
     * that staff match a request to the right one of two records naming "Rhys Jones" (ADR 0102).
     */
    private String details(FormDefinition form, SubmissionRow candidate, String language) {
        List<String> wanted = Withdrawals.tellingApart(form);
        return String.join("\n", new org.polisi.forms.manifest.Answers(messages).describe(form,
                        org.polisi.forms.storage.CanonicalJson.readFields(candidate.fieldsJson()), language).stream()
                .filter(field -> wanted.contains(field.key()) && !field.answer().isEmpty())
                .map(field -> field.label() + ": " + field.answer()).toList());
    }

    /**
     * The section in {@code server/record.ftl}: its decision ({@code decided}; then nothing else), or
     * that it waits ({@code pending}), its candidates ({@code candidates}, or {@code noCandidates}
     * when there are none) and the form to reject it.
     */
    record View(String title, Decided decided, String pending, String noCandidates, Table candidates, Reject reject) {
    }

    /**
     * The decision made, a rejection's reason as typed (or null), and the consent form it was matched
     * to (or null): its {@code href} is empty when the member of staff may not open that form's
     * records, then only its reference is shown.
     */
    record Decided(String text, String reason, PageLayout.Link consent) {
    }

    /** The form to reject the request with a reason. */
    record Reject(String action, String csrfField, String csrfToken, String label, int maxLength, String button) {
    }

    void match(Context ctx, StaffSession session, boolean tokenValid) {
        decide(ctx, session, tokenValid, manifest -> requests.match(session.user(), manifest,
                ctx.pathParam("reference"), ctx.formParam("consent"), clock.instant()));
    }

    void reject(Context ctx, StaffSession session, boolean tokenValid) {
        String typed = Optional.ofNullable(ctx.formParam("reason")).orElse("");
        String reason = TypedText.normalise(typed);
        if (tokenValid && (!TypedText.hasVisibleCharacter(reason) || reason.length() > MAX_REASON)) {
            String language = session.language();
            String reference = ctx.pathParam("reference");
            // shown again exactly as typed, to correct and send (nothing typed is lost)
            frame.refused(ctx, session, "staff.withdrawal.title", "error.withdrawal.reason-required",
                    "/staff/submissions/" + reference + "#withdrawal-request", new StaffFrame.Retry(
                            "/staff/submissions/" + reference + "/reject", StaffAuth.CSRF_FIELD, session.csrfToken(),
                            List.of(), "reason", messages.get(language, "staff.withdrawal.reason"), typed, MAX_REASON,
                            messages.get(language, "staff.withdrawal.reject")));
            return;
        }
        decide(ctx, session, tokenValid, manifest -> requests.reject(session.user(), ctx.pathParam("reference"),
                reason, clock.instant()));
    }

    private void decide(Context ctx, StaffSession session, boolean tokenValid,
                        java.util.function.Function<Manifest, WithdrawalRequests.Outcome> decision) {
        if (!tokenValid) {
            errors.forbidden(ctx);
            return;
        }
        String reference = ctx.pathParam("reference");
        StaffRecords.Opened opened = records.open(session.user(), reference);
        Optional<Manifest> manifest = records.manifestOf(session.user());
        if (!(opened instanceof StaffRecords.Opened.Found found) || manifest.isEmpty()
                || found.form().kind() != FormKind.WITHDRAWAL) {
            errors.notFound(ctx);
            return;
        }
        switch (decision.apply(manifest.get())) {
            case DONE -> Responses.seeOther(ctx, "/staff/submissions/" + reference + "#withdrawal-request");
            case ALREADY_DECIDED -> problem(ctx, session, "error.withdrawal.decided");
            case NOT_A_CANDIDATE -> problem(ctx, session, "error.withdrawal.not-candidate");
            case NOT_A_REQUEST -> errors.notFound(ctx);
        }
    }

    private void problem(Context ctx, StaffSession session, String key) {
        frame.refused(ctx, session, "staff.withdrawal.title", key,
                "/staff/submissions/" + ctx.pathParam("reference") + "#withdrawal-request");
    }
}
