package org.polisi.forms.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts recent submissions per client address, in memory only and for a few minutes only: no
 * address is ever written to the database, and a restart forgets them all.
 *
 * <p>An attempt is counted when it starts ({@link #tryAcquire}), so that a burst of simultaneous
 * posts cannot overshoot the limit; one that turns out not to be what the limit is for is handed
 * back with {@link #release} (for the public forms: a form re-shown with its errors, see
 * docs/forms.md, "Limits").
 */
public final class SubmissionRateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public SubmissionRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Records an attempt; false when the client has already made {@code limit} attempts within the window. */
    public boolean tryAcquire(String client) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        if (recent.size() > 10_000) {
            forgetOld(windowStart);
        }
        Deque<Instant> attempts = recent.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (attempts) {
            while (!attempts.isEmpty() && attempts.peekFirst().isBefore(windowStart)) {
                attempts.removeFirst();
            }
            if (attempts.size() >= limit) {
                return false;
            }
            attempts.addLast(now);
            return true;
        }
    }

    /**
     * Hands back the client's newest counted attempt: the request it stood for is not counted
     * after all. Nothing happens when the client has none in the window.
     */
    public void release(String client) {
        Deque<Instant> attempts = recent.get(client);
        if (attempts == null) {
            return;
        }
        synchronized (attempts) {
            attempts.pollLast();
        }
    }

    /** Seconds until the oldest attempt leaves the window: the Retry-After to send. */
    public Duration untilAllowed(String client) {
        Deque<Instant> attempts = recent.get(client);
        if (attempts == null) {
            return Duration.ZERO;
        }
        synchronized (attempts) {
            Instant oldest = attempts.peekFirst();
            return oldest == null ? Duration.ZERO : Duration.between(clock.instant(), oldest.plus(window));
        }
    }

    private void forgetOld(Instant windowStart) {
        recent.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().isEmpty() || entry.getValue().peekLast().isBefore(windowStart);
            }
        });
    }
}
