package org.polisi.forms.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.polisi.forms.i18n.WaitTime;
import org.polisi.forms.intake.BodyLimits;
import org.polisi.forms.intake.SubmissionRateLimiter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks made before any request reaches a handler: a body's declared charset must be one Java can
 * decode (any route but a form post, whose intake refuses it with the form's own message; refused
 * with 400 instead of failing half-way through parsing); and for a POST,
 * where it comes from, how big it is, and (for the public forms and the login) how often this
 * client has posted lately.
 */
final class RequestGuards {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuards.class);

    private final OriginPolicy origins;
    private final BodyLimits bodyLimits;
    private final SubmissionRateLimiter submissionLimiter;
    private final SubmissionRateLimiter loginLimiter;
    private final SubmissionRateLimiter draftLimiter;
    /** Form posts that are not forms at all, per client: counted apart from the submission limit (see {@link #countedAsJunk}). */
    private final SubmissionRateLimiter junkLimiter;
    private final ClientAddress clients;
    private final ErrorPages errors;
    private final PostedDrafts postedDrafts;
    /** The request attribute holding the key a form post was counted under by the submission limit. */
    private static final String COUNTED_AS = "polisi.submission-limit-key";
    /** The request attribute holding the wait of a form post let through over the limit (see {@link #overLimit}). */
    private static final String OVER_LIMIT = "polisi.submission-over-limit";

    /**
     * @param draftLimiter drafts one client may have kept in the window: without it, posting forms that
     *                     are refused (which the submission limit does not count) fills the database
     * @param junkLimiter  posts to a form's address that are not forms, per client (see {@link #countedAsJunk})
     */
    RequestGuards(OriginPolicy origins, BodyLimits bodyLimits, SubmissionRateLimiter submissionLimiter,
                  SubmissionRateLimiter loginLimiter, SubmissionRateLimiter draftLimiter,
                  SubmissionRateLimiter junkLimiter, ClientAddress clients, ErrorPages errors, PostedDrafts postedDrafts) {
        this.junkLimiter = junkLimiter;
        this.postedDrafts = postedDrafts;
        this.draftLimiter = draftLimiter;
        this.origins = origins;
        this.bodyLimits = bodyLimits;
        this.submissionLimiter = submissionLimiter;
        this.loginLimiter = loginLimiter;
        this.clients = clients;
        this.errors = errors;
    }

    void check(Context ctx) {
        if (isSubmission(ctx)) {
            checkPost(ctx); // a form post's charset is the intake's to judge: it names the form's own error
            return;
        }
        String charset = declaredCharset(ctx.header("Content-Type"));
        if (charset == null && !javalinReadsCharset(ctx)) {
            charset = "";
        }
        if (charset != null && !supported(charset)) {
            LOG.warn("Refused {} {} with 400: unsupported charset '{}' in Content-Type", ctx.req().getMethod(),
                    ctx.path(), charset);
            discardBody(ctx);
            refuse(ctx, () -> errors.refused(ctx, 400));
            return;
        }
        if (!HandlerType.POST.name().equals(ctx.req().getMethod())) {
            return;
        }
        checkPost(ctx);
    }

    private static boolean isSubmission(Context ctx) {
        return HandlerType.POST.name().equals(ctx.req().getMethod()) && ctx.path().startsWith("/forms/");
    }

    /** Where a POST comes from, how big it is, how often this client posts. */
    private void checkPost(Context ctx) {
        if (!origins.allows(ctx.header("Origin"), ctx.header("Referer"), ctx.header("Host"))) {
            LOG.warn("Refused a POST to {} from foreign origin {}", ctx.path(),
                    ctx.header("Origin") != null ? ctx.header("Origin") : ctx.header("Referer"));
            refuse(ctx, () -> errors.foreignOrigin(ctx));
            return;
        }
        // the long length: Javalin's int contentLength() is -1 past 2 GiB, which let a Content-Length of
        // 3,000,000,000 through to wait for a body that never came (408 after the idle timeout, not 413)
        long announced = ctx.req().getContentLengthLong();
        if (announced > bodyLimits.forPath(ctx.path())) {
            LOG.warn("Refused a POST to {}: body of {} bytes is over the limit", ctx.path(), announced);
            discardBody(ctx);
            refuse(ctx, () -> errors.tooLarge(ctx));
            return;
        }
        if (ctx.path().startsWith("/forms/")) {
            checkSubmissionLimit(ctx);
        } else if (ctx.path().equals("/staff/login") && !withinLimit(ctx, loginLimiter, clients.of(ctx), "")) {
            ctx.skipRemainingHandlers();
        }
    }

    /**
     * The per-client submission limit (docs/adr/0060): a post that names a live draft ("Send", or a
     * draft's page sent again) is counted under that draft, so that people behind one address do not
     * use up each other's allowance; any other under the client's address. Past the limit, the
     * answers are kept in a draft when the draft limit allows, and the 429 page links back to them.
     */
    private void checkSubmissionLimit(Context ctx) {
        String client = clients.of(ctx);
        String key = postedDrafts.liveDraft(ctx).map(draft -> client + " " + draft).orElse(client);
        if (submissionLimiter.tryAcquire(key)) {
            ctx.attribute(COUNTED_AS, key);
            return;
        }
        WaitTime wait = WaitTime.of(submissionLimiter.untilAllowed(key));
        if (PostedDrafts.isFormPost(ctx.path())) {
            // a form post (a page's or a script's): it is refused only if it would make a record and is not
            // an urgent report (SubmissionHandler asks overLimit); answers to correct or check are still
            // taken, so one address's flood stops no one else, and an urgent report is never held back
            ctx.attribute(OVER_LIMIT, wait);
            return;
        }
        refuseOverLimit(ctx, wait, postedDrafts.keepSend(ctx));
    }

    /**
     * The wait when this form post came over the per-client limit and was let through only to see
     * whether it records anything (docs/adr/0060); empty when it is within the limit.
     */
    Optional<WaitTime> overLimit(Context ctx) {
        return Optional.ofNullable(ctx.attribute(OVER_LIMIT));
    }

    /**
     * Refuses a form post over the limit that would make a record: its {@code parameters} kept in a
     * draft when the draft limit allows, and the 429 page linking back to them.
     */
    void refuseOverLimit(Context ctx, java.util.Map<String, java.util.List<String>> parameters) {
        WaitTime wait = overLimit(ctx).orElseThrow();
        refuseOverLimit(ctx, wait, ctx.isJson() ? Optional.empty()   // a script keeps its own copy: no draft page for it
                : postedDrafts.keep(ctx, parameters, () -> draftLimiter.tryAcquire(clients.of(ctx))));
    }

    /**
     * Moves a form post that turned out to be junk (neither a form post nor JSON, JSON that is not a
     * flat object, a form that does not exist) from the submission limit to the junk limit, so that
     * junk from an address never uses up the allowance of the people who send real forms from it
     * (a shared school or carrier address). True when it is within the junk limit; false when it is
     * over it, and then the 429 page has been sent with one log line.
     */
    boolean countedAsJunk(Context ctx) {
        notCountedAsSubmission(ctx);
        ctx.attribute(COUNTED_AS, null);
        return withinLimit(ctx, junkLimiter, clients.of(ctx), " posts that are not forms");
    }

    private void refuseOverLimit(Context ctx, WaitTime wait, Optional<String> kept) {
        LOG.warn("Refused a POST to {}: too many from one client in a short time; it must wait {}{}", ctx.path(), wait,
                kept.isPresent() ? "; its answers are kept in a draft" : "");
        errors.tooMany(ctx, wait, kept);
        ctx.skipRemainingHandlers();
    }

    /**
     * Hands back the attempt a form post was counted as by the per-client submission limit, for a
     * post the limit is not for: see {@link SubmissionHandler}. Only for a POST to {@code /forms/}
     * that passed {@link #check}.
     */
    void notCountedAsSubmission(Context ctx) {
        String key = ctx.attribute(COUNTED_AS);
        if (key != null) {   // a post let through over the limit was never counted
            submissionLimiter.release(key);
        }
    }

    /**
     * Whether this client may have one more draft kept (answers to correct or check, docs/adr/0052).
     * False when it has kept too many in the window: the 429 page has then been sent, with one log line.
     */
    boolean mayKeepDraft(Context ctx) {
        return withinLimit(ctx, draftLimiter, clients.of(ctx), " drafts");
    }

    /** Counts this post against {@code limiter} under {@code client}; past it, the 429 page and one log line, and false. */
    private boolean withinLimit(Context ctx, SubmissionRateLimiter limiter, String client, String what) {
        if (limiter.tryAcquire(client)) {
            return true;
        }
        WaitTime wait = WaitTime.of(limiter.untilAllowed(client));
        LOG.warn("Refused a POST to {}: too many{} from one client in a short time; it must wait {}", ctx.path(), what, wait);
        errors.tooMany(ctx, wait, Optional.empty());
        return false;
    }

    /**
     * The {@code charset} parameter of a Content-Type header (RFC 9110 §8.3.2), unquoted; null when
     * there is none; {@code ""} when a parameter starting with "charset" is not a well-formed
     * {@code charset=value} (which no charset supports, so the request is refused).
     */
    static String declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String found = null;
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (!trimmed.toLowerCase(java.util.Locale.ROOT).contains("charset")
                    && !trimmed.toUpperCase(java.util.Locale.ROOT).contains("CHARSET")) {
                continue;
            }
            if (found != null) {
                return ""; // two charsets: which one a parser takes is anyone's guess
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0 || !trimmed.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                return "";
            }
            String value = trimmed.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            found = value;
        }
        return found;
    }

    /** Javalin's own reading of the charset (it splits the header its own way) does not fail. */
    private static boolean javalinReadsCharset(Context ctx) {
        try {
            ctx.characterEncoding();
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static boolean supported(String charset) {
        try {
            return !charset.isEmpty() && java.nio.charset.Charset.isSupported(charset);
        } catch (java.nio.charset.IllegalCharsetNameException illegal) {
            return false;
        }
    }

    private static void refuse(Context ctx, Runnable page) {
        page.run();
        ctx.skipRemainingHandlers();
    }

    /** Most a refused body is read for: enough for a form pasted too long, not for an upload. */
    private static final long DISCARD_LIMIT_BYTES = 1024 * 1024;

    /**
     * Reads and drops a refused body of at most {@link #DISCARD_LIMIT_BYTES} before answering: a client
     * still sending when the server closes the connection sees a reset instead of the 413 page that
     * explains. A larger one is not read at all: the answer goes at once, and the connection is closed.
     */
    private static void discardBody(Context ctx) {
        long announced = ctx.req().getContentLengthLong();
        if (announced > DISCARD_LIMIT_BYTES) {   // answered at once; the connection is closed rather than read
            ctx.header("Connection", "close");
            return;
        }
        try (java.io.InputStream body = ctx.req().getInputStream()) {
            body.skipNBytes(Math.max(announced, 0));
        } catch (java.io.IOException e) {
            LOG.debug("The refused body could not be read to the end: {}", e.getMessage());
        }
    }
}
