package org.polisi.forms.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.polisi.forms.logging.LogText;
import org.polisi.forms.logging.RequestLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly one log line for every refused request (issue 23): a handler, guard or service that
 * refuses says why in its own line; when none did (a path that does not exist, a page the role may
 * not open, a form post with errors), the request's last step writes {@code Refused GET /x with
 * 404}. Lines are counted per request by {@link RequestLines}; requests Jetty refuses before
 * Javalin sees them get their one line from {@link JettyErrorPage}. Method and path are escaped,
 * and the query is left out (it may carry a reference or a name).
 */
public final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    private RefusalLog() {
    }

    /** Counts each request's lines and adds the missing one; call inside {@code Javalin.create}. */
    public static void apply(JavalinConfig javalin) {
        RequestLines.install();
        javalin.requestLogger.http((ctx, milliseconds) -> answered(ctx));
    }

    private static void answered(Context ctx) {
        int lines = RequestLines.end();
        int status = ctx.statusCode();
        if (status < 400 || lines > 0) {
            return;
        }
        String method = LogText.escape(UnroutedMethods.asSent(ctx));
        String path = LogText.escape(ctx.path());
        if (status >= 500) {
            LOG.error("Answered {} {} with {}", method, path, status);
        } else if (status == 404 || status == 405) {
            LOG.info("Refused {} {} with {}", method, path, status);
        } else {
            LOG.warn("Refused {} {} with {}", method, path, status);
        }
    }
}
