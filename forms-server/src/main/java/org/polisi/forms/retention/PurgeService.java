package org.polisi.forms.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.incident.IncidentChronology;
import org.polisi.forms.incident.IncidentEventDao;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.contract.RetentionRule;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.SubmissionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each form's retention rule ({@code retention} in the manifest, {@link RetentionRule}): a
 * submission whose last day of keeping has passed is erased, leaving a tombstone and an erasure
 * record with reason "retention". Nothing else is removed: a record the rule cannot date (no date
 * set by staff yet, no year group answered) is kept.
 */
public final class PurgeService {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeService.class);

    private final ManifestCatalog manifests;
    private final SubmissionLedger ledger;

    public PurgeService(ManifestCatalog manifests, SubmissionLedger ledger) {
        this.manifests = manifests;
        this.ledger = ledger;
    }

    /**
     * What was removed and why: enough to answer "what happened to my form?" without keeping its content.
     *
     * @param keptUntil the last day the rule kept it (school time)
     * @param why       the rule, in words, e.g. "8 years after it was received"
     */
    public record Purged(String school, String formId, String reference, Instant receivedAt, LocalDate keptUntil,
                         String why) {
    }

    /** Erases every record past its rule's last day on {@code now}; returns them, oldest first per form. */
    public List<Purged> purge(Instant now) {
        LocalDate today = now.atZone(Dates.SCHOOL_TIME).toLocalDate();
        List<Purged> purged = new ArrayList<>();
        for (Manifest manifest : manifests.all()) {
            for (FormDefinition form : manifest.forms()) {
                RetentionRule rule = form.retention();
                if (rule == null) {
                    LOG.warn("Form {}/{} has no retention rule: nothing purged", manifest.school(), form.id());
                    continue;
                }
                purged.addAll(ledger.inWriteTransaction(transaction -> {
                    List<Purged> removed = new ArrayList<>();
                    Handle handle = transaction.handle();
                    for (SubmissionRow row : handle.attach(SubmissionDao.class)
                            .receivedBefore(manifest.school(), form.id(), now)) {
                        Optional<LocalDate> until = keptUntil(handle, rule, row);
                        if (until.isPresent() && today.isAfter(until.get())) {
                            ErasureService.erase(transaction, row, ErasureService.RETENTION, "purge", now);
                            removed.add(new Purged(row.school(), row.formId(), row.reference(), row.receivedAt(),
                                    until.get(), rule.explain()));
                        }
                    }
                    return removed;
                }));
            }
        }
        if (!purged.isEmpty()) {
            ledger.afterErasure();
        }
        LOG.info("Purge removed the answers of {} submission(s) past their retention rule", purged.size());
        return purged;
    }

    private static Optional<LocalDate> keptUntil(Handle handle, RetentionRule rule, SubmissionRow row) {
        Optional<String> yearGroup = Optional.ofNullable(rule.yearGroupField())
                .map(field -> CanonicalJson.readFields(row.fieldsJson()).get(field))
                .map(String::valueOf);
        Optional<LocalDate> staffSet = rule.rule() == RetentionRule.Rule.UNTIL_STAFF_DATE
                ? IncidentChronology.keptUntil(handle.attach(IncidentEventDao.class).of(row.id()))
                : Optional.empty();
        return rule.keptUntil(row.receivedAt(), yearGroup, staffSet, Dates.SCHOOL_TIME);
    }
}
