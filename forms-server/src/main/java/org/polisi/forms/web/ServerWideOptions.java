package org.polisi.forms.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code OPTIONS *} asks about the server as a whole, not a path (RFC 9110 §9.3.7), so it never
 * reaches a route: answered before routing ({@link MethodOverrideStripper} asks here first) with
 * 204, the methods some path takes in {@code Allow}, the security headers, and one log line, like
 * {@code OPTIONS} to any path ({@link Routes}). (A handler of its own in Jetty's chain made the
 * server's graceful stop time out with slow clients connected, so it is not one.)
 */
final class ServerWideOptions {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWideOptions.class);
    static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    private ServerWideOptions() {
    }

    /** Answers the request when it is {@code OPTIONS *}; false (nothing sent) for any other. */
    static boolean answered(Request request, Response response, Callback callback, SecurityHeaders headers) {
        if (!"OPTIONS".equals(request.getMethod()) || !"*".equals(request.getHttpURI().getPath())) {
            return false;
        }
        LOG.info("Answered OPTIONS *: the server allows {}", ALLOW);
        headers.apply("*", (name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.ALLOW, ALLOW);
        response.setStatus(204);
        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
        return true;
    }
}
