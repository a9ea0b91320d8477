package org.polisi.forms.web;

import io.javalin.http.Context;

/** Every text response states its charset. */
final class Responses {

    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    static final String CSV = "text/csv; charset=utf-8";

    private Responses() {
    }

    /**
     * Whether the request is a HEAD (RFC 9110 §9.3.2): the same status and headers as its GET, no body
     * sent, so nothing is recorded as read or downloaded (tester 3's fault 17).
     */
    static boolean headOnly(Context ctx) {
        return io.javalin.http.HandlerType.HEAD.name().equals(ctx.req().getMethod());
    }

    static void html(Context ctx, int status, String html) {
        ctx.status(status).contentType(HTML).result(html);
    }

    static void json(Context ctx, int status, String json) {
        ctx.status(status).contentType(JSON).result(json);
    }

    static void seeOther(Context ctx, String location) {
        ctx.status(303).header("Location", location).result("");
    }
}
