package org.polisi.forms.retention;

import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.polisi.forms.incident.IncidentChronology;
import org.polisi.forms.incident.IncidentEventDao;
import org.polisi.contract.RetentionRule;
import org.polisi.forms.storage.SubmissionRow;

/**
 * Whether a record is under a legal hold, so that it must not be erased on request: its form's
 * retention rule is {@code until-staff-date} (incident reports: kept until the date staff set, see
 * {@link RetentionRule}) and that date has not passed, or none is set yet. The UK GDPR's right to
 * erasure does not apply while the school must keep a record for a legal claim or obligation
 * (Article 17(3)(b) and (e)); staff lift the hold by setting a date on the report's chronology.
 */
public final class LegalHold {

    private LegalHold() {
    }

    /**
     * The hold on a record, if any.
     *
     * @param rule  the record's form's retention rule (null when the form is no longer published)
     * @param today the school's date today ({@link org.polisi.forms.i18n.Dates#SCHOOL_TIME})
     * @return empty when the record may be erased; otherwise the date staff set (empty inside when none is set)
     */
    public static Optional<Held> of(Handle handle, RetentionRule rule, SubmissionRow row, LocalDate today) {
        if (rule == null || rule.rule() != RetentionRule.Rule.UNTIL_STAFF_DATE) {
            return Optional.empty();
        }
        Optional<LocalDate> until = IncidentChronology.keptUntil(handle.attach(IncidentEventDao.class).of(row.id()));
        if (until.isPresent() && today.isAfter(until.get())) {
            return Optional.empty();
        }
        return Optional.of(new Held(until));
    }

    /** A record under hold, kept until the date staff set (inclusive), or with no date set yet. */
    public record Held(Optional<LocalDate> until) {
    }
}
