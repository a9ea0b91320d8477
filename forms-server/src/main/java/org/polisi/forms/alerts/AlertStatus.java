package org.polisi.forms.alerts;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What has really become of the alerts about one report, and of a school's alerts in general, so
 * that a confirmation page or the staff dashboard says only what is true (issue 14): an alert is
 * "sent" once the SMTP server accepted it, "queued" while it waits for the next round, and with no
 * mail server configured nothing will ever be sent.
 */
public final class AlertStatus {

    private final Jdbi jdbi;
    private final boolean deliveryConfigured;

    public AlertStatus(Jdbi jdbi, boolean deliveryConfigured) {
        this.jdbi = jdbi;
        this.deliveryConfigured = deliveryConfigured;
    }

    /**
     * One alert about a report: the staff role it is for, when it was sent (null: not yet), the role
     * whose accounts got it (null: not sent, or sent before this was recorded) and why it was dropped
     * (null: it was not).
     */
    public record Alert(String recipientRole, Instant sentAt, String sentToRole, String droppedReason) {
        public boolean sent() {
            return sentAt != null;
        }
    }

    /**
     * Where one alert about a report went or will go: for a sent one, the role recorded when it was
     * sent; for one still queued, the accounts as they are now ({@link AlertRecipients}).
     */
    public record Reach(Alert alert, AlertRecipients.Resolution to) {
    }

    @RegisterConstructorMapper(Alert.class)
    public interface Queries {
        @SqlQuery("SELECT recipient_role, sent_at, sent_to_role, dropped_reason FROM outbox"
                + " WHERE school = :school AND reference = :reference"
                + " AND kind <> 'receipt' ORDER BY id")
        List<Alert> about(@Bind("school") String school, @Bind("reference") String reference);

        @SqlQuery("SELECT count(*) FROM outbox WHERE school = :school AND sent_at IS NULL AND dropped_reason IS NULL"
                + " AND kind <> 'receipt'")
        int waiting(@Bind("school") String school);
    }

    /** Whether a mail server is set: without one, alerts only wait in the database. */
    public boolean deliveryConfigured() {
        return deliveryConfigured;
    }

    public List<Alert> about(String school, String reference) {
        return jdbi.withExtension(Queries.class, queries -> queries.about(school, reference));
    }

    /** Each alert about the report that is not dropped, with whom it reached or will reach (fault 3: said truthfully). */
    public List<Reach> reach(String school, String reference) {
        AlertRecipients recipients = new AlertRecipients(jdbi);
        return about(school, reference).stream().filter(alert -> alert.droppedReason() == null)
                .map(alert -> new Reach(alert, alert.sent()
                        ? sentTo(alert)
                        : recipients.resolve(school, alert.recipientRole())))
                .toList();
    }

    /** A sent alert's recipients as recorded (the role whose accounts got it; addresses are not kept). */
    private static AlertRecipients.Resolution sentTo(Alert alert) {
        String role = alert.sentToRole() != null ? alert.sentToRole() : alert.recipientRole();
        return new AlertRecipients.Resolution(alert.recipientRole(), java.util.Optional.of(role), List.of());
    }

    /** The roles the forms alert that no active account of the school holds ({@link AlertRecipients#unheld}). */
    public List<String> unheldRoles(String school, List<org.polisi.contract.FormDefinition> forms) {
        return new AlertRecipients(jdbi).unheld(school, forms);
    }

    /** How many of the school's alerts have not been sent. */
    public int waiting(String school) {
        return jdbi.withExtension(Queries.class, queries -> queries.waiting(school));
    }
}
