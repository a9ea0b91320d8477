package org.polisi.forms.retention;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.polisi.forms.consent.ConsentEventDao;
import org.polisi.forms.consent.WithdrawalDecisionDao;
import org.polisi.forms.incident.IncidentEventDao;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.WriteTransaction;

/**
 * Removes a submission's answers and leaves a tombstone: the row keeps its place and hashes in the
 * chain (so {@code verify} still passes), the erasure is logged, and the names it carried are
 * removed from consent events, alerts and the derived search key too.
 */
public final class ErasureService {

    public static final String RETENTION = "retention";
    public static final String REQUEST = "request";

    private final SubmissionLedger ledger;

    public ErasureService(SubmissionLedger ledger) {
        this.ledger = ledger;
    }

    /** Erases the school's record with that reference; empty when there is none or it is already erased. */
    public Optional<SubmissionRow> erase(String school, String reference, String reason, String erasedBy,
                                         Instant now) {
        return ledger.inWriteTransaction(transaction -> {
            Optional<SubmissionRow> row = transaction.handle().attach(SubmissionDao.class).findByReference(reference)
                    .filter(found -> found.school().equals(school) && !found.erased());
            row.ifPresent(found -> erase(transaction, found, reason, erasedBy, now));
            return row;
        });
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
        handle.createUpdate("UPDATE outbox SET raised_by = NULL WHERE reference = :reference")
                .bind("reference", row.reference())
                .execute();
    }
}
