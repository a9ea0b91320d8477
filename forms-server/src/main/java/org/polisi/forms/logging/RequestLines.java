package org.polisi.forms.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Counts the log lines written while one request is answered, on the thread that answers it, so
 * that the request's last step can write the one line a refused request must have when nothing
 * else wrote it, and none when something did (issue 23: every refused request gets exactly one log
 * line). A line that {@link RepeatedLineFilter} leaves out still counts: the request did say it.
 *
 * <p>{@link #install()} puts the counter first among logback's turbo filters, whatever the
 * configuration file says, so it sees every line before a filter can drop it.
 */
public final class RequestLines extends TurboFilter {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

    /** Starts counting on this thread (a request begins). */
    public static void begin() {
        COUNT.set(new int[1]);
    }

    /**
     * Stops counting on this thread (the request is answered).
     *
     * @return the lines logged since {@link #begin()} on this thread, or -1 when it was not counting
     */
    public static int end() {
        int[] count = COUNT.get();
        COUNT.remove();
        return count == null ? -1 : count[0];
    }

    /** Registers the counter with logback (once), ahead of every other turbo filter; does nothing under another logger. */
    public static synchronized void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        if (context.getTurboFilterList().stream().anyMatch(RequestLines.class::isInstance)) {
            return;
        }
        RequestLines counter = new RequestLines();
        counter.setName("request-lines");
        counter.setContext(context);
        counter.start();
        context.getTurboFilterList().add(0, counter);
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
        int[] count = COUNT.get();
        if (count != null && format != null && level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            count[0]++;
        }
        return FilterReply.NEUTRAL;
    }
}
