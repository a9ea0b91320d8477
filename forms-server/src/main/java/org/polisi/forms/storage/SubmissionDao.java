package org.polisi.forms.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code submission} and {@code chain_head} tables, for reading and for erasure. Appending is
 * {@link SubmissionLedger}'s, on the writer's prepared statements.
 */
@RegisterConstructorMapper(SubmissionRow.class)
@RegisterConstructorMapper(ChainHead.class)
public interface SubmissionDao {

    @SqlQuery("SELECT * FROM submission WHERE reference = :reference")
    Optional<SubmissionRow> findByReference(@Bind("reference") String reference);

    @SqlQuery("SELECT * FROM submission WHERE id = :id")
    Optional<SubmissionRow> findById(@Bind("id") long id);

    @SqlQuery("SELECT * FROM submission WHERE school = :school ORDER BY seq")
    List<SubmissionRow> chainOf(@Bind("school") String school);

    @SqlQuery("SELECT * FROM submission WHERE school = :school AND form_id = :formId ORDER BY seq")
    List<SubmissionRow> allOfForm(@Bind("school") String school, @Bind("formId") String formId);

    @SqlQuery("SELECT school FROM submission UNION SELECT school FROM chain_head ORDER BY 1")
    List<String> schools();

    @SqlQuery("SELECT * FROM chain_head WHERE school = :school")
    Optional<ChainHead> chainHead(@Bind("school") String school);

    /** {@link #livePage}'s limit for "every row": PostgreSQL refuses SQLite's {@code LIMIT -1}. */
    int NO_LIMIT = Integer.MAX_VALUE;

    /**
     * One page of live (not erased) submissions, newest first; {@code urgentOnly} keeps urgent ones
     * only. The flag is bound as 0 or 1, as the {@code urgent} column holds it: PostgreSQL has no
     * {@code boolean = integer} (a 500 on every staff list there until this was found).
     */
    default List<SubmissionRow> livePage(String school, List<String> formIds, Instant from, Instant to,
                                         boolean urgentOnly, int limit, int offset) {
        return livePage(school, formIds, from, to, urgentOnly ? 1 : 0, limit, offset);
    }

    /** How many live submissions {@link #livePage} pages through. */
    default int liveCount(String school, List<String> formIds, Instant from, Instant to, boolean urgentOnly) {
        return liveCount(school, formIds, from, to, urgentOnly ? 1 : 0);
    }

    @SqlQuery("""
            SELECT * FROM submission
            WHERE school = :school AND form_id IN (<formIds>) AND erased_at IS NULL
              AND received_at >= :from AND received_at < :to AND (:urgentOnly = 0 OR urgent = 1)
            ORDER BY received_at DESC, seq DESC
            LIMIT :limit OFFSET :offset
            """)
    List<SubmissionRow> livePage(@Bind("school") String school, @BindList("formIds") List<String> formIds,
                                 @Bind("from") Instant from, @Bind("to") Instant to,
                                 @Bind("urgentOnly") int urgentOnly, @Bind("limit") int limit,
                                 @Bind("offset") int offset);

    @SqlQuery("""
            SELECT count(*) FROM submission
            WHERE school = :school AND form_id IN (<formIds>) AND erased_at IS NULL
              AND received_at >= :from AND received_at < :to AND (:urgentOnly = 0 OR urgent = 1)
            """)
    int liveCount(@Bind("school") String school, @BindList("formIds") List<String> formIds,
                  @Bind("from") Instant from, @Bind("to") Instant to, @Bind("urgentOnly") int urgentOnly);

    @SqlQuery("""
            SELECT * FROM submission
            WHERE school = :school AND form_id = :formId AND received_at < :before AND erased_at IS NULL
            ORDER BY seq
            """)
    List<SubmissionRow> receivedBefore(@Bind("school") String school, @Bind("formId") String formId,
                                       @Bind("before") Instant before);

    @SqlUpdate("""
            UPDATE submission SET fields_json = '{}', salt = NULL, fingerprint = NULL, erased_at = :erasedAt
            WHERE id = :id AND erased_at IS NULL
            """)
    int erase(@Bind("id") long id, @Bind("erasedAt") Instant erasedAt);
}
