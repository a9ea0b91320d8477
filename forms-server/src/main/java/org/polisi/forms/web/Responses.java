package org.polisi.forms.web;

import io.javalin.http.Context;

/** Every text response states its charset. */
final class Responses {

    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    static final String CSV = "text/csv; charset=utf-8";

    private Responses() {
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
