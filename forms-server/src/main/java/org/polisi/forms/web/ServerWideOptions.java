package org.polisi.forms.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code OPTIONS *} asks about the server as a whole, not a path (RFC 9110 §9.3.7), so it never
 * reaches a route: answered here with 204, the methods some path takes in {@code Allow}, the
 * security headers, and one log line, like {@code OPTIONS} to any path ({@link Routes}).
 */
final class ServerWideOptions extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWideOptions.class);
    static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    private final SecurityHeaders headers;

    ServerWideOptions(Handler handler, SecurityHeaders headers) {
        super(handler);
        this.headers = headers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!"OPTIONS".equals(request.getMethod()) || !"*".equals(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        LOG.info("Answered OPTIONS *: the server allows {}", ALLOW);
        headers.apply("*", (name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.ALLOW, ALLOW);
        response.setStatus(204);
        response.write(true, org.eclipse.jetty.util.BufferUtil.EMPTY_BUFFER, callback);
        return true;
    }
}
