package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.Locale;
import org.polisi.forms.i18n.Language;
import org.polisi.forms.i18n.Messages;

/**
 * The language of a page the server writes: asked for ({@code ?lang=cy}), else the site path's
 * language ({@code /<school>/cy/…}), else the browser's preference, else English.
 */
final class RequestLanguage {

    private RequestLanguage() {
    }

    static String of(Context ctx) {
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
        String accept = ctx.header("Accept-Language");
        if (accept != null && accept.toLowerCase(Locale.ROOT).strip().startsWith("cy")) {
            return Messages.WELSH;
        }
        return Messages.ENGLISH;
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
