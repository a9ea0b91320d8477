package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.polisi.forms.i18n.Language;
import org.polisi.forms.i18n.Messages;

/**
 * The language of a page the server writes: the language of the form a post came from, once read
 * ({@link #fromForm}), else asked for ({@code ?lang=cy}), else the site path's language
 * ({@code /<school>/cy/…}), else the browser's preference, else English. So every refusal of a form
 * post (400, 404, 413, 422, 429) is in the language the person was reading.
 */
final class RequestLanguage {

    private RequestLanguage() {
    }

    /** The request attribute holding the language of the form a post came from. */
    private static final String FORM_LANGUAGE = RequestLanguage.class.getName() + ".form";

    /**
     * Records that this request is a post of a form in {@code language} (its {@code form-lang}, or
     * the check page's language), so the pages answering it are in that language; a value that is
     * not a language the server speaks is ignored.
     */
    static void fromForm(Context ctx, String language) {
        if (language != null && Language.of(language).isPresent()) {
            ctx.attribute(FORM_LANGUAGE, language);
        }
    }

    static String of(Context ctx) {
        String form = ctx.attribute(FORM_LANGUAGE);
        if (form != null) {
            return form;
        }
        String asked;
        try {
            asked = ctx.queryParam("lang");
        } catch (RuntimeException undecodable) { // a query or charset Javalin cannot decode
            asked = null;
        }
        if (asked != null && Language.of(asked).isPresent()) {
            return asked;
        }
        String[] segments = ctx.path().split("/");
        if (segments.length > 2 && Language.of(segments[2]).isPresent()) {
            return segments[2];
        }
        Optional<String> page = formPageLanguage(ctx);
        if (page.isPresent()) {
            return page.get();
        }
        String accept = ctx.header("Accept-Language");
        if (accept != null && accept.toLowerCase(Locale.ROOT).strip().startsWith("cy")) {
            return Messages.WELSH;
        }
        return Messages.ENGLISH;
    }

    /**
     * For a post to a form ({@code /forms/…}) refused before its body is read: the language of the
     * page it was sent from, {@code /<school>/<language>/…} in its {@code Referer} (sent for this
     * site's own pages: Referrer-Policy same-origin), so the refusal is in the form's language.
     */
    private static Optional<String> formPageLanguage(Context ctx) {
        String referer = ctx.header("Referer");
        if (!ctx.path().startsWith("/forms/") || referer == null) {
            return Optional.empty();
        }
        try {
            String path = java.net.URI.create(referer).getRawPath();
            String[] segments = path == null ? new String[0] : path.split("/");
            return segments.length > 2 ? Language.of(segments[2]).map(found -> segments[2]) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The current page with {@code lang} set to the other language, for the language toggle: a
     * query-only relative reference ({@code ?lang=cy&…}, RFC 3986 §4.2), which a browser resolves
     * against the page's own address, so a request path such as {@code //evil.example/x} can never
     * make the toggle point at another site. A query that cannot be decoded is left out.
     */
    static String toggleHref(Context ctx, String language) {
        StringBuilder href = new StringBuilder("?lang=").append(Messages.other(language));
        try {
            ctx.queryParamMap().forEach((name, values) -> {
                // a "next" that would not be followed is not carried either (ReturnPath)
                if (!name.equals("lang") && !(name.equals(ReturnPath.PARAMETER) && values.stream()
                        .anyMatch(value -> ReturnPath.of(value).isEmpty()))) {
                    values.forEach(value -> href.append('&').append(encode(name)).append('=').append(encode(value)));
                }
            });
        } catch (RuntimeException undecodable) {
            return "?lang=" + Messages.other(language);
        }
        return href.toString();
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
