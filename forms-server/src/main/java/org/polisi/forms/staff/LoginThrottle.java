package org.polisi.forms.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Exponential back-off after failed sign-ins (OWASP ASVS 5.0 V6 (Authentication), NIST SP 800-63B §5.2.2), kept
 * in the database so a restart does not reset it. Each subject (a client address, or an account
 * name as typed) has {@code freeFailures} failures free; each failure after those blocks the subject
 * for {@code firstDelay} doubled per further failure, up to {@code maxDelay}. A success clears the
 * subject; failures older than a day are forgotten.
 *
 * <p>Instances behind one load balancer share the counters through the database; on PostgreSQL a
 * failure is counted under a transaction-level advisory lock on the subject, so failures counted
 * at the same moment by two instances are both counted.
 *
 * <p>The account subject is keyed by the name typed, whether or not it is an account, so that
 * what an attacker sees never depends on whether an address belongs to staff.
 */
public final class LoginThrottle {

    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;

    /** A subject's state after a failure: whether this failure started its back-off, and until when. */
    public record Failure(int failures, Instant blockedUntil, boolean backOffStarted) {
    }

    public LoginThrottle(Jdbi jdbi, Clock clock, int freeFailures, Duration firstDelay, Duration maxDelay) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    public static String address(String clientAddress) {
        return "address:" + clientAddress;
    }

    public static String account(String email) {
        // the address's key (ADR 0107): every spelling of one address shares one count
        return "account:" + EmailKey.of(email);
    }

    /** How long the subject must still wait, or empty when it may try now. */
    public Optional<Duration> waitFor(String subject) {
        Instant now = clock.instant();
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT blocked_until FROM login_throttle WHERE subject = :subject")
                .bind("subject", subject).mapTo(Instant.class).findOne())
                .filter(until -> until != null && now.isBefore(until))
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failure for the subject and sets its back-off. */
    public Failure fail(String subject) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            if (org.polisi.forms.storage.Dialect.of(handle).postgresql()) {
                // Instances share the counters: without this, two failures at once on two instances
                // would both read n and both write n + 1 (a row lock cannot cover a subject with no row yet).
                handle.createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                        .bind("key", "login_throttle/" + subject).mapToMap().one();
            }
            var previous = handle.createQuery("SELECT failures, last_failure_at FROM login_throttle WHERE subject = :subject")
                    .bind("subject", subject).mapToMap().findOne();
            int failures = previous.map(row -> {
                Instant last = org.polisi.forms.storage.Times.parse(String.valueOf(row.get("last_failure_at")));
                return now.isAfter(last.plus(FORGET_AFTER)) ? 0 : ((Number) row.get("failures")).intValue();
            }).orElse(0) + 1;
            Instant blockedUntil = failures > freeFailures ? now.plus(delay(failures - freeFailures)) : null;
            handle.createUpdate("""
                    INSERT INTO login_throttle (subject, failures, last_failure_at, blocked_until)
                    VALUES (:subject, :failures, :now, :blockedUntil)
                    ON CONFLICT (subject) DO UPDATE SET failures = :failures, last_failure_at = :now,
                        blocked_until = :blockedUntil
                    """)
                    .bind("subject", subject).bind("failures", failures).bind("now", now)
                    .bind("blockedUntil", blockedUntil).execute();
            return new Failure(failures, blockedUntil, failures == freeFailures + 1);
        });
    }

    /** Forgets the subject's failures (after a successful sign-in). */
    public void clear(String subject) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM login_throttle WHERE subject = :subject")
                .bind("subject", subject).execute());
    }

    /** {@code firstDelay × 2^(n-1)}, at most {@code maxDelay}: the wait after the n-th failure past the free ones. */
    Duration delay(int beyondFree) {
        int doublings = Math.min(beyondFree - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
