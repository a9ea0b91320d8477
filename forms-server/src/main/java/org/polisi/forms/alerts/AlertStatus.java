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

    /** One alert about a report: the staff role it goes to, and when it was sent (null: not yet). */
    public record Alert(String recipientRole, Instant sentAt) {
        public boolean sent() {
            return sentAt != null;
        }
    }

    @RegisterConstructorMapper(Alert.class)
    public interface Queries {
        @SqlQuery("SELECT recipient_role, sent_at FROM outbox WHERE school = :school AND reference = :reference"
                + " AND kind <> 'receipt' ORDER BY id")
        List<Alert> about(@Bind("school") String school, @Bind("reference") String reference);

        @SqlQuery("SELECT count(*) FROM outbox WHERE school = :school AND sent_at IS NULL AND kind <> 'receipt'")
        int waiting(@Bind("school") String school);
    }

    /** Whether a mail server is set: without one, alerts only wait in the database. */
    public boolean deliveryConfigured() {
        return deliveryConfigured;
    }

    public List<Alert> about(String school, String reference) {
        return jdbi.withExtension(Queries.class, queries -> queries.about(school, reference));
    }

    /** How many of the school's alerts have not been sent. */
    public int waiting(String school) {
        return jdbi.withExtension(Queries.class, queries -> queries.waiting(school));
    }
}
