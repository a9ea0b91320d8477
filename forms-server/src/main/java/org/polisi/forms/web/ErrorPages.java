package org.polisi.forms.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polisi.forms.i18n.Messages;

/**
 * The server's own error pages, in the language of the request, with the same frame as every
 * other page: not found, refused, too large, too many, server error. A script (a request that sends
 * or asks for JSON) gets the same words as a JSON object instead: {@code {"status", "error", "title",
 * "message"}}.
 */
final class ErrorPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Messages messages;
    private final PageLayout layout;
    /** On a refusal of a post to an incident form: what to do now, so a held-back report never leaves a reporter without it. */
    private final UrgentGuidance urgent;

    ErrorPages(Messages messages, PageLayout layout, UrgentGuidance urgent) {
        this.messages = messages;
        this.layout = layout;
        this.urgent = urgent;
    }

    void notFound(Context ctx) {
        show(ctx, 404, "not-found");
    }

    /** The urgent guidance for a refused post whose answers say the concern is urgent ({@link UrgentGuidance#forRejected}). */
    Optional<UrgentGuidance.Guidance> urgentFor(org.polisi.forms.intake.SubmissionOutcome.Rejected rejected) {
        return urgent.forRejected(rejected);
    }

    /** The urgent guidance of any refused post to an incident form's address ({@link UrgentGuidance#forRefusal}). */
    Optional<UrgentGuidance.Guidance> urgentForRefusal(Context ctx, String language) {
        return urgent.forRefusal(ctx, language);
    }

    void forbidden(Context ctx) {
        show(ctx, 403, "forbidden");
    }

    void foreignOrigin(Context ctx) {
        show(ctx, 403, "foreign-origin");
    }

    void tooLarge(Context ctx) {
        show(ctx, 413, "too-large");
    }

    /** 429 with the wait the log line told: in {@code Retry-After} and in the page's words (ICU plurals). */
    /**
     * 429 with {@code Retry-After} and the wait in words; {@code kept} is the address of the draft that
     * holds the refused post's answers (docs/adr/0060), linked with how long it is kept, or empty.
     */
    void tooMany(Context ctx, org.polisi.forms.i18n.WaitTime wait, java.util.Optional<String> kept) {
        ctx.header("Retry-After", String.valueOf(wait.seconds()));
        String language = RequestLanguage.of(ctx);
        String text = messages.format(language, wait.messageKey("page.too-many.wait"), wait.messageArguments());
        if (kept.isEmpty() || wantsJson(ctx)) {
            show(ctx, 429, "too-many", text);
            return;
        }
        UrgentGuidance.Guidance guidance = urgent.forRefusal(ctx, language).orElse(null);
        ctx.header("Cache-Control", "no-store");
        String title = messages.get(language, "page.too-many.title");
        List<String> paragraphs = new java.util.ArrayList<>(PageLayout.paragraphs(text));
        paragraphs.add(messages.format(language, "page.too-many.kept",
                Map.of("minutes", org.polisi.forms.intake.FormDrafts.LIFETIME.toMinutes())));
        Responses.html(ctx, 429, layout.render("error", layout.frame(language, title, messages.get(language, "server.name"),
                "/", RequestLanguage.toggleHref(ctx, language)), new View(title, paragraphs,
                new PageLayout.Link(kept.get(), messages.get(language, "page.too-many.back")), guidance)));
    }

    /**
     * 422 for a form whose honeypot was filled: it was not sent, and why, with a link to send it again
     * ({@code back}: the page of the draft that keeps the answers).
     */
    void honeypot(Context ctx, String back) {
        String language = RequestLanguage.of(ctx);
        ctx.header("Cache-Control", "no-store");
        String title = messages.get(language, "page.honeypot.title");
        Responses.html(ctx, 422, layout.render("error", layout.frame(language, title, messages.get(language, "server.name"),
                "/", null), new View(title, PageLayout.paragraphs(messages.get(language, "page.honeypot.body")),
                new PageLayout.Link(back, messages.get(language, "page.honeypot.back")),
                urgent.forRefusal(ctx, language).orElse(null))));
    }

    void serverError(Context ctx) {
        show(ctx, 500, "server-error");
    }

    void badRequest(Context ctx) {
        show(ctx, 400, "bad-request");
    }

    /** A request refused for what it is (see {@link RequestFaults}): 408, 413, or 400 for the rest. */
    void refused(Context ctx, int status) {
        switch (status) {
            case 408 -> show(ctx, 408, "timeout");
            case 413 -> tooLarge(ctx);
            default -> show(ctx, status >= 400 && status < 500 ? status : 400, "malformed");
        }
    }

    /** {@code page.<key>.title} as heading, {@code page.<key>.body} as text. */
    void show(Context ctx, int status, String key) {
        show(ctx, status, key, messages.get(RequestLanguage.of(ctx), "page." + key + ".body"));
    }

    /** As {@link #show(Context, int, String)}, with the page's text given ({@code body}, in the request's language). */
    private void show(Context ctx, int status, String key, String text) {
        String language = RequestLanguage.of(ctx);
        if (wantsJson(ctx)) {
            Responses.json(ctx, status, json(language, status, key, text, urgent.forRefusal(ctx, language)));
            return;
        }
        Responses.html(ctx, status, html(language, key, text, RequestLanguage.toggleHref(ctx, language),
                urgent.forRefusal(ctx, language).orElse(null)));
    }

    /**
     * The view of {@code server/error.ftl}; {@code urgent} is an incident form's guidance, or null;
     * {@code typed} is what a signed-out member of staff had typed, shown for copying (empty for none).
     */
    record View(String title, java.util.List<String> paragraphs, PageLayout.Link link, UrgentGuidance.Guidance urgent,
                java.util.List<String> typed, String typedLabel) {
        View(String title, java.util.List<String> paragraphs, PageLayout.Link link, UrgentGuidance.Guidance urgent) {
            this(title, paragraphs, link, urgent, java.util.List.of(), "");
        }
    }

    /**
     * A staff post whose session has ended (signed out elsewhere, or idle too long): 403 with the true
     * reason, what was typed ({@code typed}, each text shown for copying) and a link to sign in again
     * that comes back to {@code returnTo}. Never "your account does not give you access".
     */
    void signedOut(Context ctx, java.util.List<String> typed, String returnTo) {
        String language = RequestLanguage.of(ctx);
        ctx.header("Cache-Control", "no-store");
        String title = messages.get(language, "page.signed-out.title");
        String body = messages.get(language, typed.isEmpty() ? "page.signed-out.body" : "page.signed-out.body-typed");
        Responses.html(ctx, 403, layout.render("error", layout.frame(language, title, messages.get(language, "server.name"),
                "/", null), new View(title, PageLayout.paragraphs(body), new PageLayout.Link(
                "/staff/login?lang=" + language + ReturnPath.parameter(ReturnPath.of(returnTo)),
                messages.get(language, "page.signed-out.sign-in")), null, typed,
                messages.get(language, "page.signed-out.typed"))));
    }

    private String html(String language, String key, String text, String toggleHref, UrgentGuidance.Guidance guidance) {
        String title = messages.get(language, "page." + key + ".title");
        return layout.render("error", layout.frame(language, title, messages.get(language, "server.name"), "/", toggleHref),
                new View(title, PageLayout.paragraphs(text), null, guidance));
    }

    /**
     * Jetty's own refusal of a request that never reached Javalin ({@link JettyErrorPage}): the page
     * for {@code page.<key>}, or for a script the same JSON object {@link #show} writes, each with an
     * incident form's urgent guidance when {@code path} is one's, so that no refused report leaves its
     * reporter without it.
     *
     * @param json whether the request came from a script ({@link #wantsJson(String, String)})
     * @return the body, HTML or JSON as {@code json} says
     */
    String refusedBeforeRouting(String language, String key, int status, String path, boolean json) {
        Optional<UrgentGuidance.Guidance> guidance = urgent.forRefusal(path, language);
        if (!json) {
            return html(language, key, messages.get(language, "page." + key + ".body"), null, guidance.orElse(null));
        }
        return json(language, status, key, messages.get(language, "page." + key + ".body"), guidance);
    }

    /** {@code {"status", "error", "title", "message"}} and, for an incident form's address, {@code "urgent"}. */
    private String json(String language, int status, String key, String text, Optional<UrgentGuidance.Guidance> guidance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", key);
        body.put("title", messages.get(language, "page." + key + ".title"));
        body.put("message", text);
        guidance.ifPresent(found -> body.put("urgent", found));
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A script, not a browser: it sent JSON, or asks for JSON and not HTML. */
    static boolean wantsJson(Context ctx) {
        return wantsJson(ctx.header("Content-Type"), ctx.header("Accept"));
    }

    /** As {@link #wantsJson(Context)}, from the two headers (null when absent). */
    static boolean wantsJson(String contentType, String accept) {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return true;
        }
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }
}
