package org.polisi.forms.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Marker;

/**
 * Rate-limits repeated log lines, so that a client sending thousands of bad requests cannot fill
 * the disk: at most {@code allowedPerWindow} lines with the same message pattern (the text before
 * its arguments are filled in) in each window of {@code windowSeconds}; the first line of the next
 * window says how many were left out. Configured in {@code logback.xml}; logback's own
 * {@code DuplicateMessageFilter} silences a pattern for good once it has been seen a few times,
 * which would hide the next attack.
 */
public final class RepeatedLineFilter extends TurboFilter {

    private static final int MAX_PATTERNS = 1_000;

    private int allowedPerWindow = 20;
    private long windowMillis = 60_000;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public void setAllowedPerWindow(int allowedPerWindow) {
        this.allowedPerWindow = allowedPerWindow;
    }

    public void setWindowSeconds(int windowSeconds) {
        this.windowMillis = windowSeconds * 1000L;
    }

    /** Starts with every window empty (logback calls it once configured; a restart forgets the counts). */
    @Override
    public void start() {
        windows.clear();
        super.start();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable thrown) {
        if (!isStarted() || format == null || !logger.isEnabledFor(level)) {
            return FilterReply.NEUTRAL;
        }
        if (windows.size() > MAX_PATTERNS) {
            windows.clear();
        }
        long now = System.currentTimeMillis();
        Window window = windows.computeIfAbsent(logger.getName() + '\u0000' + format, key -> new Window(now));
        long start = window.start.get();
        if (now - start >= windowMillis && window.start.compareAndSet(start, now)) {
            int suppressed = window.count.getAndSet(0) - allowedPerWindow;
            if (suppressed > 0) {
                logger.warn("{} more log lines like the next one were left out in the last {} s", suppressed,
                        (now - start) / 1000);
            }
        }
        return window.count.incrementAndGet() <= allowedPerWindow ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    private static final class Window {
        final AtomicLong start;
        final AtomicInteger count = new AtomicInteger();

        Window(long start) {
            this.start = new AtomicLong(start);
        }
    }
}
