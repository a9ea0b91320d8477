package org.polisi.forms.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Counts the log lines written while one request is answered, on the thread that answers it, so
 * that the request's last step can write the one line a refused request must have when nothing
 * else wrote it, and none when something did (issue 23: every refused request gets exactly one log
 * line). A line that {@link RepeatedLineFilter} leaves out still counts: the request did say it.
 *
 * <p>{@link #install()} puts the counter in place of logback's turbo filters, whatever the
 * configuration file says, and the counter then asks those filters in their order: it sees every
 * line before a filter can drop it, and logback's list holds one filter. With two or more, logback
 * copies its list on every level check ({@code isDebugEnabled()}), which Jetty makes dozens of times
 * per request (issue 23's intake profile).
 */
public final class RequestLines extends TurboFilter {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

    /** The turbo filters configured before the counter was installed, asked after it, in order. */
    private final List<TurboFilter> configured;

    private RequestLines(List<TurboFilter> configured) {
        this.configured = List.copyOf(configured);
    }

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

    /**
     * Registers the counter with logback (once), in place of the turbo filters configured so far,
     * which it asks after counting; does nothing under another logger.
     */
    public static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            install(context);
        }
    }

    /** As {@link #install()}, into the given logback context. */
    static synchronized void install(LoggerContext context) {
        if (context.getTurboFilterList().stream().anyMatch(RequestLines.class::isInstance)) {
            return;
        }
        List<TurboFilter> configured = List.copyOf(context.getTurboFilterList());
        RequestLines counter = new RequestLines(configured);
        counter.setName("request-lines");
        counter.setContext(context);
        counter.start();
        context.getTurboFilterList().add(0, counter);
        context.getTurboFilterList().removeAll(configured);
    }

    /** Starts the filters it asks too (a test restarts every filter in logback's list to empty their windows). */
    @Override
    public void start() {
        configured.forEach(TurboFilter::start);
        super.start();
    }

    @Override
    public void stop() {
        configured.forEach(TurboFilter::stop);
        super.stop();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
        if (format != null) {   // a line; a level check (isDebugEnabled) comes without one
            int[] count = COUNT.get();
            if (count != null && level.isGreaterOrEqual(logger.getEffectiveLevel())) {
                count[0]++;
            }
        }
        for (TurboFilter filter : configured) {   // as logback asks its list: the first that decides
            FilterReply reply = filter.decide(marker, logger, level, format, params, thrown);
            if (reply != FilterReply.NEUTRAL) {
                return reply;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
