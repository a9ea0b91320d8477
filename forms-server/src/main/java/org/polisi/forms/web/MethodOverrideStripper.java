package org.polisi.forms.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Removes the {@code X-HTTP-Method-Override} family of headers before Javalin sees a request:
 * Javalin routes a POST carrying {@code X-HTTP-Method-Override: DELETE} as a DELETE, which lets a
 * cross-site form (which can only POST) reach any other method. A request's method is its request
 * line's (RFC 9110 §9.1), nothing else. First, it lets {@link ServerWideOptions} answer {@code OPTIONS *}.
 */
final class MethodOverrideStripper extends Handler.Wrapper {

    static final String[] HEADERS = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"};

    private final SecurityHeaders securityHeaders;

    MethodOverrideStripper(Handler handler, SecurityHeaders securityHeaders) {
        super(handler);
        this.securityHeaders = securityHeaders;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (ServerWideOptions.answered(request, response, callback, securityHeaders)) {
            return true; // OPTIONS *: about the server, not a path
        }
        HttpFields fields = request.getHeaders();
        boolean present = false;
        for (String header : HEADERS) {
            present |= fields.contains(header);
        }
        if (!present) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable stripped = HttpFields.build(fields);
        for (String header : HEADERS) {
            stripped.remove(header);
        }
        HttpFields without = stripped.asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return without;
            }
        }, response, callback);
    }
}
