package org.polisi.forms.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.polisi.forms.intake.BodyLimits;
import org.polisi.forms.intake.SubmissionRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks made before any POST reaches a handler: where it comes from, how big it is, and (for
 * the public forms and the login) how often this client has posted lately.
 */
final class RequestGuards {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuards.class);

    private final OriginPolicy origins;
    private final BodyLimits bodyLimits;
    private final SubmissionRateLimiter submissionLimiter;
    private final SubmissionRateLimiter loginLimiter;
    private final ClientAddress clients;
    private final ErrorPages errors;

    RequestGuards(OriginPolicy origins, BodyLimits bodyLimits, SubmissionRateLimiter submissionLimiter,
                  SubmissionRateLimiter loginLimiter, ClientAddress clients, ErrorPages errors) {
        this.origins = origins;
        this.bodyLimits = bodyLimits;
        this.submissionLimiter = submissionLimiter;
        this.loginLimiter = loginLimiter;
        this.clients = clients;
        this.errors = errors;
    }

    void check(Context ctx) {
        if (ctx.method() != HandlerType.POST) {
            return;
        }
        if (!origins.allows(ctx.header("Origin"), ctx.header("Referer"), ctx.header("Host"))) {
            LOG.warn("Refused a POST to {} from foreign origin {}", ctx.path(),
                    ctx.header("Origin") != null ? ctx.header("Origin") : ctx.header("Referer"));
            refuse(ctx, () -> errors.foreignOrigin(ctx));
            return;
        }
        if (ctx.contentLength() > bodyLimits.forPath(ctx.path())) {
            LOG.warn("Refused a POST to {}: body of {} bytes is over the limit", ctx.path(), ctx.contentLength());
            discardBody(ctx);
            refuse(ctx, () -> errors.tooLarge(ctx));
            return;
        }
        SubmissionRateLimiter limiter = ctx.path().startsWith("/forms/") ? submissionLimiter
                : ctx.path().equals("/staff/login") ? loginLimiter : null;
        if (limiter != null) {
            String client = clients.of(ctx);
            if (!limiter.tryAcquire(client)) {
                LOG.warn("Refused a POST to {}: too many from one client in a short time", ctx.path());
                refuse(ctx, () -> errors.tooMany(ctx, limiter.secondsUntilAllowed(client)));
            }
        }
    }

    private static void refuse(Context ctx, Runnable page) {
        page.run();
        ctx.skipRemainingHandlers();
    }

    /** Most a refused body is read for: enough for a form pasted too long, not for an upload. */
    private static final long DISCARD_LIMIT_BYTES = 1024 * 1024;

    /**
     * Reads and drops a refused body (up to a bound) before answering: a client still sending
     * when the server closes the connection sees a reset instead of the 413 page that explains.
     */
    private static void discardBody(Context ctx) {
        try (java.io.InputStream body = ctx.req().getInputStream()) {
            body.skipNBytes(Math.min(Math.max(ctx.contentLength(), 0), DISCARD_LIMIT_BYTES));
        } catch (java.io.IOException e) {
            LOG.debug("The refused body could not be read to the end: {}", e.getMessage());
        }
    }
}
