package org.polisi.forms.staff;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code incident_view} table: every time an incident report was looked at, by whom, how. */
@RegisterConstructorMapper(IncidentViewDao.IncidentView.class)
public interface IncidentViewDao {

    record IncidentView(long submissionId, Long staffUserId, String viewer, String channel, Instant viewedAt) {
    }

    @SqlUpdate("""
            INSERT INTO incident_view (submission_id, staff_user_id, viewer, channel, viewed_at)
            VALUES (:submissionId, :staffUserId, :viewer, :channel, :viewedAt)
            """)
    void record(@Bind("submissionId") long submissionId, @Bind("staffUserId") Long staffUserId,
                @Bind("viewer") String viewer, @Bind("channel") String channel, @Bind("viewedAt") Instant viewedAt);

    @SqlQuery("""
            SELECT submission_id, staff_user_id, viewer, channel, viewed_at
            FROM incident_view WHERE submission_id = :id ORDER BY id
            """)
    List<IncidentView> forSubmission(@Bind("id") long submissionId);
}
