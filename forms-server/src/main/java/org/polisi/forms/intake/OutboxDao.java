package org.polisi.forms.intake;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Alerts waiting to be sent to a role (the roles an incident form's {@code notify} names). An
 * alert names who raised it, when and the category, and the reference to look the report up with
 * after logging in; never the report's content, so that an e-mail gateway sees nothing sensitive.
 */
@RegisterConstructorMapper(OutboxDao.Alert.class)
@RegisterConstructorMapper(OutboxDao.Pending.class)
public interface OutboxDao {

    record Alert(String school, String kind, String recipientRole, String reference, String raisedBy,
                 String category, Instant raisedAt) {
    }

    /**
     * An alert not yet sent, with its row id and the tries so far; for a receipt's copy (kind
     * {@code receipt}, docs/adr/0060), the address it goes to and the language it is written in
     * (both null for an alert).
     */
    record Pending(long id, String school, String kind, String recipientRole, String reference, String raisedBy,
                   String category, Instant raisedAt, int attempts, String recipientAddress, String language) {
    }

    @SqlUpdate("""
            INSERT INTO outbox (school, kind, recipient_role, reference, raised_by, category, raised_at)
            VALUES (:school, :kind, :recipientRole, :reference, :raisedBy, :category, :raisedAt)
            """)
    void queue(@BindMethods Alert alert);

    @SqlQuery("""
            SELECT school, kind, recipient_role, reference, raised_by, category, raised_at
            FROM outbox WHERE school = :school AND sent_at IS NULL AND dropped_reason IS NULL AND kind <> 'receipt' ORDER BY id
            """)
    List<Alert> unsent(@Bind("school") String school);

    @SqlQuery("""
            SELECT id, school, kind, recipient_role, reference, raised_by, category, raised_at, attempts,
                   recipient_address, language
            FROM outbox WHERE sent_at IS NULL AND dropped_reason IS NULL AND (kind <> 'receipt' OR recipient_address IS NOT NULL) ORDER BY id
            """)
    List<Pending> pending();

    /**
     * PostgreSQL only: the next unsent alert after {@code after}, locked until the transaction ends;
     * an alert another instance has locked is skipped (SKIP LOCKED), so two instances never send the
     * same one at the same time. Empty when there is none left.
     */
    @SqlQuery("""
            SELECT id, school, kind, recipient_role, reference, raised_by, category, raised_at, attempts,
                   recipient_address, language
            FROM outbox WHERE sent_at IS NULL AND dropped_reason IS NULL AND (kind <> 'receipt' OR recipient_address IS NOT NULL) AND id > :after
            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
            """)
    java.util.Optional<Pending> leaseNext(@Bind("after") long after);

    /**
     * PostgreSQL only: the other unsent alerts of the same report as the one leased (same school,
     * kind and reference), locked until the transaction ends; those another instance holds are
     * skipped. They go out with it, one e-mail per person (ADR 0094).
     */
    @SqlQuery("""
            SELECT id, school, kind, recipient_role, reference, raised_by, category, raised_at, attempts,
                   recipient_address, language
            FROM outbox WHERE school = :school AND reference = :reference AND kind = :kind AND id <> :leased
              AND sent_at IS NULL AND dropped_reason IS NULL
            ORDER BY id FOR UPDATE SKIP LOCKED
            """)
    List<Pending> leaseSameReport(@Bind("school") String school, @Bind("reference") String reference,
                                  @Bind("kind") String kind, @Bind("leased") long leased);

    /**
     * Marks it sent, to the accounts of {@code sentToRole} (an account word: the role asked for, or
     * the headteacher in its place; null for a receipt's copy); a receipt's copy forgets its address
     * now (docs/adr/0060).
     */
    @SqlUpdate("UPDATE outbox SET sent_at = :sentAt, sent_to_role = :sentToRole, attempts = attempts + 1,"
            + " last_error = NULL, recipient_address = NULL WHERE id = :id")
    void markSent(@Bind("id") long id, @Bind("sentAt") Instant sentAt, @Bind("sentToRole") String sentToRole);

    /** Marks it never to be sent, and why (its report was erased or closed first: ADR 0089). */
    @SqlUpdate("UPDATE outbox SET dropped_reason = :reason, attempts = attempts + 1 WHERE id = :id")
    void markDropped(@Bind("id") long id, @Bind("reason") String reason);

    @SqlUpdate("UPDATE outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
    void markFailed(@Bind("id") long id, @Bind("error") String error);

    /** E-mail addresses of the school's staff accounts with this role, but not disabled ones ({@code user disable}). */
    @SqlQuery("SELECT email FROM staff_user WHERE school = :school AND role = :role AND disabled = 0 ORDER BY email")
    List<String> staffEmails(@Bind("school") String school, @Bind("role") String role);
}
