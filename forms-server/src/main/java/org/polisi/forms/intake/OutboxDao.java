package org.polisi.forms.intake;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Alerts waiting to be sent to a role (today: the safeguarding lead, for urgent incidents). An
 * alert names who raised it, when and the category, and the reference to look the report up with
 * after logging in; never the report's content, so that an e-mail gateway sees nothing sensitive.
 */
@RegisterConstructorMapper(OutboxDao.Alert.class)
public interface OutboxDao {

    record Alert(String school, String kind, String recipientRole, String reference, String raisedBy,
                 String category, Instant raisedAt) {
    }

    @SqlUpdate("""
            INSERT INTO outbox (school, kind, recipient_role, reference, raised_by, category, raised_at)
            VALUES (:school, :kind, :recipientRole, :reference, :raisedBy, :category, :raisedAt)
            """)
    void queue(@BindMethods Alert alert);

    @SqlQuery("""
            SELECT school, kind, recipient_role, reference, raised_by, category, raised_at
            FROM outbox WHERE school = :school AND sent_at IS NULL ORDER BY id
            """)
    List<Alert> unsent(@Bind("school") String school);
}
