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
import org.polisi.forms.intake.PostedBody;
import org.polisi.forms.intake.SubmissionOutcome;
import org.polisi.forms.intake.SubmissionRequest;
import org.polisi.forms.intake.SubmissionService;
import org.polisi.forms.manifest.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /forms/<school>/<form-id>}: turns the request (an HTML form post or JSON from a
 * script) into a {@link SubmissionRequest}, and the outcome into a response: 303 to the
 * confirmation, the page again with its errors (422, or 400 when part of the body was not valid in
 * its charset), or JSON.
 *
 * <p>The per-client submission limit ({@code rate-limit.submissions}) is for what fills the ledger
 * or comes from a robot: a submission accepted (or answered as a resubmission of one), a filled
 * honeypot, a post to a form that does not exist, a body that is not a form post or a JSON object. A
 * form re-shown with its errors (422, or 400 for an unreadable field), the "add another" box, the
 * withdrawal's second page and a preview's refusal store nothing and are handed back, so a parent
 * correcting a form is never locked out; what bounds a client that only sends invalid forms is the
 * per-client limit on requests at once ({@code http.requests-per-client}).
 */
final class SubmissionHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionHandler.class);

    private final SubmissionService submissions;
    private final BakedFormPages pages;
    private final FormPageFiller filler;
    private final ReceiptLinks receipts;
    private final ErrorPages errors;
    private final PageLayout layout;
    private final Messages messages;
    private final BodyLimits limits;
    private final WithdrawalStatementsPage statementsPage;
    private final java.util.function.Consumer<Context> notCounted;

    /** @param notCounted hands back a post's attempt to the per-client submission limit */
    SubmissionHandler(SubmissionService submissions, SiteFiles site, FormPageFiller filler, ReceiptLinks receipts,
                      ErrorPages errors, PageLayout layout, Messages messages, BodyLimits limits,
                      java.util.function.Consumer<Context> notCounted) {
        this.notCounted = notCounted;
        this.limits = limits;
        this.statementsPage = new WithdrawalStatementsPage(layout, messages);
        this.submissions = submissions;
        this.pages = new BakedFormPages(site);
        this.filler = filler;
        this.receipts = receipts;
        this.errors = errors;
        this.layout = layout;
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
        SubmissionOutcome outcome = submissions.submit(new SubmissionRequest(ctx.pathParam("school"),
                ctx.pathParam("form"), posted.parameters(), posted.unreadable()));
        if (outcome instanceof SubmissionOutcome.Rejected || outcome instanceof SubmissionOutcome.AddAnother
                || outcome instanceof SubmissionOutcome.ChooseStatements || outcome instanceof SubmissionOutcome.Preview) {
            notCounted.accept(ctx);
        }
        if (outcome instanceof SubmissionOutcome.Accepted accepted) {
            accepted(ctx, json, accepted.record().school(), accepted.record().reference(), accepted.duplicate());
        } else if (outcome instanceof SubmissionOutcome.Discarded discarded) {
            accepted(ctx, json, discarded.manifest().school(), discarded.decoyReference(), false);
        } else if (outcome instanceof SubmissionOutcome.Rejected rejected) {
            rejected(ctx, json, rejected);
        } else if (outcome instanceof SubmissionOutcome.Preview) {
            errors.show(ctx, 403, "preview");
        } else if (outcome instanceof SubmissionOutcome.AddAnother adding && !json) {
            addAnother(ctx, adding);
        } else if (outcome instanceof SubmissionOutcome.ChooseStatements choose) {
            if (json) {   // a script sends the choice with the first page's answers: say what is missing
                jsonErrors(ctx, 400, Map.of(Withdrawals.CHOSEN,
                        messages.get(choose.language(), "error.withdrawal.none-chosen")));
            } else {
                statementsPage.show(ctx, choose);
            }
        } else if (json) {
            jsonErrors(ctx, 404, Map.of(FieldError.WHOLE_FORM, messages.get(Messages.ENGLISH, "error.form.unknown")));
        } else {
            errors.notFound(ctx);
        }
    }

    /**
     * The body, read as bytes so that it is decoded strictly ({@link PostedBody}); empty when it is
     * longer than the largest valid submission of the school's forms (a chunked body has no length
     * for {@link RequestGuards} to check first).
     */
    private Optional<byte[]> body(Context ctx) {
        long limit = limits.forPath(ctx.path());
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the submission's body", e);
        }
    }

    private void accepted(Context ctx, boolean json, String school, String reference, boolean duplicate) {
        String receipt = receipts.url(school, reference);
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
        String sitePath = rejected.form().pages().get(rejected.language());
        Optional<Document> page = sitePath == null ? Optional.empty() : bakedPage(sitePath);
        if (page.isPresent() && filler.fill(page.get(), rejected.form().id(), rejected.language(), rejected.errors(),
                rejected.typed())) {
            Responses.html(ctx, status(rejected), page.get().outerHtml());
            return;
        }
        fallbackPage(ctx, rejected, sitePath);
    }

    /**
     * "Add another" without JavaScript: the page again (200), with what was typed and one more box,
     * which has focus. A script sends its list in one request and never presses the button.
     */
    private void addAnother(Context ctx, SubmissionOutcome.AddAnother adding) {
        String sitePath = adding.form().pages().get(adding.language());
        Optional<Document> page = sitePath == null ? Optional.empty() : bakedPage(sitePath);
        if (page.isPresent() && filler.addAnother(page.get(), adding.form().id(), adding.field(), adding.typed())) {
            Responses.html(ctx, 200, page.get().outerHtml());
        } else {
            errors.notFound(ctx);
        }
    }

    private Optional<Document> bakedPage(String sitePath) {
        try {
            return pages.page(sitePath);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the baked page " + sitePath, e);
        }
    }

    /** When the baked page is missing (the site not built yet), still say what was wrong. */
    private void fallbackPage(Context ctx, SubmissionOutcome.Rejected rejected, String sitePath) {
        String language = rejected.language();
        String title = messages.get(language, "error.title-prefix") + " " + Text.in(rejected.form().title(), language);
        PageFrame frame = layout.frame(language, title, Text.in(rejected.manifest().schoolName(), language), "/", null);
        Responses.html(ctx, status(rejected), layout.render("form-errors", frame, new FormErrors(
                Text.in(rejected.form().title(), language), new ErrorSummary(messages.get(language, "error.summary-title"),
                        rejected.errors().stream().map(error -> new ErrorSummary.Problem(error.message(), "")).toList()),
                sitePath == null ? null : new PageLayout.Link(sitePath, messages.get(language, "error.back-to-form")))));
    }

    /** The view of {@code server/form-errors.ftl}: the form's title, what was wrong, and the way back (or null). */
    record FormErrors(String title, ErrorSummary summary, PageLayout.Link back) {
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
