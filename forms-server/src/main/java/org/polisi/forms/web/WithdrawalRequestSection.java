package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.Map;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.polisi.forms.consent.WithdrawalDecisionDao;
import org.polisi.forms.consent.WithdrawalRequests;
import org.polisi.forms.consent.Withdrawals;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
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

    /** Adds the section to a withdrawal's page; nothing for a withdrawal sent with a reference. */
    void appendTo(Element main, StaffSession session, SubmissionRow row, Manifest manifest) {
        Optional<WithdrawalRequests.Request> request = requests.asRequest(row);
        if (request.isEmpty()) {
            return;
        }
        String language = session.language();
        Html.text(main, "h2", messages.get(language, "staff.withdrawal.title")).attr("id", "withdrawal-request");
        Optional<WithdrawalDecisionDao.Decision> decision = requests.decisionOf(row);
        if (decision.isPresent()) {
            WithdrawalDecisionDao.Decision made = decision.get();
            String when = Dates.display(made.decidedAt(), language);
            Element said = WithdrawalDecisionDao.Decision.MATCHED.equals(made.decision())
                    ? Html.text(main, "p", messages.format(language, "staff.withdrawal.matched",
                            Map.of("name", made.decidedBy(), "date", when)))
                    : Html.text(main, "p", messages.format(language, "staff.withdrawal.rejected",
                            Map.of("name", made.decidedBy(), "date", when, "reason", made.reason())));
            said.addClass("withdrawal-decision");
            if (made.consentReference() != null) {
                Html.link(Html.add(main, "p"), "/staff/submissions/" + made.consentReference(), made.consentReference());
            }
            return;
        }
        Html.text(main, "p", messages.get(language, "staff.withdrawal.pending")).addClass("withdrawal-pending");
        List<SubmissionRow> candidates = requests.candidates(manifest, request.get());
        if (candidates.isEmpty()) {
            Html.text(main, "p", messages.get(language, "staff.withdrawal.no-candidates"));
        } else {
            Element body = Html.table(main, messages, language, "csv.reference", "csv.received",
                    "staff.consents.pupil", "staff.withdrawal.decide");
            Optional<FormDefinition> consentForm = manifest.form(request.get().consentFormId());
            for (SubmissionRow candidate : candidates) {
                Element tr = Html.add(body, "tr");
                Html.link(Html.add(tr, "td"), "/staff/submissions/" + candidate.reference(), candidate.reference());
                Html.text(tr, "td", Dates.display(candidate.receivedAt(), language));
                Html.text(tr, "td", consentForm.map(form -> String.join(", ", Withdrawals.pupilsOf(form, candidate)))
                        .orElse(""));
                Element match = post(Html.add(tr, "td"), session, row.reference() + "/match");
                Html.hidden(match, "consent", candidate.reference());
                Html.text(match, "button", messages.format(language, "staff.withdrawal.match",
                        Map.of("reference", candidate.reference())))
                        .addClass("button").attr("type", "submit");
            }
        }
        Element reject = post(main, session, row.reference() + "/reject");
        Element group = Html.add(reject, "div", "form-group");
        Html.text(group, "label", messages.get(language, "staff.withdrawal.reason")).addClass("label")
                .attr("for", "withdrawal--reason");
        Html.add(group, "textarea", "textarea").attr("id", "withdrawal--reason").attr("name", "reason")
                .attr("rows", "3").attr("maxlength", String.valueOf(MAX_REASON));
        Html.text(reject, "button", messages.get(language, "staff.withdrawal.reject"))
                .addClass("button button--secondary").attr("type", "submit");
    }

    void match(Context ctx, StaffSession session, boolean tokenValid) {
        decide(ctx, session, tokenValid, manifest -> requests.match(session.user(), manifest,
                ctx.pathParam("reference"), ctx.formParam("consent"), clock.instant()));
    }

    void reject(Context ctx, StaffSession session, boolean tokenValid) {
        String reason = TypedText.normalise(Optional.ofNullable(ctx.formParam("reason")).orElse(""));
        if (tokenValid && (!TypedText.hasVisibleCharacter(reason) || reason.length() > MAX_REASON)) {
            problem(ctx, session, "error.withdrawal.reason-required");
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

    private static Element post(Element parent, StaffSession session, String action) {
        Element form = Html.add(parent, "form").attr("method", "post").attr("action", "/staff/submissions/" + action);
        Html.hidden(form, StaffAuth.CSRF_FIELD, session.csrfToken());
        return form;
    }

}
