package org.polisi.forms.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The {@code erasure} log: what was removed, why, by whom, when (appended as {@link RecordChains#ERASURE}). */
@RegisterConstructorMapper(ErasureDao.Erasure.class)
public interface ErasureDao {

    record Erasure(long submissionId, String reason, String erasedBy, Instant erasedAt) {
    }

    @SqlQuery("SELECT submission_id, reason, erased_by, erased_at FROM erasure WHERE submission_id = :id")
    Optional<Erasure> forSubmission(@Bind("id") long submissionId);

    @SqlQuery("SELECT submission_id, reason, erased_by, erased_at FROM erasure ORDER BY id")
    List<Erasure> all();
}
