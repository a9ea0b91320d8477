package org.polisi.forms.consent;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code consent_event} table: appended to ({@link ConsentRecorder}, on the ledger writer's
 * statements), never changed except to erase a pupil's name. What the staff pages show of the
 * current state comes from verified events ({@link ConsentState}), not from these queries alone.
 */
@RegisterConstructorMapper(ConsentEvent.class)
public interface ConsentEventDao {

    /** The newest event for each pupil and statement of one consent form. */
    @SqlQuery("""
            SELECT e.* FROM consent_event e
            WHERE e.consent_submission = :submission
              AND e.id = (SELECT max(newer.id) FROM consent_event newer
                          WHERE newer.consent_submission = e.consent_submission
                            AND newer.pupil = e.pupil AND newer.statement = e.statement)
            ORDER BY e.id
            """)
    List<ConsentEvent> latestFor(@Bind("submission") long consentSubmission);

    /** Erasure: clears the pupil's name and its salt (the only change the table's trigger allows). */
    @SqlUpdate("""
            UPDATE consent_event SET pupil = '', salt = NULL
            WHERE (consent_submission = :id OR cause_submission = :id) AND salt IS NOT NULL
            """)
    void forgetPupils(@Bind("id") long submissionId);
}
