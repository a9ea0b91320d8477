package org.polisi.forms.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.logging.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page Jetty itself answers with when a request never reaches Javalin (a path Jetty will not
 * route, such as {@code /a/%2e%2e/b}, a header line it cannot parse, a header block too large):
 * the server's own error page in the request's language, with the same security headers as every
 * other response, no stack trace, no Jetty version, and one log line.
 */
final class JettyErrorPage extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JettyErrorPage.class);

    private final ErrorPages pages;
    private final SecurityHeaders headers;

    JettyErrorPage(ErrorPages pages, SecurityHeaders headers) {
        this.pages = pages;
        this.headers = headers;
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        if (status == 505) {
            status = 400; // a mangled version in the request line is the client's error, not the server's
            response.setStatus(status);
        }
        String path = request.getHttpURI() == null ? "?" : request.getHttpURI().getPath();
        Object message = request.getAttribute(ERROR_MESSAGE);
        if (status >= 500 && clientWentAway(request.getAttribute(ERROR_EXCEPTION), message)) {
            status = 408; // the client stopped sending (half a header block, then silence): not the server's fault
            response.setStatus(status);
        }
        String asked = asked(request, path);
        if (status >= 500) {
            LOG.error("Jetty answered {} with {}: {}", asked, status, reason(status, message));
        } else {
            LOG.warn("Refused {} with {}: {}", asked, status, reason(status, message));
        }
        headers.apply(path, (name, value) -> response.getHeaders().put(name, value));
        String key = switch (status) {
            case 404 -> "not-found";
            case 408 -> "timeout";
            case 413, 431 -> "too-large";
            case 429 -> "too-many";
            default -> status >= 500 ? "server-error" : "malformed";
        };
        boolean json = ErrorPages.wantsJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                request.getHeaders().get(HttpHeader.ACCEPT));
        // a refused post to an incident form carries what to do now, as every other refusal of one does
        String body = pages.refusedBeforeRouting(language(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)), key,
                status, path, json);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, json ? Responses.JSON : Responses.HTML);
        if ("HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.write(true, BufferUtil.toBuffer(body, StandardCharsets.UTF_8), callback);
        return true;
    }

    /**
     * Whether Jetty gave up because the client stopped sending or closed the connection mid-request
     * (an {@link org.eclipse.jetty.io.EofException} or an idle timeout, as the cause or in its message).
     */
    static boolean clientWentAway(Object cause, Object message) {
        for (Object found = cause; found instanceof Throwable thrown; found = thrown.getCause()) {
            if (thrown instanceof org.eclipse.jetty.io.EofException || thrown instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (thrown.getCause() == thrown) {
                break;
            }
        }
        String text = String.valueOf(message);
        return text.contains("EofException") || text.contains("TimeoutException");
    }

    /**
     * The method and path the client asked for, escaped for the log. When Jetty could not read the
     * request it names it with a path of its own ({@code /badMessage}, {@code /badRequest}), which no
     * client asked for: then the request line as far as it arrived, or "request not read".
     */
    private static String asked(Request request, String path) {
        String method = request.getMethod();
        if (!"/badMessage".equals(path) && !"/badRequest".equals(path) && !"BAD".equals(method)) {
            return LogText.escape(method) + " " + LogText.escape(path);
        }
        String line = RequestLineConnectionFactory.requestLine(request).orElse("").strip();
        if (line.isEmpty()) {
            return "a request not read";
        }
        String[] parts = line.split(" ", 3);
        String target = parts.length > 1 ? parts[1] : "";
        int query = target.indexOf('?');
        return LogText.escape(parts[0]) + (target.isEmpty() ? "" : " " + LogText.escape(query < 0 ? target
                : target.substring(0, query)));
    }

    /**
     * Why the request was refused, in plain words for the log: Jetty's own message where it says
     * something (escaped), never an exception's class name. A 408 is the client that stopped sending.
     */
    static String reason(int status, Object message) {
        String text = message == null ? "" : String.valueOf(message).strip();
        if (status == 408) {
            return "the client stopped sending before the request was complete";
        }
        if (text.isEmpty() || "null".equals(text) || text.contains("Exception")) {
            return switch (status) {
                case 413, 431 -> "the request's headers or body are too large";
                case 404 -> "no such address";
                default -> status >= 500 ? "the server could not answer it" : "the request could not be read";
            };
        }
        return LogText.escape(text);
    }

    private static String language(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("cy")
                ? Messages.WELSH : Messages.ENGLISH;
    }
}
