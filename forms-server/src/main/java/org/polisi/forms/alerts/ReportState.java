package org.polisi.forms.alerts;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.incident.IncidentChronology;
import org.polisi.forms.incident.IncidentEventDao;
import org.polisi.forms.storage.SubmissionRow;

/**
 * Whether an incident report still wants its alert when the alert's turn comes: not once it is
 * erased (purged, or on request) or gone, nor once staff have closed it (tester 3's fault 8: a
 * purged report's "urgent" alert went out to two roles days later, asking them to read a tombstone).
 */
final class ReportState {

    static final String ERASED = "the report was erased before the alert was sent";
    static final String CLOSED = "the report was closed before the alert was sent";

    private ReportState() {
    }

    /** Why the alert must not go (for the outbox and the log), or empty when it still should. */
    static Optional<String> whyNotAlert(Jdbi jdbi, Optional<SubmissionRow> report) {
        if (report.isEmpty() || report.get().erased()) {
            return Optional.of(ERASED);
        }
        String status = IncidentChronology.status(jdbi.withExtension(IncidentEventDao.class,
                events -> events.of(report.get().id())));
        return IncidentChronology.CLOSED.equals(status) ? Optional.of(CLOSED) : Optional.empty();
    }
}
