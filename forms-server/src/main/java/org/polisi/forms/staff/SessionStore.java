package org.polisi.forms.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.config.SealingKey;
import org.polisi.forms.storage.Times;

/**
 * Staff sessions, in the database (table {@code staff_session}, V50), so that a restart logs nobody
 * out and every instance sharing the database knows every session (docs/adr/0049-postgresql.md).
 * A session ends after {@code idleTimeout} without a request, and after {@code absoluteTimeout}
 * whatever happens (OWASP Session Management Cheat Sheet, "Session Expiration").
 *
 * <p>The session id is 256 random bits in the cookie; the database keeps only its SHA-256
 * ({@link #idHash}), so a copy of the database cannot be used to sign in.
 */
public final class SessionStore {

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final SealingKey sealing;

    /** Where a second-factor secret being set up is kept, sealed: the associated data of its seal. */
    public static final String PENDING_SECRET_COLUMN = "staff_session.pending_secret";

    /** @param sealing the key that seals a second-factor secret being set up ({@link SecondFactorSecrets}) */
    public SessionStore(Jdbi jdbi, Clock clock, Duration idleTimeout, Duration absoluteTimeout, SealingKey sealing) {
        this.sealing = sealing;
        this.jdbi = jdbi;
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
        return start(user, language, enrolmentDue, null);
    }

    /**
     * As {@link #start(StaffUser, String, boolean)}, for a change of school (docs/adr/0087): a new
     * id and token, but the absolute timeout still counted from {@code signedInAt}, when the person
     * signed in, so changing school never makes a session outlive it.
     *
     * @param signedInAt when the session being replaced began, or null for now
     */
    public StaffSession start(StaffUser user, String language, boolean enrolmentDue, Instant signedInAt) {
        forgetExpired();
        Instant now = clock.instant();
        Instant created = signedInAt == null ? now : signedInAt;
        StaffSession session = new StaffSession(randomToken(random), user, randomToken(random), created);
        session.language(language);
        session.enrolmentDue(enrolmentDue);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO staff_session (id_hash, staff_user_id, csrf_token, created_at, last_seen_at, language,
                                                   enrolment_due, pending_secret)
                        VALUES (:idHash, :user, :csrf, :created, :now, :language, :due, NULL)
                        """)
                .bind("idHash", idHash(session.id())).bind("user", user.id()).bind("csrf", session.csrfToken())
                .bind("created", created).bind("now", now).bind("language", language).bind("due", enrolmentDue ? 1 : 0).execute());
        session.onChange(this::save);
        return session;
    }

    /** The live session with this cookie value, its last request moved to now; empty when unknown or expired. */
    public Optional<StaffSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String hash = idHash(id);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            Optional<Stored> stored = handle.createQuery("""
                            SELECT staff_user_id, csrf_token, created_at, last_seen_at, language, enrolment_due,
                                   pending_secret
                            FROM staff_session WHERE id_hash = :idHash
                            """).bind("idHash", hash)
                    .map((row, context) -> new Stored(row.getLong(1), row.getString(2), Times.parse(row.getString(3)),
                            Times.parse(row.getString(4)), row.getString(5), row.getInt(6) != 0,
                            row.getString(7)))
                    .findOne();
            StaffUserDao users = handle.attach(StaffUserDao.class);
            // a disabled membership has no session: disabling deletes them, and this catches one begun meanwhile
            Optional<StaffUser> user = stored.flatMap(found -> users.findById(found.userId()))
                    .filter(account -> !account.disabled());
            if (stored.isEmpty() || user.isEmpty() || expired(stored.get(), now)) {
                handle.execute("DELETE FROM staff_session WHERE id_hash = ?", hash);
                return Optional.<StaffSession>empty();
            }
            handle.execute("UPDATE staff_session SET last_seen_at = ? WHERE id_hash = ?", Times.format(now), hash);
            Stored found = stored.get();
            StaffSession session = new StaffSession(id, user.get(), found.csrfToken(), found.created());
            session.touch(now);
            session.language(found.language());
            session.enrolmentDue(found.enrolmentDue());
            session.pendingSecret(pendingSecret(user.get().personId(), found.pendingSecret()));
            session.schools(handle.createQuery("SELECT count(*) FROM staff_user WHERE person_id = :person AND disabled = 0")
                    .bind("person", user.get().personId()).mapTo(Integer.class).one());
            session.onChange(this::save);
            return Optional.of(session);
        });
    }

    /**
     * Ends every session of one membership, within {@code handle}'s transaction: for a disabled
     * membership (the person's other memberships keep theirs; a sign-in under way cannot choose it,
     * {@link LoginService#choose}). Returns how many sessions were ended.
     */
    public static int endAll(org.jdbi.v3.core.Handle handle, long staffUserId) {
        return handle.execute("DELETE FROM staff_session WHERE staff_user_id = ?", staffUserId);
    }

    /**
     * Ends every session, at every school, and every half-done sign-in of a person, within
     * {@code handle}'s transaction: for a reset password (whoever knew the old one may be signed in
     * anywhere). Returns how many sessions were ended.
     */
    public static int endAllOfPerson(org.jdbi.v3.core.Handle handle, long personId) {
        handle.execute("DELETE FROM staff_pending_sign_in WHERE person_id = ?", personId);
        return handle.execute("DELETE FROM staff_session WHERE staff_user_id IN (SELECT id FROM staff_user WHERE person_id = ?)",
                personId);
    }

    public void end(String id) {
        if (id != null) {
            jdbi.useHandle(handle -> handle.execute("DELETE FROM staff_session WHERE id_hash = ?", idHash(id)));
        }
    }

    /** Constant-time comparison of a posted token with the session's. */
    public static boolean tokenMatches(StaffSession session, String posted) {
        return posted != null && MessageDigest.isEqual(session.csrfToken().getBytes(), posted.getBytes());
    }

    /** The stored form of a session or sign-in id: SHA-256 of its text, in hex. */
    static String idHash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** 256 random bits, URL-safe Base64. */
    static String randomToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Stored(long userId, String csrfToken, Instant created, Instant lastSeen, String language,
                          boolean enrolmentDue, String pendingSecret) {
    }

    private boolean expired(Stored session, Instant now) {
        return now.isAfter(session.lastSeen().plus(idleTimeout)) || now.isAfter(session.created().plus(absoluteTimeout));
    }

    /** Writes what a handler changed (language, enrolment, the secret being set up). */
    private void save(StaffSession session) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE staff_session SET language = :language, enrolment_due = :due, pending_secret = :secret
                        WHERE id_hash = :idHash
                        """)
                .bind("language", session.language()).bind("due", session.enrolmentDue() ? 1 : 0)
                .bind("secret", session.pendingSecret() == null ? null
                        : sealing.seal(PENDING_SECRET_COLUMN, session.user().personId(), session.pendingSecret()))
                .bind("idHash", idHash(session.id())).execute());
    }

    /** The secret being set up, opened; null when there is none or it does not open (set-up then starts again). */
    private String pendingSecret(long personId, String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return sealing.open(PENDING_SECRET_COLUMN, personId, stored);
        } catch (SealingKey.Unusable altered) {
            return null;
        }
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        // the stored times are fixed-width ISO-8601 (Times), so text order is time order
        jdbi.useHandle(handle -> handle.execute("DELETE FROM staff_session WHERE last_seen_at < ? OR created_at < ?",
                Times.format(now.minus(idleTimeout)), Times.format(now.minus(absoluteTimeout))));
    }
}
