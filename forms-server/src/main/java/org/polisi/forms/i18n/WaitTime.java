package org.polisi.forms.i18n;

import java.time.Duration;

/**
 * How long a throttled client must wait (a sign-in backing off, a client sending too many forms),
 * rounded once for everyone who is told: the page, the log and the {@code Retry-After} header
 * (RFC 9110 §10.2.3) all come from this value, so they agree and none says less than the truth. The wait is rounded up to whole seconds; under a minute it is
 * told in seconds, from a minute on in whole minutes rounded up, and then {@link #seconds()} is
 * those whole minutes too: a page saying "2 minutes" never sends {@code Retry-After: 66} (a
 * tester's fault), so the header, the page and the log tell one number.
 *
 * @param seconds the wait in whole seconds, at least 1
 */
public record WaitTime(long seconds) {

    public WaitTime {
        if (seconds < 1) {
            throw new IllegalArgumentException("a wait is at least one second, not " + seconds);
        }
    }

    /**
     * The wait for a duration: rounded up to whole seconds, and at least one; from a minute on,
     * rounded up to whole minutes (in seconds: a multiple of 60).
     */
    public static WaitTime of(Duration wait) {
        long whole = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return new WaitTime(whole >= 60 ? (whole + 59) / 60 * 60 : whole);
    }

    /** True when the wait is told in minutes (a minute or more), else in seconds. */
    public boolean inMinutes() {
        return seconds >= 60;
    }

    /** The number told: seconds under a minute, else minutes rounded up. */
    public long amount() {
        return inMinutes() ? (seconds + 59) / 60 : seconds;
    }

    /** The unit told, and the name of the message argument that counts it: {@code minutes} or {@code seconds}. */
    public String unit() {
        return inMinutes() ? "minutes" : "seconds";
    }

    /**
     * The message that tells this wait: {@code base} counts {@code minutes}, {@code base.seconds}
     * counts {@code seconds} (each with its own plurals in each language).
     */
    public String messageKey(String base) {
        return inMinutes() ? base : base + ".seconds";
    }

    /** The message's argument: {@code minutes} or {@code seconds}, the {@link #amount()}. */
    public java.util.Map<String, Object> messageArguments() {
        return java.util.Map.of(unit(), amount());
    }

    /** The wait as the log says it, in the words the English page uses: "1 minute", "45 seconds". */
    @Override
    public String toString() {
        long amount = amount();
        return amount + " " + (inMinutes() ? (amount == 1 ? "minute" : "minutes") : (amount == 1 ? "second" : "seconds"));
    }
}
