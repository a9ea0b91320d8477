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
     * Every event of the school from a consent form that has not been erased, oldest first, as
     * {@link CurrentConsent} rows of one change each; {@link ConsentState} groups them by pupil.
     */
    @SqlQuery("""
            SELECT e.pupil, e.form_id, e.statement, e.answer, e.recorded_at AS since, s.reference, 1 AS changes
            FROM consent_event e JOIN submission s ON s.id = e.consent_submission
            WHERE e.school = :school AND s.erased_at IS NULL
            ORDER BY e.id
            """)
    List<CurrentConsent> liveEvents(@Bind("school") String school);

    @SqlUpdate("UPDATE consent_event SET pupil = '' WHERE consent_submission = :id OR cause_submission = :id")
    void forgetPupils(@Bind("id") long submissionId);
}
