package org.polisi.forms.staff;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FormKind;
import org.polisi.contract.StaffRole;
import org.polisi.forms.config.SealingKey;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.StaffAccountHistory;
import org.polisi.forms.storage.WriteTransaction;

/**
 * The second factor of a staff sign-in: a time-based one-time password (TOTP, RFC 6238: HMAC-SHA1,
 * six digits, 30-second steps) from an authenticator app, or one of ten single-use recovery codes.
 * Codes come from dev.samstevens.totp (ADR 0026); this class keeps the secrets and the replay rule:
 * a code is accepted for the step before, the step of, or the step after now, and only for a step
 * later than the last one accepted (RFC 6238 §5.2, OWASP ASVS 5.0 V6 (Authentication)), so a code cannot be used twice.
 *
 * <p>It is required of every role that can read incident reports about children (the headteacher,
 * the safeguarding lead, and any role a school's incident form names as its reader), and optional
 * for the others (ASVS 5.0 V6, Authentication).
 */
public final class SecondFactor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecondFactor.class);

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    static final int RECOVERY_CODES = 10;
    static final String ISSUER = "Polisi";

    /** Where the sealed secret is kept: the associated data of its seal (a copy in another column does not open). */
    public static final String SECRET_COLUMN = "staff_second_factor.secret";

    private final Jdbi jdbi;
    private final Clock clock;
    private final ManifestCatalog manifests;
    private final SealingKey sealing;
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    /** @param sealing the key the secrets are sealed with in the database ({@link SecondFactorSecrets}) */
    public SecondFactor(Jdbi jdbi, Clock clock, ManifestCatalog manifests, SealingKey sealing) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.manifests = manifests;
        this.sealing = sealing;
    }

    /** True for a role that can read incident reports: it may not sign in with a password alone. */
    public boolean required(StaffUser user) {
        StaffRole role = user.staffRole();
        if (role == StaffRole.HEADTEACHER || role == StaffRole.SAFEGUARDING_LEAD) {
            return true;
        }
        return manifests.school(user.school()).stream()
                .flatMap(manifest -> manifest.forms().stream())
                .anyMatch(form -> form.kind() == FormKind.INCIDENT && RecordAccess.mayRead(user, form));
    }

    /** Whether the person ({@link StaffUser#personId}) has a second factor: it serves every membership of theirs. */
    public boolean enrolled(long personId) {
        return secret(personId).isPresent();
    }

    /** A new shared secret: 160 random bits in Base32 (RFC 4226 §4 recommends 160). */
    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The {@code otpauth://} address an authenticator app reads, for the account's e-mail. */
    public String appAddress(String secret, String email) {
        return qrData(secret, email).getUri();
    }

    /** The same address as a QR code, a PNG in a {@code data:} URI, drawn here (no third party sees the secret). */
    public String qrCode(String secret, String email) {
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            generator.setImageSize(240);
            return Utils.getDataUriForImage(generator.generate(qrData(secret, email)), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        }
    }

    private static QrData qrData(String secret, String email) {
        return new QrData.Builder().label(email).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
    }

    /**
     * Turns the person's second factor on when {@code code} is right for {@code secret} (proving the
     * app has it), replacing any earlier secret and recovery codes. The change is appended to the
     * staff account chain of every school the person belongs to (docs/adr/0080), so each school's
     * verify sees it.
     *
     * @param personId the person ({@link StaffUser#personId}), not a membership
     * @return the new recovery codes, to be shown once; empty when the code is wrong
     */
    public Optional<List<String>> enrol(long personId, String secret, String code) {
        Optional<Long> step = matchingStep(secret, code, 0);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        List<String> recovery = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        Instant now = clock.instant();
        String sealed = sealing.seal(SECRET_COLUMN, personId, secret); // never stored in plain text (issue 23)
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM staff_recovery_code WHERE person_id = :id").bind("id", personId).execute();
            handle.createUpdate("""
                    INSERT INTO staff_second_factor (person_id, secret, enrolled_at, last_step)
                    VALUES (:id, :secret, :now, :step)
                    ON CONFLICT (person_id) DO UPDATE SET secret = :secret, enrolled_at = :now, last_step = :step
                    """).bind("id", personId).bind("secret", sealed).bind("now", clock.instant())
                    .bind("step", step.get()).execute();
            for (String each : recovery) {
                handle.createUpdate("""
                        INSERT INTO staff_recovery_code (person_id, code_hash, created_at) VALUES (:id, :hash, :now)
                        """).bind("id", personId).bind("hash", digest(each)).bind("now", clock.instant()).execute();
            }
            // each school's staff account history records the enrolment, so a secret or codes swapped in later are named by verify
            StaffAccountHistory.changedForPerson(handle, personId, StaffAccountHistory.SECOND_FACTOR,
                    StaffAccountHistory.secondFactorDigest(sealed, recovery.stream().map(SecondFactor::digest).toList()),
                    "the account holder", now);
        });
        return Optional.of(recovery);
    }

    /**
     * Checks a code for an enrolled person ({@link StaffUser#personId}): a TOTP code not used before, or an unused recovery code
     * (which is then spent). Spaces and hyphens in what was typed are ignored.
     */
    public boolean verify(long personId, String typed) {
        if (typed == null) {
            return false;
        }
        String code = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        Optional<Stored> stored = secret(personId);
        if (stored.isEmpty()) {
            return false;
        }
        if (code.matches("\\d{" + DIGITS + "}")) {
            String secret;
            try {
                secret = sealing.open(SECRET_COLUMN, personId, stored.get().secret());
            } catch (SealingKey.Unusable altered) {   // the key opens the others: this one was altered or copied
                LOG.error("POSSIBLE TAMPERING: refused a sign-in: {}. Remove its second factor so that it enrols"
                        + " again: ./polisi forms user reset --second-factor", unopenable(jdbi, personId));
                return false;
            }
            Optional<Long> step = matchingStep(secret, code, stored.get().lastStep());
            return step.isPresent() && jdbi.withHandle(handle -> handle.createUpdate("""
                    UPDATE staff_second_factor SET last_step = :step WHERE person_id = :id AND last_step < :step
                    """).bind("step", step.get()).bind("id", personId).execute()) == 1;
        }
        return jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE staff_recovery_code SET used_at = :now
                WHERE person_id = :id AND code_hash = :hash AND used_at IS NULL
                """).bind("now", clock.instant()).bind("id", personId).bind("hash", digest(normalisedRecovery(code)))
                .execute()) == 1;
    }

    /**
     * The sentence that names a person ({@link StaffUser#personId}) whose sealed secret the key does
     * not open, for the log: the id and each of their accounts (school and e-mail address).
     */
    static String unopenable(Jdbi jdbi, long personId) {
        List<String> accounts = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT school || ' ' || email FROM staff_user WHERE person_id = :id ORDER BY id")
                .bind("id", personId).mapTo(String.class).list());
        return "the sealed second-factor secret of person " + personId + " (" + (accounts.isEmpty() ? "no account"
                : String.join(", ", accounts)) + ") does not open with the key that opens the others: it was altered,"
                + " or copied from another person";
    }

    /**
     * Removes a person's second factor: their secret and recovery codes (the operator's
     * {@code user reset --second-factor}, for a lost phone or a secret that no longer opens). They set
     * one up again at their next sign-in. The caller records the change in the history and ends the
     * sessions, in the same transaction.
     *
     * @param personId the person ({@link StaffUser#personId}), not a membership
     * @return whether the person had a second factor
     */
    public static boolean remove(org.jdbi.v3.core.Handle handle, long personId) {
        handle.createUpdate("DELETE FROM staff_recovery_code WHERE person_id = :id").bind("id", personId).execute();
        return handle.createUpdate("DELETE FROM staff_second_factor WHERE person_id = :id").bind("id", personId)
                .execute() > 0;
    }

    /** How many recovery codes the person has left. */
    public int recoveryCodesLeft(long personId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM staff_recovery_code WHERE person_id = :id AND used_at IS NULL")
                .bind("id", personId).mapTo(Integer.class).one());
    }

    /** The step of now (seconds since the epoch / 30), from the server's clock. */
    long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code for a step: what an authenticator app shows (tests compute it the same way). */
    public String codeFor(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot compute a code", e);
        }
    }

    private Optional<Long> matchingStep(String secret, String code, long after) {
        if (code == null) {
            return Optional.empty();
        }
        String digits = code.replaceAll("\\s", "");
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > after && MessageDigest.isEqual(codeFor(secret, step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private record Stored(String secret, long lastStep) {
    }

    private Optional<Stored> secret(long personId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT secret, last_step FROM staff_second_factor WHERE person_id = :id")
                .bind("id", personId)
                .map((rows, context) -> new Stored(rows.getString("secret"), rows.getLong("last_step")))
                .findOne());
    }

    /** Recovery codes are shown as xxxx-xxxx-xxxx-xxxx; they are compared without the hyphens, lower-case. */
    private static String normalisedRecovery(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** SHA-256 of the normalised code: enough for 80 random bits (a slow hash protects guessable secrets). */
    private static String digest(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalisedRecovery(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
