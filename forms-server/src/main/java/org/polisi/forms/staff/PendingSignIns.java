package org.polisi.forms.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.storage.Times;

/**
 * Sign-ins whose password was right and whose second factor is still to come, in the database like
 * the sessions (table {@code staff_pending_sign_in}, V50), for {@link #LIFETIME} at most. Each has a
 * random id the browser holds in a cookie; only its SHA-256 is stored; it says nothing and is
 * forgotten at the first of success or expiry, and survives a restart or a change of instance.
 */
public final class PendingSignIns {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public PendingSignIns(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Starts one for the account; returns its id. */
    public String start(StaffUser user) {
        Instant now = clock.instant();
        String id = SessionStore.randomToken(random);
        jdbi.useHandle(handle -> {
            handle.execute("DELETE FROM staff_pending_sign_in WHERE started_at < ?", Times.format(now.minus(LIFETIME)));
            handle.execute("INSERT INTO staff_pending_sign_in (id_hash, staff_user_id, started_at) VALUES (?, ?, ?)",
                    SessionStore.idHash(id), user.id(), Times.format(now));
        });
        return id;
    }

    /** The account of a live pending sign-in, or empty (unknown, or older than {@link #LIFETIME}). */
    public Optional<StaffUser> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT staff_user_id, started_at FROM staff_pending_sign_in WHERE id_hash = :idHash")
                .bind("idHash", SessionStore.idHash(id))
                .map((row, context) -> now.isAfter(Times.parse(row.getString(2)).plus(LIFETIME)) ? null : row.getLong(1))
                .findOne()
                .flatMap(userId -> handle.attach(StaffUserDao.class).findById(userId)));
    }

    public void end(String id) {
        if (id != null) {
            jdbi.useHandle(handle -> handle.execute("DELETE FROM staff_pending_sign_in WHERE id_hash = ?",
                    SessionStore.idHash(id)));
        }
    }
}
