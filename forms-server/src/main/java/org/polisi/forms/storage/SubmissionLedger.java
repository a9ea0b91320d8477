package org.polisi.forms.storage;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Appends submissions to their school's chain. Every write goes through one
 * {@link GroupCommitWriter} (one thread, one connection, many writes per commit): each record needs
 * the hash of the one before it, and "is this a resubmission?" must be answered and acted on
 * atomically, so writes run one after another, in order, in the writer's transaction. Across
 * processes (the command line) SQLite's immediate transactions keep them apart; on PostgreSQL, where
 * several instances write at once, each append locks its school's chain ({@link WriteTransaction#lockChain}).
 *
 * <p>The statements every submission runs are here as plain SQL on the writer's prepared
 * statements ({@link WriteTransaction}); everything else reads and writes through Jdbi's
 * {@link SubmissionDao}.
 */
public final class SubmissionLedger implements AutoCloseable {

    /** The submissions' chain, as {@link WriteTransaction#lockChain} names it. */
    private static final String CHAIN = "submission";
    private static final String CHAIN_HEAD = "SELECT last_seq, last_hash FROM chain_head WHERE school = ?";
    private static final String MOVE_CHAIN_HEAD = """
            INSERT INTO chain_head (school, last_seq, last_hash) VALUES (?, ?, ?)
            ON CONFLICT (school) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash
            """;
    /* the id is drawn beforehand (WriteTransaction#nextId), so the insert can wait in a batch */
    private static final String INSERT = """
            INSERT INTO submission (id, school, seq, reference, form_id, form_kind, form_version, lang, fields_json,
                                    received_at, urgent, salt, content_hash, prev_hash, hash, fingerprint, idempotency_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String REFERENCE_TAKEN = "SELECT 1 FROM submission WHERE reference = ?";
    /*
     * INDEXED BY: left to itself SQLite picks submission_by_school_form (it has a range on
     * received_at as well), which scans every submission of the form in the window: thousands of
     * rows per check at a few hundred submissions a second. By fingerprint it reads zero or one.
     */
    private static final String RECENT_DUPLICATE = """
            SELECT * FROM submission INDEXED BY submission_by_fingerprint
            WHERE school = ? AND form_id = ? AND fingerprint = ? AND received_at >= ? AND erased_at IS NULL
            ORDER BY seq DESC LIMIT 1
            """;
    /**
     * PostgreSQL has no INDEXED BY, and left to itself its planner made SQLite's choice above until
     * the table was first analysed (docs/adr/0076-resubmission-check-by-fingerprint.md). So the
     * fingerprint is looked up alone, by its index (V99), and {@code OFFSET 0} keeps the other
     * conditions out of that subquery (PostgreSQL pushes no condition into a subquery with an
     * OFFSET): there is no other index to choose.
     */
    static final String RECENT_DUPLICATE_POSTGRESQL = """
            SELECT s.* FROM (SELECT * FROM submission WHERE fingerprint = ? OFFSET 0) AS s
            WHERE s.school = ? AND s.form_id = ? AND s.received_at >= ? AND s.erased_at IS NULL
            ORDER BY s.seq DESC LIMIT 1
            """;
    private static final String BY_IDEMPOTENCY_KEY =
            "SELECT * FROM submission WHERE school = ? AND form_id = ? AND idempotency_key = ?";

    private final Jdbi jdbi;
    private final GroupCommitWriter writer;
    private final SecureRandom random = new SecureRandom();

    public SubmissionLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.writer = new GroupCommitWriter(jdbi, SubmissionLedger::readAhead);
    }

    /** A school's record by reference (erased ones included: the caller decides what to show). */
    public Optional<SubmissionRow> find(String school, String reference) {
        return jdbi.withExtension(SubmissionDao.class, submissions -> submissions.findByReference(
                        org.polisi.forms.intake.ReferenceGenerator.normalise(reference)))
                .filter(row -> row.school().equals(school));
    }

    /**
     * Runs a read outside the writer (a page showing what stands now, e.g. which consents a withdrawal
     * can withdraw); the work must not write: every write goes through {@link #inWriteTransaction}.
     */
    public <T> T read(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /** After answers were erased: their bytes are made gone from the database's files too ({@link FreedSpace}). */
    public void afterErasure() {
        FreedSpace.afterErasure(jdbi);
    }

    /**
     * Runs the work in a write transaction, shared with the other writes waiting at that moment, and
     * returns once it is committed to disk. If the work throws, only its own changes are undone.
     * The work runs on the writer's thread: it must not wait for another write.
     */
    public <T> T inWriteTransaction(LedgerWork<T> work) {
        return writer.write(work, null);
    }

    /**
     * A resubmission check a write will make ({@link #recentDuplicate} with the same values), and the
     * record chains it will append to besides the submissions' ({@link RecordChain#name}, e.g. a
     * consent form's {@code consent-event}): on PostgreSQL what a batch's announced writes need is
     * locked and read in one request before they run ({@link BatchOpening}).
     */
    public record Resubmission(String school, String formId, String fingerprint, Instant since,
                               List<String> recordChains) {
        public Resubmission {
            recordChains = List.copyOf(recordChains);
        }

        /** A check of a write that appends to the submissions' chain only. */
        public Resubmission(String school, String formId, String fingerprint, Instant since) {
            this(school, formId, fingerprint, since, List.of());
        }

        List<String> key() {
            return List.of(school, formId, fingerprint);
        }
    }

    /**
     * As {@link #inWriteTransaction(LedgerWork)}, for a work that will make the resubmission check
     * {@code lookUp}: on PostgreSQL the checks of a whole batch are read in one query before its writes
     * run (docs/adr/0065-batched-writes.md), instead of one round trip each.
     */
    public <T> T inWriteTransaction(Resubmission lookUp, LedgerWork<T> work) {
        return writer.write(work, lookUp);
    }

    /**
     * Before a batch's writes run (PostgreSQL): locks what they announced, reads their resubmission
     * checks and chain heads, and draws their ids, in one request ({@link BatchOpening}). On SQLite
     * each look-up is a call in the same process, so nothing is read ahead.
     */
    static void readAhead(WriteTransaction transaction, List<Resubmission> lookUps) {
        BatchOpening.open(transaction, lookUps, SubmissionLedger::row);
    }

    /**
     * Takes the school's chain lock before a resubmission check, so that the check and the append it
     * decides run under one lock: two instances sent the same answers at once store one copy, the
     * second finding the first once it is committed. Call inside {@link #inWriteTransaction}.
     */
    public void lockSchool(WriteTransaction transaction, String school) {
        transaction.lockChain(CHAIN, school);
    }

    /**
     * The newest submission with the same answers since the instant; call inside {@link #inWriteTransaction}.
     * The submissions this transaction appended and has not sent yet (batched pass) are newer than
     * any in the table, so they are looked at first, in memory; then what was read ahead for the
     * batch ({@link #inWriteTransaction(Resubmission, LedgerWork)}); else the table is read, without
     * sending the waiting rows.
     */
    public Optional<SubmissionRow> recentDuplicate(WriteTransaction transaction, String school, String formId,
                                                   String fingerprint, Instant since) {
        Optional<SubmissionRow> waiting = newestWaiting(transaction, row -> row.school().equals(school)
                && row.formId().equals(formId) && fingerprint.equals(row.fingerprint()) && !row.receivedAt().isBefore(asStored(since)));
        if (waiting.isPresent()) {
            return waiting;
        }
        Optional<Optional<SubmissionRow>> readAhead = transaction.readAhead(List.of(school, formId, fingerprint),
                asStored(since));
        if (readAhead.isPresent()) {
            return readAhead.get();
        }
        return transaction.dialect().postgresql()
                ? transaction.lookUp(RECENT_DUPLICATE_POSTGRESQL, SubmissionLedger::row, fingerprint, school, formId, since)
                : transaction.lookUp(RECENT_DUPLICATE, SubmissionLedger::row, school, formId, fingerprint, since);
    }

    /** The submission sent with this idempotency key (waiting ones first, as {@link #recentDuplicate}); call inside {@link #inWriteTransaction}. */
    public Optional<SubmissionRow> withIdempotencyKey(WriteTransaction transaction, String school, String formId,
                                                      String key) {
        Optional<SubmissionRow> waiting = newestWaiting(transaction, row -> row.school().equals(school)
                && row.formId().equals(formId) && key.equals(row.idempotencyKey()));
        return waiting.isPresent() ? waiting : transaction.lookUp(BY_IDEMPOTENCY_KEY, SubmissionLedger::row, school, formId, key);
    }

    private static boolean waitingWith(WriteTransaction transaction, String reference) {
        return transaction.waitingSubmissions().stream().anyMatch(row -> row.reference().equals(reference));
    }

    private static Optional<SubmissionRow> newestWaiting(WriteTransaction transaction, Predicate<SubmissionRow> matches) {
        List<SubmissionRow> waiting = transaction.waitingSubmissions();
        for (int i = waiting.size() - 1; i >= 0; i--) {
            if (matches.test(waiting.get(i))) {
                return Optional.of(waiting.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether any school's submission has this reference already (the table and the batch's waiting ones); call inside {@link #inWriteTransaction}. */
    public boolean referenceTaken(WriteTransaction transaction, String reference) {
        if (waitingWith(transaction, reference)) {
            return true;
        }
        return transaction.lookUp(REFERENCE_TAKEN, row -> true, reference).isPresent();
    }

    /**
     * A reference from {@code next} that no submission has; call inside {@link #inWriteTransaction}.
     * In the writer's batched pass ({@link WriteTransaction#batching}) a candidate is checked against
     * the submissions waiting in the batch only, not read from the table: a reference is 8
     * characters from 31 (about 8.5 × 10¹¹), so a clash with a stored one is rare, and the table's
     * unique index on {@code reference} refuses it when the batch is sent; the writer then runs the
     * batch again one write at a time, where each candidate is read from the table
     * ({@link #referenceTaken}; docs/adr/0065-batched-writes.md). Either way no reference is given twice.
     */
    public String unusedReference(WriteTransaction transaction, Supplier<String> next) {
        String reference = next.get();
        while (transaction.batching() ? waitingWith(transaction, reference) : referenceTaken(transaction, reference)) {
            reference = next.get();
        }
        return reference;
    }

    /**
     * A submission's answers with their salt and content hash (ADR 13), made before the write: the
     * ledger's one writer thread then only links them (issue 23's intake profile).
     */
    public record SaltedAnswers(String fieldsJson, String salt, String contentHash) {
    }

    /** Salts and hashes answers (canonical JSON) for {@link #append(WriteTransaction, NewSubmission, SaltedAnswers)}; any thread. */
    public SaltedAnswers salted(String fieldsJson) {
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return new SaltedAnswers(fieldsJson, salt, ChainHasher.contentHash(salt, fieldsJson));
    }

    /** Adds the submission as the newest link of its school's chain; call inside {@link #inWriteTransaction}. */
    public SubmissionRow append(WriteTransaction transaction, NewSubmission submission) {
        return append(transaction, submission, salted(submission.fieldsJson()));
    }

    /**
     * As {@link #append(WriteTransaction, NewSubmission)}, with the answers salted and hashed already.
     *
     * @throws IllegalArgumentException when {@code salted} is not of the submission's answers
     */
    public SubmissionRow append(WriteTransaction transaction, NewSubmission submission, SaltedAnswers salted) {
        if (!salted.fieldsJson().equals(submission.fieldsJson())) {
            throw new IllegalArgumentException("the salted answers are not the submission's");
        }
        transaction.lockChain(CHAIN, submission.school());
        ChainHead head = transaction.movedHead(CHAIN, submission.school())
                .or(() -> transaction.lookUp(transaction.forUpdate(CHAIN_HEAD),
                        found -> new ChainHead(submission.school(), found.getLong(1), found.getString(2)),
                        submission.school()))
                .orElse(new ChainHead(submission.school(), 0, ChainHasher.GENESIS));
        String salt = salted.salt();
        String contentHash = salted.contentHash();
        SubmissionRow unhashed = new SubmissionRow(0, submission.school(), head.lastSeq() + 1,
                submission.reference(), submission.formId(), submission.formKind(), submission.formVersion(),
                submission.lang(), submission.fieldsJson(), asStored(submission.receivedAt()), submission.urgent(), salt,
                contentHash, head.lastHash(), "", submission.fingerprint(), submission.idempotencyKey(), null);
        String hash = ChainHasher.linkHash(head.lastHash(), unhashed, contentHash);
        SubmissionRow row = withId(withHash(unhashed, hash), transaction.nextId("submission", submission.school()));
        transaction.insert(INSERT, row.id(),
                row.school(), row.seq(), row.reference(), row.formId(), row.formKind(), row.formVersion(), row.lang(),
                row.fieldsJson(), row.receivedAt(), row.urgent(), row.salt(), row.contentHash(), row.prevHash(),
                row.hash(), row.fingerprint(), row.idempotencyKey());
        transaction.moveHead(CHAIN, new ChainHead(row.school(), row.seq(), hash), MOVE_CHAIN_HEAD,
                row.school(), row.seq(), hash);
        transaction.submissionWaiting(row);
        return row;
    }

    /** Finishes the writes already waiting and stops the writer. */
    @Override
    public void close() {
        writer.close();
    }

    /** A {@code submission} row, column by column as the table defines it. */
    private static SubmissionRow row(ResultSet found) throws SQLException {
        return new SubmissionRow(found.getLong("id"), found.getString("school"), found.getLong("seq"),
                found.getString("reference"), found.getString("form_id"), found.getString("form_kind"),
                found.getString("form_version"), found.getString("lang"), found.getString("fields_json"),
                instant(found.getString("received_at")), found.getInt("urgent") != 0, found.getString("salt"),
                found.getString("content_hash"), found.getString("prev_hash"), found.getString("hash"),
                found.getString("fingerprint"), found.getString("idempotency_key"),
                instant(found.getString("erased_at")));
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Times.parse(stored);
    }

    /** The instant as it reads back from the table, so the row returned equals the row stored. */
    static Instant asStored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static SubmissionRow withId(SubmissionRow row, long id) {
        return new SubmissionRow(id, row.school(), row.seq(), row.reference(), row.formId(), row.formKind(),
                row.formVersion(), row.lang(), row.fieldsJson(), row.receivedAt(), row.urgent(), row.salt(),
                row.contentHash(), row.prevHash(), row.hash(), row.fingerprint(), row.idempotencyKey(), row.erasedAt());
    }

    private static SubmissionRow withHash(SubmissionRow row, String hash) {
        return new SubmissionRow(row.id(), row.school(), row.seq(), row.reference(), row.formId(), row.formKind(),
                row.formVersion(), row.lang(), row.fieldsJson(), row.receivedAt(), row.urgent(), row.salt(),
                row.contentHash(), row.prevHash(), hash, row.fingerprint(), row.idempotencyKey(), row.erasedAt());
    }
}
