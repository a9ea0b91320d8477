package org.polisi.forms.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;

/**
 * Tells a request the client got wrong from a fault of the server: an exception raised while
 * reading the request (its path's escapes, its charset, its JSON, a body that stopped arriving) is
 * the client's, and gets a 4xx; anything else is the server's, and gets a 500 (RFC 9110 §15.5).
 */
final class RequestFaults {

    /** A refusal: the status to answer and a short reason for the one log line. */
    record Refusal(int status, String reason) {
    }

    private RequestFaults() {
    }

    /** The refusal for an exception raised by a bad request, or empty when the server is at fault. */
    static Optional<Refusal> of(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return Optional.of(new Refusal(408, "the body did not arrive in time"));
            }
            if (cause instanceof BadMessageException bad) {
                int code = bad.getCode();
                return Optional.of(new Refusal(code >= 400 && code < 500 ? code : 400, "malformed: " + bad.getReason()));
            }
            if (cause instanceof EofException) {
                return Optional.of(new Refusal(400, "its body ended before it was complete (the connection closed early, or its chunked framing was broken)"));
            }
            if (cause instanceof UnsupportedCharsetException || cause instanceof IllegalCharsetNameException) {
                return Optional.of(new Refusal(400, "unsupported charset " + cause.getMessage()));
            }
            if (cause instanceof JsonProcessingException json) {
                return Optional.of(new Refusal(400, "malformed JSON: " + json.getOriginalMessage()));
            }
            if (cause instanceof RuntimeException && thrownWhileParsing(cause)) {
                return Optional.of(new Refusal(400, "malformed: " + cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    /**
     * Thrown while Javalin decoded the request (its path parameters, query, charset or form body),
     * or an IllegalArgumentException from a JDK decoder (URLDecoder, URI, Charset) called from there:
     * the first frame outside the JDK and Kotlin is Javalin's request reading, not our code.
     */
    private static boolean thrownWhileParsing(Throwable cause) {
        StackTraceElement[] frames = cause.getStackTrace();
        for (StackTraceElement frame : frames) {
            String where = frame.getClassName();
            if (where.startsWith("java.") || where.startsWith("kotlin.") || where.startsWith("jdk.")
                    || where.startsWith("sun.")) {
                continue;
            }
            return where.startsWith("io.javalin.http.") || where.startsWith("io.javalin.router.")
                    || (cause instanceof IllegalArgumentException && where.startsWith("org.eclipse.jetty."));
        }
        return false;
    }
}
