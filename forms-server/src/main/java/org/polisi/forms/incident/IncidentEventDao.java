package org.polisi.forms.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code incident_event} table (migrations V40, V40.1-3): appended to, through {@code RecordChains.INCIDENT_EVENT}, and, never changed but for erasing an action's words. */
@RegisterConstructorMapper(IncidentEvent.class)
@RegisterConstructorMapper(IncidentEventDao.StatusOfReport.class)
public interface IncidentEventDao {

    /** The current status of one report and the month it arrived: what the governors' summary counts. */
    record StatusOfReport(long submissionId, Instant receivedAt, String status) {
    }

    String COLUMNS = "id, school, submission_id, report_seq, kind, detail, staff_user_id, recorded_by, recorded_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM incident_event WHERE submission_id = :id ORDER BY report_seq")
    List<IncidentEvent> of(@Bind("id") long submissionId);

    /** The number of the report's newest entry, 0 when it has none. */
    @SqlQuery("SELECT coalesce(max(report_seq), 0) FROM incident_event WHERE submission_id = :id")
    long lastReportSeq(@Bind("id") long submissionId);

    /** Every incident report of the school with the status its newest status event gives ('open' without one). */
    @SqlQuery("""
            SELECT s.id AS submission_id, s.received_at,
                   coalesce((SELECT e.detail FROM incident_event e
                             WHERE e.submission_id = s.id AND e.kind = 'status'
                             ORDER BY e.report_seq DESC LIMIT 1), 'open') AS status
            FROM submission s
            WHERE s.school = :school AND s.form_kind = 'incident'
            ORDER BY s.seq
            """)
    List<StatusOfReport> statuses(@Bind("school") String school);

    /** Erasure: clears the report's actions' words and their salts (the chain then requires the erasure). */
    @SqlUpdate("UPDATE incident_event SET detail = '', salt = NULL WHERE submission_id = :id AND kind = 'action'")
    void forgetActions(@Bind("id") long submissionId);
}
