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
import org.polisi.forms.intake.UrgentConcern;
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
 * honeypot. An urgent report ({@link UrgentConcern}) is never held back by it. A post to a form that
 * does not exist or a body that is not a form post or a JSON object is junk, counted by a limit of its
 * own ({@link RequestGuards#countedAsJunk}) so that it never uses up an address's allowance. A
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
            if (guards.countedAsJunk(ctx)) {
                LOG.info("Refused a submission: neither a form post nor JSON");
                errors.badRequest(ctx);
            }
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
                if (!guards.countedAsJunk(ctx)) {
                    return;
                }
                LOG.info("Refused a submission: the JSON is not a flat object");
                // the form's language is in the body that could not be read: the request's stands in for it
                jsonErrors(ctx, 400, Map.of(FieldError.WHOLE_FORM,
                        messages.get(Messages.ENGLISH, "error.json.malformed")),
                        errors.urgentForRefusal(ctx, RequestLanguage.of(ctx)));
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
                posted.unreadable(), posted.causes());
        if (guards.overLimit(ctx).isPresent() && wouldRecord(request)) {
            guards.refuseOverLimit(ctx, parameters);
            return;
        }
        SubmissionOutcome outcome = submissions.submit(request);
        if (outcome instanceof SubmissionOutcome.UnknownForm && !guards.countedAsJunk(ctx)) {
            return;
        }
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
            honeypot(ctx, json, discarded, parameters);
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
     * Whether a post over the per-client limit is one the limit holds back: a filled honeypot, or
     * valid answers not on their way to the check page, unless they are an urgent report
     * ({@link UrgentConcern}), which is never held back (docs/security.md, "Limits"). Answers to
     * correct or check, "add another" and a withdrawal's first page record nothing, so they are taken
     * even then (docs/adr/0060); an unknown form is counted as junk instead. Checked without storing anything.
     */
    private boolean wouldRecord(SubmissionRequest request) {
        if (!request.single(SubmissionRequest.HONEYPOT).isEmpty()) {
            return true;
        }
        SubmissionOutcome outcome = submissions.review(request);
        if (outcome instanceof SubmissionOutcome.ReadyToSend ready) {
            if (UrgentConcern.category(ready.form(), ready.answers()).isPresent()) {
                return false;
            }
            return request.single(SubmissionRequest.CHECK_ANSWERS).isEmpty()
                    || !org.polisi.contract.FormKind.CHECKED_BEFORE_RECORDING.contains(ready.form().kind());
        }
        return false;
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
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared >= 0 && declared <= limit) {
                // a body of known length, read into one array of that size (not 8 KiB chunks copied together)
                byte[] bytes = new byte[(int) declared];
                int read = in.readNBytes(bytes, 0, bytes.length);
                if (read < bytes.length || in.read() < 0) {
                    return Optional.of(read < bytes.length ? java.util.Arrays.copyOf(bytes, read) : bytes);
                }
                return Optional.empty();   // more than declared: not what any client sends, and not read on
            }
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

    /**
     * A filled honeypot: nothing is stored, and the sender is told so (422), never given a reference
     * for a form that was not received. A robot learns only that it was refused; a person whose
     * browser filled the hidden field is told what happened, and (when the draft limit allows) their
     * answers are kept, without it, for sending again.
     */
    private void honeypot(Context ctx, boolean json, SubmissionOutcome.Discarded discarded,
                          Map<String, List<String>> parameters) {
        String language = discarded.language();
        RequestLanguage.fromForm(ctx, language);
        if (json) {
            jsonErrors(ctx, 422, Map.of(SubmissionRequest.HONEYPOT, messages.get(language, "page.honeypot.body")),
                    errors.urgentForRefusal(ctx, language));   // as the HTML page: a held-back report's reporter is told what to do now
            return;
        }
        if (!guards.mayKeepDraft(ctx)) {
            return;   // the draft limit's 429 has been sent
        }
        Map<String, List<String>> answers = new LinkedHashMap<>(parameters);
        answers.remove(SubmissionRequest.HONEYPOT);
        String token = drafts.save(discarded.manifest().school(), discarded.form().id(), draftToken(ctx),
                new FormDrafts.Draft(language, FormDrafts.Step.ANSWERS, answers, null));
        errors.honeypot(ctx, FormDraftPages.url(discarded.manifest().school(), discarded.form().id(), token,
                FormDrafts.Step.ANSWERS));
    }

    private void rejected(Context ctx, boolean json, SubmissionOutcome.Rejected rejected) {
        if (json) {
            Map<String, String> byField = new LinkedHashMap<>();
            rejected.errors().forEach(error -> byField.putIfAbsent(error.field(), error.message()));
            jsonErrors(ctx, 400, byField, errors.urgentFor(rejected));   // the steps the HTML page leads with
            return;
        }
        Optional<Document> page = baked.read(rejected.form(), rejected.language());
        Optional<UrgentGuidance.Guidance> urgent = errors.urgentFor(rejected);   // first, when the report is urgent
        if (page.isPresent() && filler.fill(page.get(), rejected.form().id(), rejected.language(), rejected.errors(),
                rejected.typed())) {
            urgent.ifPresent(guidance -> FormPageFiller.leadWithUrgentGuidance(page.get(), guidance));
            Responses.html(ctx, status(rejected), page.get().outerHtml());
            return;
        }
        errorsWithoutPage.show(ctx, status(rejected), rejected, urgent.orElse(null));
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
        jsonErrors(ctx, status, byField, Optional.empty());
    }

    /**
     * {@code {"errors": {field: message}}}, and {@code "urgent"} when an incident report was refused:
     * what to do now, in the words and language of the HTML refusal ({@link UrgentGuidance.Guidance}:
     * title, intro, the school's steps, and its policy's page when it gives none), as
     * {@link ErrorPages} answers a script.
     */
    private static void jsonErrors(Context ctx, int status, Map<String, String> byField,
                                   Optional<UrgentGuidance.Guidance> urgent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", byField);
        urgent.ifPresent(guidance -> body.put("urgent", guidance));
        Responses.json(ctx, status, write(body));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
