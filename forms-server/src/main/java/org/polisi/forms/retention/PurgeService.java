package org.polisi.forms.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.polisi.forms.manifest.FormDefinition;
import org.polisi.forms.manifest.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.SubmissionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each form's retention period ({@code retentionDays} in the manifest): a submission older
 * than that is erased, leaving a tombstone and an erasure record with reason "retention".
 */
public final class PurgeService {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeService.class);

    private final ManifestCatalog manifests;
    private final SubmissionLedger ledger;

    public PurgeService(ManifestCatalog manifests, SubmissionLedger ledger) {
        this.manifests = manifests;
        this.ledger = ledger;
    }

    /** What was removed: enough to answer "what happened to my form?" without keeping its content. */
    public record Purged(String school, String formId, String reference, Instant receivedAt) {
    }

    public List<Purged> purge(Instant now) {
        List<Purged> purged = new ArrayList<>();
        for (Manifest manifest : manifests.all()) {
            for (FormDefinition form : manifest.forms()) {
                if (form.retentionDays() <= 0) {
                    LOG.warn("Form {}/{} has no retention period: nothing purged", manifest.school(), form.id());
                    continue;
                }
                Instant cutoff = now.minus(Duration.ofDays(form.retentionDays()));
                purged.addAll(ledger.inWriteTransaction(transaction -> {
                    List<Purged> removed = new ArrayList<>();
                    for (SubmissionRow row : transaction.handle().attach(SubmissionDao.class)
                            .receivedBefore(manifest.school(), form.id(), cutoff)) {
                        ErasureService.erase(transaction, row, ErasureService.RETENTION, "purge", now);
                        removed.add(new Purged(row.school(), row.formId(), row.reference(), row.receivedAt()));
                    }
                    return removed;
                }));
            }
        }
        LOG.info("Purge removed the answers of {} submission(s) past their retention period", purged.size());
        return purged;
    }
}
