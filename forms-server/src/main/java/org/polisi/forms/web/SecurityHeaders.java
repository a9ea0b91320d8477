package org.polisi.forms.web;

import io.javalin.http.Context;

/**
 * Headers on every response. The Content-Security-Policy allows no inline script and no script
 * from elsewhere, no framing ({@code frame-ancestors 'none'}), and forms that post only here.
 * Anything that may show personal data (the forms endpoint, staff pages) is never cached.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final boolean behindHttps;

    SecurityHeaders(boolean behindHttps) {
        this.behindHttps = behindHttps;
    }

    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (behindHttps) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (isPersonal(ctx.path())) {
            noStore(ctx);
        }
    }

    static boolean isPersonal(String path) {
        return path.startsWith("/forms/") || path.startsWith("/staff");
    }

    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }
}
