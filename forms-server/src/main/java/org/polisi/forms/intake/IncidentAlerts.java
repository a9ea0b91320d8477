package org.polisi.forms.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.StaffRole;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.WriteTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the alerts an incident report's form asks for ({@code notify} in its definition: the roles
 * told of every report, and those told of an urgent one), in the transaction that stores the report.
 * One outbox row per role; each holds who raised it (for the subject access search, never e-mailed:
 * ADR 0081), when, the kind and the reference, never the report. An urgent report of a form that names nobody still alerts the safeguarding lead, so that it
 * is never silently dropped.
 */
final class IncidentAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentAlerts.class);
    static final String URGENT = "urgent-incident";
    static final String INCIDENT = "incident";
    private static final String FALLBACK_ROLE = StaffRole.SAFEGUARDING_LEAD.formWord();

    void queue(WriteTransaction transaction, FormDefinition form, SubmissionRow stored, Map<String, Object> answers,
               Optional<String> urgentCategory, Instant now) {
        boolean urgent = urgentCategory.isPresent();
        List<String> roles = form.alerts().forReport(urgent);
        if (roles.isEmpty() && urgent) {
            LOG.warn("Form {}/{} names no role for urgent reports: alerting the safeguarding lead", stored.school(),
                    form.id());
            roles = List.of(FALLBACK_ROLE);
        }
        OutboxDao outbox = transaction.handle().attach(OutboxDao.class);
        String raisedBy = UrgentConcern.reporter(form, answers).orElse(null);
        // one row per role: "office" and "school-office" are one role, alerted once (ADR 0094)
        for (String role : roles.stream().map(IncidentAlerts::accountRole).distinct().toList()) {
            outbox.queue(new OutboxDao.Alert(stored.school(), urgent ? URGENT : INCIDENT, role,
                    stored.reference(), raisedBy, urgentCategory.orElse(INCIDENT), now));
        }
        if (urgent) {
            LOG.warn("URGENT incident report {} received for {} ({}): alert queued for {}", stored.reference(),
                    stored.school(), urgentCategory.get(), String.join(", ", roles));
        } else if (!roles.isEmpty()) {
            LOG.info("Incident report {} received for {}: alert queued for {}", stored.reference(), stored.school(),
                    String.join(", ", roles));
        }
    }

    /** The manifest names roles by their form words ({@code school-office}); the outbox by account words. */
    private static String accountRole(String role) {
        return StaffRole.fromFormWord(role).map(StaffRole::word).orElse(role);
    }
}
