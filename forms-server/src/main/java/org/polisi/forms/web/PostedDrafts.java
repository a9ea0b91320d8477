package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.intake.FormDrafts;
import org.polisi.forms.intake.SubmissionRequest;
import org.polisi.forms.manifest.ManifestCatalog;

/**
 * The draft (docs/adr/0052) a form post belongs to, for the per-client limits (docs/adr/0060):
 * <ul>
 *   <li>{@link #liveDraft}: the live draft, not yet sent, that a post names ("Send" on
 *       {@code …/check/<token>}, or a draft's page posting to {@code /forms/<school>/<form>?draft=<token>}),
 *       so that each person's draft is counted on its own, and parents behind one address (school
 *       Wi-Fi, a carrier's NAT) do not use up each other's allowance. A token that names no live draft
 *       of that form counts as no draft: an invented token buys nothing.</li>
 *   <li>{@link #keep}, {@link #keepSend}: a form post refused by the limit keeps its answers in a
 *       draft (when the draft limit allows), so the 429 page can link back to them.</li>
 * </ul>
 */
final class PostedDrafts {

    private static final Pattern FORM_POST = Pattern.compile("/forms/([^/]+)/([^/]+)");
    private static final Pattern SEND = Pattern.compile("/forms/([^/]+)/([^/]+)/check/([^/]+)");

    private final FormDrafts drafts;
    private final ManifestCatalog manifests;

    PostedDrafts(FormDrafts drafts, ManifestCatalog manifests) {
        this.drafts = drafts;
        this.manifests = manifests;
    }

    /** Where a post names a draft: its school, form and token, and whether it is "Send" on the check page. */
    private record Named(String school, String formId, String token, boolean send) {
    }

    private static Optional<Named> named(Context ctx) {
        Matcher send = SEND.matcher(ctx.path());
        if (send.matches()) {
            return Optional.of(new Named(send.group(1), send.group(2), send.group(3), true));
        }
        Matcher post = FORM_POST.matcher(ctx.path());
        if (!post.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ctx.queryParam("draft")).map(token -> new Named(post.group(1), post.group(2),
                    token, false));
        } catch (RuntimeException undecodable) {
            return Optional.empty();
        }
    }

    /**
     * A key for the live, unsent draft the post names (derived from its token, never the token), or
     * empty when it names none.
     */
    Optional<String> liveDraft(Context ctx) {
        return named(ctx).filter(named -> drafts.find(named.school(), named.formId(), named.token())
                        .filter(draft -> !draft.sent()).isPresent())
                .map(named -> FormDrafts.idempotencyKey(named.token()));
    }

    /** Whether {@code path} is a form's own address ({@code /forms/<school>/<form>}), where its page posts. */
    static boolean isFormPost(String path) {
        return FORM_POST.matcher(path).matches();
    }

    /**
     * "Send" refused by the per-client limit: its answers are already in its draft, so the address
     * of its check page; empty when the post is not "Send" of a live draft.
     */
    Optional<String> keepSend(Context ctx) {
        return named(ctx).filter(Named::send).flatMap(send -> drafts.find(send.school(), send.formId(), send.token())
                .filter(draft -> !draft.sent())
                .map(draft -> FormDraftPages.checkUrl(send.school(), send.formId(), send.token())));
    }

    /**
     * Keeps the {@code parameters} of a form page's post refused by the per-client limit in a draft
     * at the answers step (the post's own draft when it names one), and returns the address that
     * shows them again; empty when the form is unknown or a preview, or {@code mayKeep} says the
     * client may keep no more drafts.
     */
    Optional<String> keep(Context ctx, Map<String, List<String>> parameters, java.util.function.BooleanSupplier mayKeep) {
        Matcher post = FORM_POST.matcher(ctx.path());
        if (!post.matches()) {
            return Optional.empty();
        }
        Optional<Manifest> manifest = manifests.school(post.group(1));
        Optional<FormDefinition> form = manifest.flatMap(school -> school.form(post.group(2)));
        if (form.isEmpty() || manifest.get().preview() || !mayKeep.getAsBoolean()) {
            return Optional.empty();
        }
        Map<String, List<String>> kept = new LinkedHashMap<>(parameters);
        kept.remove(SubmissionRequest.HONEYPOT);
        List<String> languages = kept.getOrDefault(SubmissionRequest.FORM_LANG, List.of());
        String language = !languages.isEmpty() && manifest.get().publishes(languages.get(0))
                ? languages.get(0) : manifest.get().languages().get(0);
        String token = drafts.save(manifest.get().school(), form.get().id(),
                named(ctx).map(Named::token), new FormDrafts.Draft(language, FormDrafts.Step.ANSWERS, kept, null));
        return Optional.of(FormDraftPages.answersUrl(manifest.get().school(), form.get().id(), token));
    }
}
