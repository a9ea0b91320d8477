package org.polisi.forms.staff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.config.SealingKey;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.StaffAccountHistory;
import org.polisi.forms.storage.WriteTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up step that makes the second-factor secrets sealed at rest (issue 23; docs/adr/0075):
 * it loads the {@link SealingKey} (making one only when nothing is sealed yet), checks that it opens
 * every sealed secret, and seals any secret still in plain text, written before sealing existed:
 * {@code staff_second_factor.secret} (each recorded in the account's chained history, since verify
 * compares the stored value's digest with it) and {@code staff_session.pending_secret}. It runs on
 * both databases, after the migrations, in one transaction per row; run again, it finds nothing to do.
 */
public final class SecondFactorSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(SecondFactorSecrets.class);
    /** Who the history says changed the stored form of the secret. */
    static final String BY = "the server, sealing the secret at rest";

    private SecondFactorSecrets() {
    }

    /**
     * @param keyFile the key's file ({@code second-factor.key-file})
     * @return the key, every stored secret now sealed with it
     * @throws SealingKey.Unusable when the key is missing while secrets are sealed, or does not open them
     */
    public static SealingKey prepare(Jdbi jdbi, Path keyFile, Clock clock) {
        List<Map.Entry<Long, String>> factors = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT person_id, secret FROM staff_second_factor ORDER BY person_id")
                .map((row, context) -> Map.entry(row.getLong(1), row.getString(2))).list());
        boolean anySealed = factors.stream().anyMatch(factor -> SealingKey.sealed(factor.getValue()));
        if (!anySealed && !Files.exists(keyFile)) {
            // the key is only made where there is nothing it should have sealed
            anySealed = jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT count(*) FROM staff_session WHERE pending_secret LIKE :prefix")
                    .bind("prefix", SealingKey.PREFIX + "%").mapTo(Integer.class).one()) > 0;
        }
        SealingKey key = SealingKey.load(keyFile, !anySealed);
        int sealedNow = 0;
        int opened = 0;
        List<Long> unopenable = new java.util.ArrayList<>();
        for (Map.Entry<Long, String> factor : factors) {
            if (SealingKey.sealed(factor.getValue())) {
                try {
                    key.open(SecondFactor.SECRET_COLUMN, factor.getKey(), factor.getValue());
                    opened++;
                } catch (SealingKey.Unusable altered) {
                    unopenable.add(factor.getKey());
                }
            } else {
                sealedNow += seal(jdbi, key, factor.getKey(), factor.getValue(), clock.instant()) ? 1 : 0;
            }
        }
        refuseOrQuarantine(jdbi, keyFile, opened, unopenable);
        List<Map.Entry<String, Map.Entry<Long, String>>> pending = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT s.id_hash, u.person_id, s.pending_secret FROM staff_session s"
                                + " JOIN staff_user u ON u.id = s.staff_user_id WHERE s.pending_secret IS NOT NULL")
                .map((row, context) -> Map.entry(row.getString(1), Map.entry(row.getLong(2), row.getString(3)))).list());
        for (var session : pending) {
            String stored = session.getValue().getValue();
            if (!SealingKey.sealed(stored)) {
                String sealed = key.seal(SessionStore.PENDING_SECRET_COLUMN, session.getValue().getKey(), stored);
                jdbi.useHandle(handle -> handle.execute("UPDATE staff_session SET pending_secret = ? "
                        + "WHERE id_hash = ? AND pending_secret = ?", sealed, session.getKey(), stored));
                sealedNow++;
            }
        }
        if (sealedNow > 0) {
            LOG.info("Sealed {} second-factor secrets stored in plain text with the key in {}", sealedNow, keyFile);
        }
        return key;
    }

    /**
     * A key that opens none of the sealed secrets is another key: the server does not start (every
     * sign-in needing a second factor would fail). A key that opens some opens the right ones, so a
     * value it cannot open was altered or copied from another account: only that account is refused
     * ({@link SecondFactor#verify} refuses it and logs why) and the server starts for everyone else
     * (tester 3's fault 14: one altered value stopped every school, urgent reports included).
     *
     * @throws SealingKey.Unusable when values are sealed and the key opens none of them
     */
    private static void refuseOrQuarantine(Jdbi jdbi, Path keyFile, int opened, List<Long> unopenable) {
        if (unopenable.isEmpty()) {
            return;
        }
        if (opened == 0) {
            throw new SealingKey.Unusable("The second-factor key " + keyFile + " does not open any of the " + unopenable.size()
                    + " sealed second-factor secrets (people " + unopenable + "): it is another key. Restore the"
                    + " key from the server's backup, then start again. If this is the right key and an account's value"
                    + " was altered, remove that account's second factor (it enrols again at its next sign-in):"
                    + " ./polisi forms user reset --second-factor --school ID --email EMAIL --by NAME");
        }
        for (long account : unopenable) {
            LOG.error("POSSIBLE TAMPERING: {}. That account cannot sign in until its second factor is removed and"
                    + " enrolled again: ./polisi forms user reset --second-factor --school ID --email EMAIL --by NAME;"
                    + " ./polisi forms verify names what else changed. Every other account signs in as usual.",
                    SecondFactor.unopenable(jdbi, account));
        }
    }

    /** Seals one person's plain secret, and records the new stored form in their chained history; false when it did not. */
    private static boolean seal(Jdbi jdbi, SealingKey key, long personId, String plain, Instant now) {
        String sealed = key.seal(SecondFactor.SECRET_COLUMN, personId, plain);
        return jdbi.inTransaction(handle -> {
            List<String> codes = handle.createQuery("SELECT code_hash FROM staff_recovery_code WHERE person_id = :id")
                    .bind("id", personId).mapTo(String.class).list();
            // the newest record of any membership of the person: every one records each enrolment
            String recorded = handle.createQuery("SELECT value FROM staff_account_event WHERE staff_user_id IN "
                            + "(SELECT id FROM staff_user WHERE person_id = :id) AND change = :change ORDER BY id DESC LIMIT 1")
                    .bind("id", personId).bind("change", StaffAccountHistory.SECOND_FACTOR).mapTo(String.class)
                    .findOne().orElse("");
            if (!recorded.equals(StaffAccountHistory.secondFactorDigest(plain, codes))) {
                // not the secret its history recorded (written behind Polisi's back): sealing it would
                // record it as the server's own change, so it is left for verify to name
                LOG.warn("Left the second-factor secret of staff person {} unsealed: it differs from the account's "
                        + "recorded history (run ./polisi forms verify)", personId);
                return false;
            }
            int changed = handle.createUpdate("UPDATE staff_second_factor SET secret = :sealed "
                            + "WHERE person_id = :id AND secret = :plain")
                    .bind("sealed", sealed).bind("id", personId).bind("plain", plain).execute();
            if (changed != 1) {
                return false; // another instance sealed it meanwhile
            }
            StaffAccountHistory.changedForPerson(handle, personId, StaffAccountHistory.SECOND_FACTOR,
                    StaffAccountHistory.secondFactorDigest(sealed, codes), BY, now);
            return true;
        });
    }
}
