package org.polisi.forms.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code incident_event} table (migration V40): appended to, never changed but for erasing an action's words. */
@RegisterConstructorMapper(IncidentEvent.class)
@RegisterConstructorMapper(IncidentEventDao.StatusOfReport.class)
public interface IncidentEventDao {

    /** The current status of one report and the month it arrived: what the governors' summary counts. */
    record StatusOfReport(long submissionId, Instant receivedAt, String status) {
    }

    @SqlQuery("SELECT * FROM incident_event WHERE submission_id = :id ORDER BY seq")
    List<IncidentEvent> of(@Bind("id") long submissionId);

    @SqlQuery("SELECT * FROM incident_event WHERE submission_id = :id ORDER BY seq DESC LIMIT 1")
    Optional<IncidentEvent> newest(@Bind("id") long submissionId);

    @SqlUpdate("""
            INSERT INTO incident_event (school, submission_id, seq, kind, detail, staff_user_id, recorded_by,
                                        recorded_at, prev_hash, hash)
            VALUES (:school, :submissionId, :seq, :kind, :detail, :staffUserId, :recordedBy, :recordedAt, :prevHash,
                    :hash)
            """)
    void append(@BindMethods IncidentEvent event);

    /** Every incident report of the school with the status its newest status event gives ('open' without one). */
    @SqlQuery("""
            SELECT s.id AS submission_id, s.received_at,
                   coalesce((SELECT e.detail FROM incident_event e
                             WHERE e.submission_id = s.id AND e.kind = 'status'
                             ORDER BY e.seq DESC LIMIT 1), 'open') AS status
            FROM submission s
            WHERE s.school = :school AND s.form_kind = 'incident'
            ORDER BY s.seq
            """)
    List<StatusOfReport> statuses(@Bind("school") String school);

    @SqlUpdate("UPDATE incident_event SET detail = '' WHERE submission_id = :id AND kind = 'action'")
    void forgetActions(@Bind("id") long submissionId);
}
