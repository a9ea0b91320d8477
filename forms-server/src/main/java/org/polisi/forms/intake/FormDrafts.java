package org.polisi.forms.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.storage.Times;

/**
 * Answers not yet recorded, kept for a short time so that a form shown again with its errors, or a
 * check-your-answers page, has an address a browser can reload, reopen and switch to the other
 * language (GOV.UK post/redirect/get; docs/adr/0052). Table {@code form_draft} (V82), so that every
 * instance sharing the database and a restarted server find them.
 *
 * <p>The token in the address is 256 random bits (URL-safe Base64, 43 characters); the table keeps
 * only its SHA-256, so a copy of the database opens nothing. A draft lives {@link #LIFETIME} from its
 * last change; expired rows are never returned, and are deleted by the first save or look-up at
 * least {@link #PURGE_EVERY} after this instance last deleted them, and by {@code ./polisi forms purge}.
 * (Deleting on every save and look-up made each refused form two write transactions instead of one,
 * contending with the ledger's writer for SQLite's one write lock: docs/benchmarks.md, issue 23.) When its answers are
 * recorded ({@link #sent}) the answers are removed at once and only the reference is kept until expiry.
 */
public final class FormDrafts {

    /** How long a person may take between pages: long enough to fetch a child's details, no longer. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** When this instance next deletes expired drafts, by {@link #clock}. */
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    /** How often an instance deletes expired drafts as a side effect of saving or finding one. */
    public static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    public FormDrafts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * What a draft holds.
     *
     * @param language   the language of the page the answers were posted from
     * @param step       where the person is: {@link Step#ANSWERS} (the form, with errors if any), {@link Step#CHECK}
     *                   or {@link Step#STATEMENTS}
     * @param parameters every posted parameter as it arrived (the honeypot excepted), in order; an
     *                   "add another" press among them, so the page shows the box it added
     * @param reference  the record's reference once sent (the parameters are then empty), or null
     */
    public record Draft(String language, Step step, Map<String, List<String>> parameters, String reference) {

        public boolean sent() {
            return reference != null;
        }
    }

    /**
     * The page a draft is shown on: the form (with its errors, if any), the answers to check, or a
     * withdrawal's second page (the statements to withdraw).
     */
    public enum Step { ANSWERS, CHECK, STATEMENTS }

    /**
     * Keeps {@code draft} for form {@code formId} of {@code school}: under {@code token} when it names a
     * live draft of the same form (the person sent its page again), else under a new token.
     *
     * @return the token for the draft's address
     */
    public String save(String school, String formId, Optional<String> token, Draft draft) {
        forgetExpiredWhenDue();
        String state = write(draft);
        String expires = Times.format(clock.instant().plus(LIFETIME));
        if (token.isPresent() && find(school, formId, token.get()).filter(found -> !found.sent()).isPresent()) {
            jdbi.useHandle(handle -> handle.execute(
                    "UPDATE form_draft SET state = ?, expires_at = ? WHERE token_hash = ?", state, expires,
                    hash(token.get())));
            return token.get();
        }
        String fresh = newToken();
        jdbi.useHandle(handle -> handle.execute("""
                INSERT INTO form_draft (token_hash, school, form_id, state, reference, expires_at)
                VALUES (?, ?, ?, ?, NULL, ?)""", hash(fresh), school, formId, state, expires));
        return fresh;
    }

    /** The live draft of this form with this token; empty when unknown, of another form, or expired. */
    public Optional<Draft> find(String school, String formId, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        forgetExpiredWhenDue();
        String now = Times.format(clock.instant());
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT state, reference FROM form_draft
                        WHERE token_hash = :hash AND school = :school AND form_id = :form AND expires_at > :now""")
                .bind("hash", hash(token)).bind("school", school).bind("form", formId).bind("now", now)
                .map((row, context) -> read(row.getString(1), row.getString(2)))
                .findOne());
    }

    /** The answers were recorded as {@code reference}: forget them now, keep only the reference until expiry. */
    public void sent(String school, String formId, String token, String reference) {
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE form_draft SET state = ?, reference = ? WHERE token_hash = ? AND school = ? AND form_id = ?",
                write(new Draft("", Step.CHECK, Map.of(), reference)), reference, hash(token), school, formId));
    }

    /** Deletes expired drafts when {@link #PURGE_EVERY} has passed since this instance last did (one caller wins). */
    private void forgetExpiredWhenDue() {
        Instant now = clock.instant();
        Instant due = nextPurge.get();
        if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            forgetExpired();
        }
    }

    /** Deletes every draft past its expiry; returns how many. */
    public int forgetExpired() {
        String now = Times.format(clock.instant());
        return jdbi.withHandle(handle -> handle.execute("DELETE FROM form_draft WHERE expires_at <= ?", now));
    }

    /**
     * The idempotency key the record made from this draft is stored under, so that two "Send"s of one
     * draft (a double click, or two tabs) make one record: derived from the token, never the token itself.
     */
    public static String idempotencyKey(String token) {
        return "draft-" + hash("send\n" + token).substring(0, 40);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String write(Draft draft) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("language", draft.language());
        state.put("step", draft.step().name());
        state.put("parameters", draft.parameters());
        try {
            return JSON.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Draft read(String json, String reference) {
        try {
            Map<String, Object> state = JSON.readValue(json, new TypeReference<>() { });
            Map<String, List<String>> parameters = JSON.convertValue(state.get("parameters"), new TypeReference<>() { });
            return new Draft(String.valueOf(state.get("language")), Step.valueOf(String.valueOf(state.get("step"))),
                    parameters == null ? Map.of() : parameters, reference);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
