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

    /**
     * For an SVG picture opened on its own (docs/adr/0097): an SVG is then a document of this origin,
     * so it runs in a sandbox (a unique origin: no cookies, no scripts, no forms, CSP Level 3
     * {@code sandbox}) and may fetch nothing; its inline styles (what drawing programs write) still
     * apply. The build publishes only SVGs with no script or reference (site check/SafeSvg): this is the second lock.
     */
    static final String SVG_CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "sandbox",
            "frame-ancestors 'none'");

    private final boolean behindHttps;

    SecurityHeaders(boolean behindHttps) {
        this.behindHttps = behindHttps;
    }

    void apply(Context ctx) {
        apply(ctx.path(), ctx::header);
    }

    /** The same headers through any setter: Jetty's own error pages ({@link JettyErrorPage}) use it. */
    void apply(String path, java.util.function.BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith(".svg")
                ? SVG_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "same-origin");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
        header.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (behindHttps) {
            header.accept("Strict-Transport-Security", "max-age=31536000");
        }
        if (path == null || isPersonal(path)) {
            header.accept("Cache-Control", "no-store");
            header.accept("Pragma", "no-cache");
        }
    }

    static boolean isPersonal(String path) {
        return path.startsWith("/forms/") || path.startsWith("/staff");
    }
}
