package org.polisi.forms.web;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log line for a connection the server closed before any request on it was answered (past the
 * per-address connection limit, or a request head past its deadline), at most one per client
 * address and reason a minute: a client opening thousands of connections gets one line a minute,
 * which says how many more were closed since the last one. Memory is bounded: the record of an
 * address is dropped once its minute is over and the table holds more than {@value #MAX_ADDRESSES}.
 */
final class ConnectionRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRefusals.class);
    private static final long PERIOD_NANOS = Duration.ofMinutes(1).toNanos();
    static final int MAX_ADDRESSES = 10_000;

    private record Key(InetAddress address, String reason) {
    }

    /** A minute of refusals of one key: when it began and how many were not logged. */
    private static final class Window {
        final long startNanos;
        int unlogged; // changed only inside the map's compute, under its lock for the key

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    private final ConcurrentHashMap<Key, Window> windows = new ConcurrentHashMap<>();

    /**
     * Logs that a connection from {@code address} was closed, unless one like it was logged in the
     * last minute (then it is only counted, and the next line says how many).
     *
     * @param address the client's address (the socket's peer)
     * @param reason  why, in a few words without request data (it is logged as is)
     */
    void closed(InetAddress address, String reason) {
        long now = System.nanoTime();
        int[] logWithSkipped = {-1};
        windows.compute(new Key(address, reason), (key, window) -> {
            if (window != null && now - window.startNanos < PERIOD_NANOS) {
                window.unlogged++;
                return window;
            }
            logWithSkipped[0] = window == null ? 0 : window.unlogged;
            return new Window(now);
        });
        if (logWithSkipped[0] > 0) {
            LOG.warn("Closed a connection from {}: {} ({} more from it in the minute before, not logged)",
                    address.getHostAddress(), reason, logWithSkipped[0]);
        } else if (logWithSkipped[0] == 0) {
            LOG.warn("Closed a connection from {}: {}", address.getHostAddress(), reason);
        }
        if (windows.size() > MAX_ADDRESSES) {
            windows.entrySet().removeIf(entry -> now - entry.getValue().startNanos >= PERIOD_NANOS);
        }
    }
}
