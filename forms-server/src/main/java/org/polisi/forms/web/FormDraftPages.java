package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.InputIds;
import org.polisi.contract.Manifest;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.FormDrafts;
import org.polisi.forms.intake.SubmissionOutcome;
import org.polisi.forms.intake.SubmissionRequest;
import org.polisi.forms.intake.SubmissionService;
import org.polisi.forms.manifest.AnsweredField;
import org.polisi.forms.manifest.Answers;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.receipts.ChangeLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of answers not yet recorded (docs/adr/0052), each at a GET address that survives a
 * reload, a reopened tab and a change of language:
 * <ul>
 *   <li>{@code GET /forms/<school>/<form>/answers/<token>}: the form's page with what was typed put
 *       back, and its errors (GOV.UK error pattern) when it has any;</li>
 *   <li>{@code GET /forms/<school>/<form>/check/<token>}: "Check your answers before sending", each
 *       answer with a "Change" link to its question;</li>
 *   <li>{@code GET /forms/<school>/<form>/statements/<token>}: a withdrawal's second page, the
 *       statements of the consent form to withdraw;</li>
 *   <li>{@code POST /forms/<school>/<form>/check/<token>}: "Send", which makes the record (once,
 *       however often it is pressed) and goes to the receipt.</li>
 * </ul>
 * {@code ?lang=} shows either page in another language the form is published in, with the answers
 * kept and the errors in that language. Every answer is checked again on every view
 * ({@link SubmissionService#review}), so a page never shows an error that no longer applies.
 */
final class FormDraftPages {

    private static final Logger LOG = LoggerFactory.getLogger(FormDraftPages.class);

    private final ManifestCatalog manifests;
    private final FormDrafts drafts;
    private final SubmissionService submissions;
    private final BakedFormPages baked;
    private final FormPageFiller filler;
    private final ReceiptLinks receipts;
    private final ErrorPages errors;
    private final PageLayout layout;
    private final Messages messages;
    private final Answers answers;
    private final FormErrorsPage errorsWithoutPage;
    private final WithdrawalStatementsPage statementsPage;

    FormDraftPages(ManifestCatalog manifests, FormDrafts drafts, SubmissionService submissions, BakedFormPages baked,
                   FormPageFiller filler, ReceiptLinks receipts, ErrorPages errors, PageLayout layout) {
        this.manifests = manifests;
        this.drafts = drafts;
        this.submissions = submissions;
        this.baked = baked;
        this.filler = filler;
        this.receipts = receipts;
        this.errors = errors;
        this.layout = layout;
        this.messages = layout.messages();
        this.answers = new Answers(messages);
        this.errorsWithoutPage = new FormErrorsPage(layout);
        this.statementsPage = new WithdrawalStatementsPage(layout, messages);
    }

    /** The most bytes of a "Send" post read for its {@code lang}: the check page posts only that. */
    private static final long SEND_BODY_BYTES = 1024;

    static String answersUrl(String school, String formId, String token) {
        return "/forms/" + school + "/" + formId + "/answers/" + token;
    }

    static String checkUrl(String school, String formId, String token) {
        return "/forms/" + school + "/" + formId + "/check/" + token;
    }

    static String statementsUrl(String school, String formId, String token) {
        return "/forms/" + school + "/" + formId + "/statements/" + token;
    }

    /** The address of the page a draft at {@code step} is shown on. */
    static String url(String school, String formId, String token, FormDrafts.Step step) {
        return switch (step) {
            case ANSWERS -> answersUrl(school, formId, token);
            case CHECK -> checkUrl(school, formId, token);
            case STATEMENTS -> statementsUrl(school, formId, token);
        };
    }

    /** {@code GET …/answers/<token>}: the form again, with the answers and any errors, in the language asked for. */
    void answers(Context ctx) {
        Optional<Reviewed> reviewed = reviewed(ctx);
        if (reviewed.isEmpty()) {
            return;
        }
        Found draft = reviewed.get().draft();
        String language = reviewed.get().language();
        SubmissionOutcome outcome = reviewed.get().outcome();
        Optional<Document> page = baked.read(draft.form(), language);
        if (page.isEmpty()) {
            privatePage(ctx);
            if (outcome instanceof SubmissionOutcome.Rejected rejected) {
                errorsWithoutPage.show(ctx, 200, rejected, errors.urgentFor(rejected).orElse(null));
            } else {
                errors.notFound(ctx);
            }
            return;
        }
        Document document = page.get();
        boolean filled;
        if (outcome instanceof SubmissionOutcome.Rejected rejected) {
            filled = filler.fill(document, draft.form().id(), language, rejected.errors(), rejected.typed());
            errors.urgentFor(rejected).ifPresent(guidance -> FormPageFiller.leadWithUrgentGuidance(document, guidance));
        } else if (outcome instanceof SubmissionOutcome.AddAnother adding) {
            filled = filler.addAnother(document, draft.form().id(), adding.field(), adding.typed());
        } else if (outcome instanceof SubmissionOutcome.ReadyToSend ready) {
            filled = filler.addAnother(document, draft.form().id(), "", ready.typed());
        } else if (outcome instanceof SubmissionOutcome.ChooseStatements choose) {   // a withdrawal's first page, valid
            filled = filler.addAnother(document, draft.form().id(), "", choose.typed());
        } else {
            filled = false;
        }
        if (!filled) {
            errors.notFound(ctx);
            return;
        }
        String here = answersUrl(draft.school(), draft.form().id(), draft.token());
        FormPageFiller.pointAtDraft(document, draft.form().id(), draft.token(), other ->
                draft.manifest().publishes(other) && draft.form().pages().containsKey(other)
                        ? Optional.of(here + "?lang=" + other) : Optional.empty());
        privatePage(ctx);
        Responses.html(ctx, 200, document.outerHtml());
    }

    /**
     * {@code GET …/statements/<token>}: a withdrawal's second page, the consent form's statements to
     * choose from (with the error when none was chosen); it posts to the form's address with the
     * draft's token, so a reload, a reopened tab and the language link show the same page. A first page
     * no longer valid (the consent erased meanwhile) goes back to the first page with its error.
     */
    void statements(Context ctx) {
        Optional<Reviewed> reviewed = reviewed(ctx);
        if (reviewed.isEmpty()) {
            return;
        }
        Found draft = reviewed.get().draft();
        String language = reviewed.get().language();
        if (!(reviewed.get().outcome() instanceof SubmissionOutcome.ChooseStatements choose)) {
            Responses.seeOther(ctx, answersUrl(draft.school(), draft.form().id(), draft.token()) + "?lang=" + language);
            return;
        }
        String school = draft.school();
        String formId = draft.form().id();
        privatePage(ctx);
        statementsPage.show(ctx, choose, "/forms/" + school + "/" + formId + "?draft=" + draft.token(),
                answersUrl(school, formId, draft.token()) + "?lang=" + language,
                otherLanguage(draft, language).map(other -> statementsUrl(school, formId, draft.token()) + "?lang=" + other)
                        .orElse(null));
    }

    /** {@code GET …/check/<token>}: the answers to check, each with "Change"; "Send" below. */
    void check(Context ctx) {
        Optional<Found> found = find(ctx);
        if (found.isEmpty()) {
            return;
        }
        Found draft = found.get();
        String language = draft.language(ctx);
        // checked in the language it was sent in: that page's text and version are what the record will hold
        SubmissionOutcome outcome = submissions.review(draft.request(draft.draft().language()));
        if (!(outcome instanceof SubmissionOutcome.ReadyToSend ready)
                || draft.draft().step() != FormDrafts.Step.CHECK) {
            Responses.seeOther(ctx, answersUrl(draft.school(), draft.form().id(), draft.token()) + "?lang=" + language);
            return;
        }
        FormDefinition form = draft.form();
        List<Row> rows = new ArrayList<>();
        String answersPage = answersUrl(draft.school(), form.id(), draft.token()) + "?lang=" + language;
        for (AnsweredField field : answers.describe(form, ready.answers(), language, draft.manifest())) {
            rows.add(new Row(field.label(), field.answer().isEmpty()
                    ? messages.get(language, "confirmation.not-answered") : field.answer(),
                    answersPage + "#" + InputIds.question(form.id(), field.key()), shortName(form, field, language)));
        }
        String title = messages.get(language, "check.title");
        boolean agreement = form.kind() == FormKind.AGREEMENT;
        View view = new View(title, Text.in(form.title(), language), rows, messages.get(language, "check.change"),
                messages.get(language, "check.now-send"),
                PageLayout.paragraphs(form.declaration() == null ? "" : Text.in(form.declaration(), language)),
                checkUrl(draft.school(), form.id(), draft.token()) + "?lang=" + language, language,
                messages.get(language, agreement ? "check.send.agreement" : "check.send"));
        PageFrame frame = layout.frame(language, title, Text.in(draft.manifest().schoolName(), language),
                "/" + draft.school() + "/" + language + "/", otherLanguage(draft, language)
                        .map(other -> checkUrl(draft.school(), form.id(), draft.token()) + "?lang=" + other).orElse(null));
        privatePage(ctx);
        Responses.html(ctx, 200, layout.render("check-answers", frame, view));
    }

    /**
     * {@code POST …/check/<token>}: "Send". The draft's answers are submitted as they were kept, under
     * an idempotency key derived from the token, so a second "Send" (a double click, another tab)
     * finds the same record; then the answers are removed from the draft and the receipt shown.
     */
    void send(Context ctx) {
        // one look-up: a second "Send" that finds the draft sent (before or while this one looks) gets the
        // receipt, never the page without it (a check, then a second look-up, let a double tap under load
        // fall between them)
        Optional<Found> found = find(ctx, true);
        if (found.isEmpty()) {
            return;
        }
        Found draft = found.get();
        // the language of the check page "Send" was pressed on (its address, and its hidden lang): the
        // person last chose it, so the record, its receipt and any refusal are in it
        String language = draft.sentIn(ctx);
        RequestLanguage.fromForm(ctx, language);
        Map<String, List<String>> parameters = new LinkedHashMap<>(draft.request(language).parameters());
        parameters.remove(SubmissionRequest.CHECK_ANSWERS);
        parameters.putIfAbsent(SubmissionRequest.IDEMPOTENCY_KEY, List.of(FormDrafts.idempotencyKey(draft.token())));
        SubmissionOutcome outcome = submissions.submit(new SubmissionRequest(draft.school(), draft.form().id(), parameters));
        if (outcome instanceof SubmissionOutcome.Accepted accepted) {
            drafts.sent(draft.school(), draft.form().id(), draft.token(), accepted.record().reference());
            Responses.seeOther(ctx, receipts.url(draft.school(), accepted.record().reference()));
        } else {
            // the site changed in between (a new version of the text): the form again, with its message
            drafts.save(draft.school(), draft.form().id(), Optional.of(draft.token()), new FormDrafts.Draft(
                    draft.draft().language(), FormDrafts.Step.ANSWERS, draft.draft().parameters(), null));
            Responses.seeOther(ctx, answersUrl(draft.school(), draft.form().id(), draft.token()) + "?lang=" + language);
        }
    }

    /** A draft found by its address, and its answers checked again in the language the page is shown in. */
    private record Reviewed(Found draft, String language, SubmissionOutcome outcome) {
    }

    /** {@link #find}, then the kept answers checked again in the language asked for ({@code ?lang=}). */
    private Optional<Reviewed> reviewed(Context ctx) {
        return find(ctx).map(draft -> {
            String language = draft.language(ctx);
            return new Reviewed(draft, language, submissions.review(draft.request(language)));
        });
    }

    /**
     * The draft the address names, or (having answered the request) empty: 404 for an unknown school
     * or form, a page saying it was sent, with its reference only, for a draft already sent, and a
     * page saying that nothing was sent, with
     * the way back to the form, for an unknown or expired token.
     */
    private Optional<Found> find(Context ctx) {
        return find(ctx, false);
    }

    /**
     * As {@link #find(Context)}; for a "Send" ({@code sendPressed}) a draft already sent is answered with
     * its receipt instead: a second "Send" (a double tap, another tab) gets what the first "Send" gave,
     * never a page without the printable receipt (the 23:40 tester). Only a POST with the draft's token
     * from this site gets it, and only while the draft lives (FormDrafts.LIFETIME).
     */
    private Optional<Found> find(Context ctx, boolean sendPressed) {
        String school = ctx.pathParam("school");
        String token = ctx.pathParam("token");
        Optional<Manifest> manifest = manifests.school(school);
        Optional<FormDefinition> form = manifest.flatMap(found -> found.form(ctx.pathParam("form")));
        if (form.isEmpty()) {
            errors.notFound(ctx);
            return Optional.empty();
        }
        Optional<FormDrafts.Draft> draft = drafts.find(school, form.get().id(), token);
        if (draft.isEmpty()) {
            LOG.info("A draft of {}/{} was asked for that is unknown or expired", school, form.get().id());
            expired(ctx, manifest.get(), form.get());
            return Optional.empty();
        }
        if (draft.get().sent() && sendPressed) {
            LOG.info("A second Send of a draft of {}/{} already sent: its receipt again", school, form.get().id());
            Responses.seeOther(ctx, receipts.url(school, draft.get().reference()));
            return Optional.empty();
        }
        if (draft.get().sent()) {
            sent(ctx, manifest.get(), form.get(), draft.get().reference());
            return Optional.empty();
        }
        return Optional.of(new Found(manifest.get(), form.get(), token, draft.get()));
    }

    /**
     * A draft already sent: the address of a page before the record (in a browser's history, or a
     * reload of it) says only that the form was sent and its reference, never the answers, and
     * gives out no receipt link (issue 20): the receipt was the page "Send" led to. For a consent or
     * a notice of objection, the way to change it ({@link ChangeLink}).
     */
    private void sent(Context ctx, Manifest manifest, FormDefinition form, String reference) {
        String language = RequestLanguage.of(ctx);
        try {
            String asked = ctx.queryParam("lang");
            language = asked != null && manifest.publishes(asked) ? asked : language;
        } catch (RuntimeException undecodable) {
            LOG.debug("An undecodable lang parameter on a sent draft's page");
        }
        if (!manifest.publishes(language)) {
            language = manifest.languages().get(0);
        }
        String shown = language;
        String title = messages.get(language, "draft.sent.title");
        PageFrame frame = layout.frame(language, title, Text.in(manifest.schoolName(), language),
                "/" + manifest.school() + "/" + language + "/",
                manifest.languages().size() > 1 ? RequestLanguage.toggleHref(ctx, language) : null);
        privatePage(ctx);
        List<String> paragraphs = new ArrayList<>(PageLayout.paragraphs(messages.format(language,
                "draft.sent.body", Map.of("reference", reference, "form", Text.in(form.title(), language)))));
        ChangeLink.of(manifest, form, reference, language).flatMap(ChangeLink::noteKey)
                .ifPresent(key -> paragraphs.add(messages.get(shown, key)));  // how to change an answer (ADR 0102)
        Responses.html(ctx, 200, layout.render("draft-expired", frame, new Expired(title, paragraphs,
                ChangeLink.of(manifest, form, reference, language)
                        .map(change -> new PageLayout.Link(change.path(), messages.get(shown, change.messageKey())))
                        .orElse(null))));
    }

    private void expired(Context ctx, Manifest manifest, FormDefinition form) {
        String language = RequestLanguage.of(ctx);
        if (!manifest.publishes(language)) {
            language = manifest.languages().get(0);
        }
        String title = messages.get(language, "draft.expired.title");
        String formPage = form.pages().get(language);
        PageFrame frame = layout.frame(language, title, Text.in(manifest.schoolName(), language),
                "/" + manifest.school() + "/" + language + "/",
                manifest.languages().size() > 1 ? RequestLanguage.toggleHref(ctx, language) : null);
        privatePage(ctx);
        Responses.html(ctx, 404, layout.render("draft-expired", frame, new Expired(title,
                PageLayout.paragraphs(messages.format(language, "draft.expired.body",
                        Map.of("minutes", FormDrafts.LIFETIME.toMinutes()))),
                formPage == null ? null : new PageLayout.Link(formPage, messages.format(language,
                        "draft.expired.start-again", Map.of("form", Text.in(form.title(), language)))))));
    }

    /** What was typed is on the page: no cache keeps it, and no search engine lists the address. */
    private static void privatePage(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
    }

    private static Optional<String> otherLanguage(Found draft, String language) {
        return draft.manifest().languages().stream()
                .filter(other -> !other.equals(language) && draft.form().pages().containsKey(other)).findFirst();
    }

    /** The words a "Change" link adds for a screen reader: a statement's short label, else the question. */
    private static String shortName(FormDefinition form, AnsweredField field, String language) {
        int dot = field.key().indexOf('.');
        if (dot < 0) {
            return field.label();
        }
        return form.field(field.key().substring(0, dot)).flatMap(consent -> consent.statements().stream()
                        .filter(statement -> statement.id().equals(field.key().substring(dot + 1))).findFirst())
                .map(statement -> statement.shortLabel(language)).orElse(field.label());
    }

    /** A draft found by its address. */
    private record Found(Manifest manifest, FormDefinition form, String token, FormDrafts.Draft draft) {

        String school() {
            return manifest.school();
        }

        /** {@code ?lang=} when the form is published in it, else the language the answers were sent in. */
        String language(Context ctx) {
            String asked;
            try {
                asked = ctx.queryParam("lang");
            } catch (RuntimeException undecodable) {
                asked = null;
            }
            return asked != null && manifest.publishes(asked) && form.pages().containsKey(asked)
                    ? asked : draft.language();
        }

        /**
         * The language "Send" was pressed in: the check page's {@code lang} (its hidden field, or its
         * address), when the form is published in it, else the language the answers were sent in.
         */
        String sentIn(Context ctx) {
            String posted = SubmissionHandler.readBody(ctx, SEND_BODY_BYTES)
                    .map(body -> org.polisi.forms.intake.PostedBody.urlEncoded(body, ctx.header("Content-Type")))
                    .map(body -> body.parameters().getOrDefault("lang", List.of()))
                    .filter(values -> !values.isEmpty()).map(values -> values.get(0)).orElse(null);
            return posted != null && manifest.publishes(posted) && form.pages().containsKey(posted)
                    ? posted : language(ctx);
        }

        /**
         * The kept answers as a request in {@code language}: in another language than they were sent
         * in, as that language's page would send them (its language and version), which is the page shown.
         */
        SubmissionRequest request(String language) {
            Map<String, List<String>> parameters = new LinkedHashMap<>(draft.parameters());
            if (!language.equals(draft.language())) {
                parameters.put(SubmissionRequest.FORM_LANG, List.of(language));
                parameters.put(SubmissionRequest.FORM_VERSION, List.of(form.versions().getOrDefault(language, "")));
            }
            return new SubmissionRequest(manifest.school(), form.id(), parameters);
        }
    }

    /** The view of {@code server/check-answers.ftl}. */
    record View(String title, String formTitle, List<Row> rows, String change, String sendTitle,
                List<String> declaration, String action, String language, String send) {
    }

    /** One answer: the question as asked, the answer in words, where "Change" leads, and its name for a screen reader. */
    record Row(String question, String answer, String href, String name) {
    }

    /** The view of {@code server/draft-expired.ftl}: the way back to the form, or null. */
    record Expired(String title, List<String> paragraphs, PageLayout.Link back) {
    }
}
