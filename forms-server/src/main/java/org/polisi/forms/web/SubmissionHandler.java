package org.polisi.forms.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.polisi.forms.consent.Withdrawals;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.BodyLimits;
import org.polisi.forms.intake.FieldError;
import org.polisi.forms.intake.FormDrafts;
import org.polisi.forms.intake.PostedBody;
import org.polisi.forms.intake.SubmissionOutcome;
import org.polisi.forms.intake.SubmissionRequest;
import org.polisi.forms.intake.SubmissionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /forms/<school>/<form-id>}: turns the request (an HTML form post or JSON from a
 * script) into a {@link SubmissionRequest}, and the outcome into a response: 303 to the
 * confirmation; for a form post whose answers are not recorded yet (errors to correct, "add
 * another", answers to check, or a withdrawal's statements to choose), 303 to a page of its draft ({@link FormDraftPages}, post/redirect/get,
 * docs/adr/0052); the page again in place with 400 when part of the body was not valid in its
 * charset; or JSON. {@code ?draft=<token>} (the action of a draft's form) keeps the same draft.
 *
 * <p>The per-client submission limit ({@code rate-limit.submissions}; per draft for a draft's posts,
 * docs/adr/0060) is for what fills the ledger
 * or comes from a robot: a submission accepted (or answered as a resubmission of one), a filled
 * honeypot, a post to a form that does not exist, a body that is not a form post or a JSON object. A
 * form to correct, the "add another" box, answers on their way to the check page, the withdrawal's
 * second page and a preview's refusal record nothing and are handed back, so a parent correcting or
 * checking a form is never locked out (a consent counts once, at "Send"); what bounds a client that
 * only sends invalid forms is the per-client limit on requests at once ({@code http.requests-per-client}).
 */
final class SubmissionHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionHandler.class);

    private final SubmissionService submissions;
    private final FormPageFiller filler;
    private final ReceiptLinks receipts;
    private final ErrorPages errors;
    private final Messages messages;
    private final BodyLimits limits;
    private final FormDrafts drafts;
    /** The per-client limits: a post's attempt handed back, drafts counted, a post over the limit refused. */
    private final RequestGuards guards;
    private final BakedFormPages baked;
    private final FormErrorsPage errorsWithoutPage;

    SubmissionHandler(SubmissionService submissions, BakedFormPages baked, FormPageFiller filler, ReceiptLinks receipts,
                      ErrorPages errors, PageLayout layout, Messages messages, BodyLimits limits, FormDrafts drafts,
                      RequestGuards guards) {
        this.guards = guards;
        this.limits = limits;
        this.drafts = drafts;
        this.baked = baked;
        this.errorsWithoutPage = new FormErrorsPage(layout);
        this.submissions = submissions;
        this.filler = filler;
        this.receipts = receipts;
        this.errors = errors;
        this.messages = messages;
    }

    void handle(Context ctx) {
        boolean json = ctx.isJson();
        // Log lines here name no path segment and no answer: both are typed by whoever sent the request.
        if (!json && !ctx.isFormUrlencoded()) {
            LOG.info("Refused a submission: neither a form post nor JSON");
            errors.badRequest(ctx);
            return;
        }
        Optional<byte[]> body = body(ctx);
        if (body.isEmpty()) {
            LOG.warn("Refused a submission: body over the largest valid submission of the school's forms");
            errors.tooLarge(ctx);
            return;
        }
        PostedBody posted;
        if (json) {
            Optional<PostedBody> parsed = PostedBody.json(body.get(), ctx.header("Content-Type"));
            if (parsed.isEmpty()) {
                LOG.info("Refused a submission: the JSON is not a flat object");
                jsonErrors(ctx, 400, Map.of(FieldError.WHOLE_FORM,
                        messages.get(Messages.ENGLISH, "error.json.malformed")));
                return;
            }
            posted = parsed.get();
        } else {
            posted = PostedBody.urlEncoded(body.get(), ctx.header("Content-Type"));
        }
        Map<String, List<String>> parameters = posted.parameters();
        List<String> formLanguage = parameters.getOrDefault(SubmissionRequest.FORM_LANG, List.of());
        if (!formLanguage.isEmpty()) {   // every page answering this post is in the form's language
            RequestLanguage.fromForm(ctx, formLanguage.get(0));
        }
        if (json) {   // a script records at once: the check-your-answers step is a page for people
            parameters = new LinkedHashMap<>(parameters);
            parameters.remove(SubmissionRequest.CHECK_ANSWERS);
        }
        SubmissionRequest request = new SubmissionRequest(ctx.pathParam("school"), ctx.pathParam("form"), parameters,
                posted.unreadable());
        if (guards.overLimit(ctx).isPresent() && wouldRecord(request)) {
            guards.refuseOverLimit(ctx, parameters);
            return;
        }
        SubmissionOutcome outcome = submissions.submit(request);
        if (outcome instanceof SubmissionOutcome.Rejected || outcome instanceof SubmissionOutcome.AddAnother
                || outcome instanceof SubmissionOutcome.ChooseStatements || outcome instanceof SubmissionOutcome.Preview
                || outcome instanceof SubmissionOutcome.ReadyToSend) {
            guards.notCountedAsSubmission(ctx);   // nothing recorded: a parent correcting or checking a form is never locked out
        }
        if (outcome instanceof SubmissionOutcome.Accepted accepted) {
            // sent from a draft's page: its answers are recorded now, so the draft forgets them
            draftToken(ctx).ifPresent(token -> drafts.sent(accepted.record().school(), accepted.record().formId(), token,
                    accepted.record().reference()));
            accepted(ctx, json, accepted.record().school(), accepted.record().reference(), accepted.duplicate());
        } else if (outcome instanceof SubmissionOutcome.Discarded discarded) {
            accepted(ctx, json, discarded.manifest().school(), discarded.decoyReference(), false);
        } else if (outcome instanceof SubmissionOutcome.Rejected rejected && !json && !rejected.unreadable()) {
            toDraft(ctx, rejected.manifest().school(), rejected.form().id(), rejected.language(),
                    FormDrafts.Step.ANSWERS, rejected.typed());
        } else if (outcome instanceof SubmissionOutcome.Rejected rejected) {
            rejected(ctx, json, rejected);
        } else if (outcome instanceof SubmissionOutcome.ReadyToSend ready && !json) {
            toDraft(ctx, ready.manifest().school(), ready.form().id(), ready.language(), FormDrafts.Step.CHECK,
                    ready.typed());
        } else if (outcome instanceof SubmissionOutcome.Preview) {
            errors.show(ctx, 403, "preview");
        } else if (outcome instanceof SubmissionOutcome.AddAnother adding && !json) {
            String switching = request.single(SubmissionRequest.SWITCH_LANGUAGE);
            toDraft(ctx, adding.manifest().school(), adding.form().id(), adding.language(), FormDrafts.Step.ANSWERS,
                    adding.typed(), adding.manifest().publishes(switching) ? switching : "");
        } else if (outcome instanceof SubmissionOutcome.ChooseStatements choose) {
            if (json) {   // a script sends the choice with the first page's answers: say what is missing
                jsonErrors(ctx, 400, Map.of(Withdrawals.CHOSEN,
                        messages.get(choose.language(), "error.withdrawal.none-chosen")));
            } else {
                toDraft(ctx, choose.manifest().school(), choose.form().id(), choose.language(),
                        FormDrafts.Step.STATEMENTS, choose.typed());
            }
        } else if (json) {
            jsonErrors(ctx, 404, Map.of(FieldError.WHOLE_FORM, messages.get(Messages.ENGLISH, "error.form.unknown")));
        } else {
            errors.notFound(ctx);
        }
    }

    /**
     * Whether a post over the per-client limit would make a record (or is what the limit is for): a
     * filled honeypot, an unknown form, or valid answers not on their way to the check page. Answers
     * to correct or check, "add another" and a withdrawal's first page record nothing, so they are
     * taken even then (docs/adr/0060). Checked without storing anything.
     */
    private boolean wouldRecord(SubmissionRequest request) {
        if (!request.single(SubmissionRequest.HONEYPOT).isEmpty()) {
            return true;
        }
        SubmissionOutcome outcome = submissions.review(request);
        if (outcome instanceof SubmissionOutcome.ReadyToSend ready) {
            return request.single(SubmissionRequest.CHECK_ANSWERS).isEmpty()
                    || !org.polisi.contract.FormKind.CHECKED_BEFORE_RECORDING.contains(ready.form().kind());
        }
        return outcome instanceof SubmissionOutcome.UnknownForm;
    }

    /**
     * The body, read as bytes so that it is decoded strictly ({@link PostedBody}); empty when it is
     * longer than the largest valid submission of the school's forms (a chunked body has no length
     * for {@link RequestGuards} to check first).
     */
    private Optional<byte[]> body(Context ctx) {
        return readBody(ctx, limits.forPath(ctx.path()));
    }

    /** The request's body as bytes, or empty when it is longer than {@code limit} bytes. */
    static Optional<byte[]> readBody(Context ctx, long limit) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the submission's body", e);
        }
    }

    private void accepted(Context ctx, boolean json, String school, String reference, boolean duplicate) {
        String receipt = receipts.url(school, reference);   // shown in the record's language
        if (json) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("reference", reference);
            body.put("receipt", receipt);
            Responses.json(ctx, duplicate ? 200 : 201, write(body));
        } else {
            Responses.seeOther(ctx, receipt);
        }
    }

    private void rejected(Context ctx, boolean json, SubmissionOutcome.Rejected rejected) {
        if (json) {
            Map<String, String> byField = new LinkedHashMap<>();
            rejected.errors().forEach(error -> byField.putIfAbsent(error.field(), error.message()));
            jsonErrors(ctx, 400, byField);
            return;
        }
        Optional<Document> page = baked.read(rejected.form(), rejected.language());
        if (page.isPresent() && filler.fill(page.get(), rejected.form().id(), rejected.language(), rejected.errors(),
                rejected.typed())) {
            Responses.html(ctx, status(rejected), page.get().outerHtml());
            return;
        }
        errorsWithoutPage.show(ctx, status(rejected), rejected);
    }

    /**
     * Answers not recorded yet (errors to correct, "add another", answers to check): kept in a draft,
     * and the browser sent to the draft's page (303), whose address can be reloaded and reopened.
     */
    private void toDraft(Context ctx, String school, String formId, String language, FormDrafts.Step step,
                         Map<String, List<String>> typed) {
        toDraft(ctx, school, formId, language, step, typed, "");
    }

    /** @param showIn the language to show the draft in (the form page's language switch), or empty for its own */
    private void toDraft(Context ctx, String school, String formId, String language, FormDrafts.Step step,
                         Map<String, List<String>> typed, String showIn) {
        if (!guards.mayKeepDraft(ctx)) {
            return;
        }
        Map<String, List<String>> kept = new LinkedHashMap<>(typed);
        kept.remove(SubmissionRequest.HONEYPOT);
        String token = drafts.save(school, formId, draftToken(ctx), new FormDrafts.Draft(language, step, kept, null));
        Responses.seeOther(ctx, FormDraftPages.url(school, formId, token, step)    // the draft keeps its language
                + (showIn.isEmpty() ? "" : "?lang=" + showIn));
    }

    private static Optional<String> draftToken(Context ctx) {
        try {
            return Optional.ofNullable(ctx.queryParam("draft"));
        } catch (RuntimeException undecodable) {
            return Optional.empty();
        }
    }

    /** 400 when part of the body could not be read at all; 422 when it was read and is not valid. */
    private static int status(SubmissionOutcome.Rejected rejected) {
        return rejected.unreadable() ? 400 : 422;
    }

    private static void jsonErrors(Context ctx, int status, Map<String, String> byField) {
        Responses.json(ctx, status, write(Map.of("errors", byField)));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
