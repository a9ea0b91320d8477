package org.polisi.forms.staff;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The {@code incident_view} table: every time an incident report was looked at, by whom, how (appended by {@link IncidentViews}). */
@RegisterConstructorMapper(IncidentViewDao.IncidentView.class)
public interface IncidentViewDao {

    record IncidentView(long submissionId, Long staffUserId, String viewer, String channel, Instant viewedAt) {
    }

    @SqlQuery("""
            SELECT submission_id, staff_user_id, viewer, channel, viewed_at
            FROM incident_view WHERE submission_id = :id ORDER BY id
            """)
    List<IncidentView> forSubmission(@Bind("id") long submissionId);
}
