package org.polisi.forms.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.storage.Times;

/**
 * Sign-ins under way, in the database like the sessions (table {@code staff_pending_sign_in}, V50,
 * V100), for {@link #LIFETIME} at most: a person whose password was right and whose second factor
 * is still to come ({@link Step#SECOND_FACTOR}), or who has passed both and must still choose which
 * school to sign in to ({@link Step#SCHOOL}, docs/adr/0080). Each has a random id the browser holds
 * in a cookie; only its SHA-256 is stored; it says nothing, is good for its own step only, and is
 * forgotten at the first of success or expiry. Moving on to the next step starts a new one with a
 * new id (no id lives across a step: OWASP Session Management, "renew the ID on privilege change").
 */
public final class PendingSignIns {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** Which step a sign-in under way waits for. */
    public enum Step {
        SECOND_FACTOR("second-factor"), SCHOOL("school");

        private final String word;

        Step(String word) {
            this.word = word;
        }
    }

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public PendingSignIns(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Starts one for the person ({@link StaffUser#personId}) at this step; returns its id. */
    public String start(long personId, Step step) {
        Instant now = clock.instant();
        String id = SessionStore.randomToken(random);
        jdbi.useHandle(handle -> {
            handle.execute("DELETE FROM staff_pending_sign_in WHERE started_at < ?", Times.format(now.minus(LIFETIME)));
            handle.execute("INSERT INTO staff_pending_sign_in (id_hash, person_id, step, started_at) VALUES (?, ?, ?, ?)",
                    SessionStore.idHash(id), personId, step.word, Times.format(now));
        });
        return id;
    }

    /** The person of a live sign-in at this step, or empty (unknown, another step's, or older than {@link #LIFETIME}). */
    public Optional<Long> find(String id, Step step) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT person_id, started_at FROM staff_pending_sign_in WHERE id_hash = :idHash AND step = :step")
                .bind("idHash", SessionStore.idHash(id)).bind("step", step.word)
                .map((row, context) -> now.isAfter(Times.parse(row.getString(2)).plus(LIFETIME)) ? null : row.getLong(1))
                .findOne());
    }

    public void end(String id) {
        if (id != null) {
            jdbi.useHandle(handle -> handle.execute("DELETE FROM staff_pending_sign_in WHERE id_hash = ?",
                    SessionStore.idHash(id)));
        }
    }
}
