package org.polisi.forms.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.consent.ConsentEventDao;
import org.polisi.forms.consent.WithdrawalDecisionDao;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.incident.IncidentEventDao;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.contract.RetentionRule;
import org.polisi.contract.YearGroups;
import org.polisi.forms.storage.ErasureDao;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.WriteTransaction;
import org.polisi.forms.text.TypedText;

/**
 * Removes a submission's answers and leaves a tombstone: the row keeps its place and hashes in the
 * chain (so {@code verify} still passes), the erasure is logged, and the names it carried are
 * removed from consent events, alerts and the derived search key too. An erasure on request is
 * refused while the record is under a {@link LegalHold}, and carries the words of whoever asked
 * for it ({@link RecordChains#ERASURE_EXPLANATION}), so the tombstone can say why.
 */
public final class ErasureService {

    public static final String RETENTION = "retention";
    public static final String REQUEST = "request";

    private final Jdbi jdbi;
    private final SubmissionLedger ledger;
    private final ManifestCatalog manifests;

    /**
     * @param jdbi      the database, for reads
     * @param ledger    its one writer, for the erasure
     * @param manifests the published forms, for each record's retention rule (a legal hold)
     */
    public ErasureService(Jdbi jdbi, SubmissionLedger ledger, ManifestCatalog manifests) {
        this.jdbi = jdbi;
        this.ledger = ledger;
        this.manifests = manifests;
    }

    /** What an erasure on request came to. */
    public sealed interface Outcome {
        /** The answers are gone; the tombstone stays. */
        record Erased(SubmissionRow row) implements Outcome { }
        /** No such live record in the school (never existed, another school's, or already erased). */
        record NotFound() implements Outcome { }
        /** Refused: the record is under a legal hold. */
        record Held(LegalHold.Held hold) implements Outcome { }
    }

    /** What is left of an erased record: enough to say what it was and what happened to it, nothing it said. */
    public record Tombstone(String reference, String formId, Instant receivedAt, String reason, String erasedBy,
                            Instant erasedAt, Optional<String> explanation) {
    }

    /**
     * Erases the school's record with that reference on request, unless a legal hold keeps it.
     *
     * @param explanation why, in the words of whoever asked (stored after NFC and control-character
     *                    removal, {@link TypedText#normalise}); empty for none (the command line)
     * @param erasedBy    who erased it, as recorded ("Name &lt;e-mail&gt;")
     * @throws IllegalArgumentException when the explanation is present but shows nothing
     */
    public Outcome eraseOnRequest(String school, String reference, Optional<String> explanation, String erasedBy,
                                  Instant now) {
        Optional<String> words = explanation.map(TypedText::normalise);
        if (words.isPresent() && !TypedText.hasVisibleCharacter(words.get())) {
            throw new IllegalArgumentException("an erasure's explanation must say something");
        }
        LocalDate today = now.atZone(Dates.SCHOOL_TIME).toLocalDate();
        Outcome outcome = ledger.inWriteTransaction(transaction -> {
            Optional<SubmissionRow> row = live(transaction.handle(), school, reference);
            if (row.isEmpty()) {
                return new Outcome.NotFound();
            }
            Optional<LegalHold.Held> hold = holdOn(transaction.handle(), row.get(), today);
            if (hold.isPresent()) {
                return new Outcome.Held(hold.get());
            }
            erase(transaction, row.get(), REQUEST, erasedBy, now);
            if (words.isPresent()) {
                try (RecordChain.Appender explanations = RecordChains.ERASURE_EXPLANATION.appender(transaction,
                        school)) {
                    explanations.append(row.get().id(), words.get(), now);
                }
            }
            return new Outcome.Erased(row.get());
        });
        if (outcome instanceof Outcome.Erased) {
            org.polisi.forms.storage.FreedSpace.afterErasure(jdbi);
        }
        return outcome;
    }

    /** The legal hold on the school's live record with that reference, if any (for the confirm page). */
    public Optional<LegalHold.Held> holdOn(String school, String reference, Instant now) {
        LocalDate today = now.atZone(Dates.SCHOOL_TIME).toLocalDate();
        return jdbi.withHandle(handle -> live(handle, school, reference).flatMap(row -> holdOn(handle, row, today)));
    }

    /** The tombstone of the school's erased record with that reference, if it is one. */
    public Optional<Tombstone> tombstone(String school, String reference) {
        return jdbi.withHandle(handle -> handle.attach(SubmissionDao.class)
                .findByReference(org.polisi.forms.intake.ReferenceGenerator.normalise(reference))
                .filter(row -> row.school().equals(school) && row.erased())
                .flatMap(row -> handle.attach(ErasureDao.class).forSubmission(row.id()).map(erasure ->
                        new Tombstone(row.reference(), row.formId(), row.receivedAt(), erasure.reason(),
                                erasure.erasedBy(), erasure.erasedAt(), handle.createQuery(
                                        "SELECT explanation FROM erasure_explanation WHERE submission_id = :id")
                                        .bind("id", row.id()).mapTo(String.class).findOne()))));
    }

    /**
     * An incident report whose form is no longer published (or whose manifest was not given to the
     * command line) is held as its kind is: kept until the date staff set, never erased by guesswork.
     */
    private Optional<LegalHold.Held> holdOn(Handle handle, SubmissionRow row, LocalDate today) {
        RetentionRule rule = manifests.form(row.school(), row.formId()).map(FormDefinition::retention)
                .orElse(FormKind.INCIDENT.word().equals(row.formKind())
                        ? new RetentionRule(RetentionRule.Rule.UNTIL_STAFF_DATE, 0, RetentionRule.Unit.NONE, null, YearGroups.DEFAULT_LAST, null) : null);
        return LegalHold.of(handle, rule, row, today);
    }

    private static Optional<SubmissionRow> live(Handle handle, String school, String reference) {
        return handle.attach(SubmissionDao.class).findByReference(org.polisi.forms.intake.ReferenceGenerator.normalise(reference))
                .filter(found -> found.school().equals(school) && !found.erased());
    }

    /**
     * Erases inside the caller's write transaction: the erasure is recorded first, in the school's
     * erasure chain (the submission's trigger refuses an erasure that is not recorded).
     */
    static void erase(WriteTransaction transaction, SubmissionRow row, String reason, String erasedBy, Instant now) {
        try (RecordChain.Appender erasures = RecordChains.ERASURE.appender(transaction, row.school())) {
            erasures.append(row.id(), reason, erasedBy, now);
        }
        Handle handle = transaction.handle();
        handle.attach(SubmissionDao.class).erase(row.id(), now);
        handle.attach(ConsentEventDao.class).forgetPupils(row.id());
        handle.attach(WithdrawalDecisionDao.class).forgetReason(row.id());
        handle.attach(IncidentEventDao.class).forgetActions(row.id());
        handle.createUpdate("DELETE FROM submission_name_key WHERE submission_id = :id").bind("id", row.id()).execute();
        // an alert forgets who raised it; a receipt's copy not yet sent forgets its address and is not sent
        handle.createUpdate("UPDATE outbox SET raised_by = NULL, recipient_address = NULL WHERE reference = :reference")
                .bind("reference", row.reference())
                .execute();
    }
}
