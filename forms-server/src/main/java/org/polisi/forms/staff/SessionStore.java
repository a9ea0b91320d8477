package org.polisi.forms.staff;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff sessions, in memory: a restart logs everyone out, which is acceptable for a handful of
 * staff and means no session secret is ever on disk. A session ends after {@code idleTimeout}
 * without a request, and after {@code absoluteTimeout} whatever happens.
 */
public final class SessionStore {

    private final Map<String, StaffSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;

    public SessionStore(Clock clock, Duration idleTimeout, Duration absoluteTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
    }

    /** A new session with new id and token: never reuse an id from before login (session fixation). */
    public StaffSession start(StaffUser user, String language) {
        return start(user, language, false);
    }

    /** As {@link #start(StaffUser, String)}, limited to setting up a second factor when {@code enrolmentDue}. */
    public StaffSession start(StaffUser user, String language, boolean enrolmentDue) {
        forgetExpired();
        StaffSession session = new StaffSession(randomToken(), user, randomToken(), clock.instant());
        session.language(language);
        session.enrolmentDue(enrolmentDue);
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<StaffSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        StaffSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Constant-time comparison of a posted token with the session's. */
    public static boolean tokenMatches(StaffSession session, String posted) {
        return posted != null && MessageDigest.isEqual(session.csrfToken().getBytes(), posted.getBytes());
    }

    private boolean expired(StaffSession session, Instant now) {
        return now.isAfter(session.lastSeen().plus(idleTimeout)) || now.isAfter(session.created().plus(absoluteTimeout));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
