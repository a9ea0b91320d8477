package org.polisi.forms.web;

import io.javalin.http.Context;

/**
 * The client's address for rate limiting: the request's remote address, which behind a trusted proxy
 * Jetty has already set to the right-most untrusted X-Forwarded-For entry ({@link TrustedProxies}).
 */
final class ClientAddress {

    String of(Context ctx) {
        return ctx.req().getRemoteAddr();
    }
}
