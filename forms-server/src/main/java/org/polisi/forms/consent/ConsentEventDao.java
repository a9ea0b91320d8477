package org.polisi.forms.consent;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code consent_event} table: appended to ({@link ConsentRecorder}, on the ledger writer's
 * statements), never changed except to erase a pupil's name.
 */
@RegisterConstructorMapper(ConsentEvent.class)
@RegisterConstructorMapper(CurrentConsent.class)
@RegisterConstructorMapper(ConsentChange.class)
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

    /** Every event of one consent form, oldest first, with the reference of the form that caused it. */
    @SqlQuery("""
            SELECT e.pupil, e.statement, e.answer, e.recorded_at, cause.reference AS cause_reference
            FROM consent_event e JOIN submission cause ON cause.id = e.cause_submission
            WHERE e.consent_submission = :submission
            ORDER BY e.id
            """)
    List<ConsentChange> historyOf(@Bind("submission") long consentSubmission);

    /**
     * For each pupil (names compared without case), form and statement: the newest event from a
     * consent form that has not been erased, and how many events led there.
     */
    @SqlQuery("""
            WITH live AS (
                SELECT e.*, s.reference
                FROM consent_event e JOIN submission s ON s.id = e.consent_submission
                WHERE e.school = :school AND s.erased_at IS NULL
            ), ranked AS (
                SELECT live.*,
                       row_number() OVER (PARTITION BY pupil COLLATE NOCASE, form_id, statement ORDER BY id DESC) AS newest,
                       count(*) OVER (PARTITION BY pupil COLLATE NOCASE, form_id, statement) AS changes
                FROM live
            )
            SELECT pupil, form_id, statement, answer, recorded_at AS since, reference, changes
            FROM ranked WHERE newest = 1
            ORDER BY pupil COLLATE NOCASE, form_id, statement
            """)
    List<CurrentConsent> currentState(@Bind("school") String school);

    @SqlUpdate("UPDATE consent_event SET pupil = '' WHERE consent_submission = :id OR cause_submission = :id")
    void forgetPupils(@Bind("id") long submissionId);
}
