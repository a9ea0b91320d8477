package org.polisi.forms.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ins whose password was right and whose second factor is still to come, in memory like the
 * sessions, for {@link #LIFETIME} at most. Each has a random id the browser holds in a cookie; the
 * id says nothing and is forgotten at the first of success, expiry or restart.
 */
public final class PendingSignIns {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private record Pending(StaffUser user, Instant started) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public PendingSignIns(Clock clock) {
        this.clock = clock;
    }

    /** Starts one for the account; returns its id. */
    public String start(StaffUser user) {
        Instant now = clock.instant();
        pending.values().removeIf(each -> now.isAfter(each.started().plus(LIFETIME)));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(id, new Pending(user, now));
        return id;
    }

    /** The account of a live pending sign-in, or empty (unknown, or older than {@link #LIFETIME}). */
    public Optional<StaffUser> find(String id) {
        Pending found = id == null ? null : pending.get(id);
        if (found == null || clock.instant().isAfter(found.started().plus(LIFETIME))) {
            return Optional.empty();
        }
        return Optional.of(found.user());
    }

    public void end(String id) {
        if (id != null) {
            pending.remove(id);
        }
    }
}
