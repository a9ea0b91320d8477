package org.polisi.forms.web;

import io.javalin.http.Context;

/** The client's address for rate limiting: the socket's, or behind a trusted proxy the forwarded one. */
final class ClientAddress {

    private final boolean trustProxy;

    ClientAddress(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    String of(Context ctx) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
