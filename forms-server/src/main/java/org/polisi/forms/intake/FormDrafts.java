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
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.Times;
import org.polisi.forms.storage.WriteTransaction;

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
 * When its answers are recorded ({@link #sent}) the answers are removed at once and only the reference
 * is kept until expiry.
 *
 * <p>Every write goes through the ledger's writer ({@link SubmissionLedger#inWriteTransaction}), in
 * the transaction it shares with the submissions waiting at that moment, and returns once that is
 * committed to disk: a draft is as durable as before (the 303 to its page is sent only after the
 * commit), but costs no transaction, lock or fsync of its own. Written on a connection of their own,
 * drafts contended with the writer for SQLite's one write lock and cut the intake of a mixed load by
 * about 28 % (issue 23, docs/benchmarks.md). A save is one statement: an UPDATE of the live draft the
 * token names, else an INSERT; never a read first.
 */
public final class FormDrafts {

    /** How long a person may take between pages: long enough to fetch a child's details, no longer. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String UPDATE_LIVE = """
            UPDATE form_draft SET state = ?, expires_at = ?
            WHERE token_hash = ? AND school = ? AND form_id = ? AND reference IS NULL AND expires_at > ?""";
    private static final String INSERT = """
            INSERT INTO form_draft (token_hash, school, form_id, state, reference, expires_at)
            VALUES (?, ?, ?, ?, NULL, ?)""";
    private static final String MARK_SENT =
            "UPDATE form_draft SET state = ?, reference = ? WHERE token_hash = ? AND school = ? AND form_id = ?";
    private static final String FORGET_EXPIRED = "DELETE FROM form_draft WHERE expires_at <= ?";

    private final Jdbi jdbi;
    private final SubmissionLedger ledger;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** When this instance next deletes expired drafts, by {@link #clock}. */
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    /** How often an instance deletes expired drafts as a side effect of saving or finding one. */
    public static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    /**
     * @param jdbi   for look-ups (reads never wait for the writer)
     * @param ledger whose writer makes every change to drafts, in its shared transactions
     */
    public FormDrafts(Jdbi jdbi, SubmissionLedger ledger, Clock clock) {
        this.jdbi = jdbi;
        this.ledger = ledger;
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
        // everything but the statements is made here, in the request thread: the writer is shared
        String state = write(draft);
        Instant now = clock.instant();
        String expires = Times.format(now.plus(LIFETIME));
        Optional<String> live = token.filter(given -> TOKEN.matcher(given).matches());
        String fresh = newToken();
        String freshHash = hash(fresh);
        Optional<String> liveHash = live.map(FormDrafts::hash);
        boolean purge = purgeDue(now);
        return ledger.inWriteTransaction(transaction -> {
            if (purge) {
                forgetExpired(transaction, now);
            }
            if (liveHash.isPresent() && transaction.update(UPDATE_LIVE, state, expires, liveHash.get(), school, formId,
                    Times.format(now)) == 1) {
                return live.get();
            }
            transaction.update(INSERT, freshHash, school, formId, state, expires);
            return fresh;
        });
    }

    /** The live draft of this form with this token; empty when unknown, of another form, or expired. */
    public Optional<Draft> find(String school, String formId, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant instant = clock.instant();
        if (purgeDue(instant)) {
            ledger.inWriteTransaction(transaction -> forgetExpired(transaction, instant));
        }
        String now = Times.format(instant);
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT state, reference FROM form_draft
                        WHERE token_hash = :hash AND school = :school AND form_id = :form AND expires_at > :now""")
                .bind("hash", hash(token)).bind("school", school).bind("form", formId).bind("now", now)
                .map((row, context) -> read(row.getString(1), row.getString(2)))
                .findOne());
    }

    /** The answers were recorded as {@code reference}: forget them now, keep only the reference until expiry. */
    public void sent(String school, String formId, String token, String reference) {
        String state = write(new Draft("", Step.CHECK, Map.of(), reference));
        String tokenHash = hash(token);
        Instant now = clock.instant();
        boolean purge = purgeDue(now);
        ledger.inWriteTransaction(transaction -> {
            if (purge) {
                forgetExpired(transaction, now);
            }
            return transaction.update(MARK_SENT, state, reference, tokenHash, school, formId);
        });
    }

    /**
     * Whether this caller is the one to delete expired drafts now: {@link #PURGE_EVERY} has passed since
     * this instance last did (one caller wins; it deletes them in the write it is about to make).
     */
    private boolean purgeDue(Instant now) {
        Instant due = nextPurge.get();
        return !now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_EVERY));
    }

    /** Deletes every draft past its expiry, through the ledger's writer; returns how many. */
    public int forgetExpired() {
        Instant now = clock.instant();
        return ledger.inWriteTransaction(transaction -> forgetExpired(transaction, now));
    }

    private static int forgetExpired(WriteTransaction transaction, Instant now) {
        return transaction.update(FORGET_EXPIRED, Times.format(now));
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
