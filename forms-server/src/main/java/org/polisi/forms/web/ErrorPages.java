package org.polisi.forms.web;

import io.javalin.http.Context;
import org.polisi.forms.i18n.Messages;

/**
 * The server's own error pages, in the language of the request, with the same frame as every
 * other page: not found, refused, too large, too many, server error.
 */
final class ErrorPages {

    private final Messages messages;
    private final PageLayout layout;

    ErrorPages(Messages messages, PageLayout layout) {
        this.messages = messages;
        this.layout = layout;
    }

    void notFound(Context ctx) {
        show(ctx, 404, "not-found");
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

    void tooMany(Context ctx, long retryAfterSeconds) {
        ctx.header("Retry-After", String.valueOf(retryAfterSeconds));
        show(ctx, 429, "too-many");
    }

    void serverError(Context ctx) {
        show(ctx, 500, "server-error");
    }

    void badRequest(Context ctx) {
        show(ctx, 400, "bad-request");
    }

    /** {@code page.<key>.title} as heading, {@code page.<key>.body} as text. */
    void show(Context ctx, int status, String key) {
        String language = RequestLanguage.of(ctx);
        PageLayout.Page page = layout.page(language, messages.get(language, "page." + key + ".title"),
                messages.get(language, "server.name"), "/", RequestLanguage.toggleHref(ctx, language));
        Html.text(page.main(), "h1", messages.get(language, "page." + key + ".title"));
        Html.paragraphs(page.main(), messages.get(language, "page." + key + ".body"));
        Responses.html(ctx, status, page.html());
    }
}
