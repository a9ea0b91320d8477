package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A request whose method is none that any route of this server answers ({@code PROPFIND},
 * {@code QUERY}, {@code get} in lower case, any other token: RFC 9110 §9.1 makes methods
 * case-sensitive and open-ended) reaches Javalin as a {@code PUT}, which no route takes: so it gets
 * what every method a path does not take gets from {@link Routes}, 405 with {@code Allow} where the
 * path exists and 404 where it does not (Javalin alone answers 404 to any token it has no handler
 * for, which says a page is missing when it is the method that is wrong). The method as sent is kept
 * for the log line ({@link #asSent}).
 */
final class UnroutedMethods extends Handler.Wrapper {

    /** The methods {@link Routes} registers a handler for, on every path. */
    static final Set<String> ROUTED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
    private static final String AS_SENT = UnroutedMethods.class.getName() + ".method";
    private static final String STAND_IN = "PUT";

    UnroutedMethods(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (ROUTED.contains(method)) {
            return super.handle(request, response, callback);
        }
        request.setAttribute(AS_SENT, method);
        return super.handle(new Request.Wrapper(request) {
            @Override
            public String getMethod() {
                return STAND_IN;
            }
        }, response, callback);
    }

    /** The request's method as its request line gave it (not the stand-in), for log lines. */
    static String asSent(Context ctx) {
        Object sent = ctx.req().getAttribute(AS_SENT);
        return sent instanceof String method ? method : ctx.req().getMethod();
    }
}
