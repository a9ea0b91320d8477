package org.polisi.forms.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code erasure} log: what was removed, why, by whom, when. */
@RegisterConstructorMapper(ErasureDao.Erasure.class)
public interface ErasureDao {

    record Erasure(long submissionId, String reason, String erasedBy, Instant erasedAt) {
    }

    @SqlUpdate("""
            INSERT INTO erasure (submission_id, reason, erased_by, erased_at)
            VALUES (:submissionId, :reason, :erasedBy, :erasedAt)
            """)
    void record(@Bind("submissionId") long submissionId, @Bind("reason") String reason,
                @Bind("erasedBy") String erasedBy, @Bind("erasedAt") Instant erasedAt);

    @SqlQuery("SELECT submission_id, reason, erased_by, erased_at FROM erasure WHERE submission_id = :id")
    Optional<Erasure> forSubmission(@Bind("id") long submissionId);

    @SqlQuery("SELECT submission_id, reason, erased_by, erased_at FROM erasure ORDER BY id")
    List<Erasure> all();
}
