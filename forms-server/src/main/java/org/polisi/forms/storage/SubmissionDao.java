package org.polisi.forms.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code submission} and {@code chain_head} tables. */
@RegisterConstructorMapper(SubmissionRow.class)
@RegisterConstructorMapper(ChainHead.class)
public interface SubmissionDao {

    @SqlUpdate("""
            INSERT INTO submission (school, seq, reference, form_id, form_kind, form_version, lang, fields_json,
                                    received_at, urgent, salt, content_hash, prev_hash, hash, fingerprint, idempotency_key)
            VALUES (:school, :seq, :reference, :formId, :formKind, :formVersion, :lang, :fieldsJson,
                    :receivedAt, :urgent, :salt, :contentHash, :prevHash, :hash, :fingerprint, :idempotencyKey)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods SubmissionRow row);

    @SqlQuery("SELECT * FROM submission WHERE reference = :reference")
    Optional<SubmissionRow> findByReference(@Bind("reference") String reference);

    @SqlQuery("SELECT * FROM submission WHERE id = :id")
    Optional<SubmissionRow> findById(@Bind("id") long id);

    /*
     * INDEXED BY: left to itself SQLite picks submission_by_school_form (it has a range on
     * received_at as well), which scans every submission of the form in the window: thousands of
     * rows per check at a few hundred submissions a second. By fingerprint it reads zero or one.
     */
    @SqlQuery("""
            SELECT * FROM submission INDEXED BY submission_by_fingerprint
            WHERE school = :school AND form_id = :formId AND fingerprint = :fingerprint
              AND received_at >= :since AND erased_at IS NULL
            ORDER BY seq DESC LIMIT 1
            """)
    Optional<SubmissionRow> findRecentDuplicate(@Bind("school") String school, @Bind("formId") String formId,
                                                @Bind("fingerprint") String fingerprint, @Bind("since") Instant since);

    @SqlQuery("SELECT * FROM submission WHERE school = :school AND form_id = :formId AND idempotency_key = :key")
    Optional<SubmissionRow> findByIdempotencyKey(@Bind("school") String school, @Bind("formId") String formId,
                                                 @Bind("key") String key);

    @SqlQuery("SELECT * FROM submission WHERE school = :school ORDER BY seq")
    List<SubmissionRow> chainOf(@Bind("school") String school);

    @SqlQuery("SELECT * FROM submission WHERE school = :school AND form_id = :formId ORDER BY seq")
    List<SubmissionRow> allOfForm(@Bind("school") String school, @Bind("formId") String formId);

    @SqlQuery("SELECT school FROM submission UNION SELECT school FROM chain_head ORDER BY 1")
    List<String> schools();

    @SqlQuery("SELECT * FROM chain_head WHERE school = :school")
    Optional<ChainHead> chainHead(@Bind("school") String school);

    @SqlUpdate("""
            INSERT INTO chain_head (school, last_seq, last_hash) VALUES (:school, :seq, :hash)
            ON CONFLICT (school) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash
            """)
    void moveChainHead(@Bind("school") String school, @Bind("seq") long seq, @Bind("hash") String hash);

    @SqlQuery("""
            SELECT * FROM submission
            WHERE school = :school AND form_id IN (<formIds>)
              AND received_at >= :from AND received_at < :to
            ORDER BY received_at DESC, seq DESC
            LIMIT :limit
            """)
    List<SubmissionRow> list(@Bind("school") String school, @BindList("formIds") List<String> formIds,
                             @Bind("from") Instant from, @Bind("to") Instant to, @Bind("limit") int limit);

    @SqlQuery("""
            SELECT * FROM submission
            WHERE school = :school AND form_id = :formId AND received_at < :before AND erased_at IS NULL
            ORDER BY seq
            """)
    List<SubmissionRow> receivedBefore(@Bind("school") String school, @Bind("formId") String formId,
                                       @Bind("before") Instant before);

    /** A first sift by SQL: the caller checks the parsed answers, since JSON escapes some characters. */
    @SqlQuery("""
            SELECT * FROM submission
            WHERE erased_at IS NULL AND instr(lower(fields_json), lower(:text)) > 0
            ORDER BY school, seq
            """)
    List<SubmissionRow> mentioning(@Bind("text") String text);

    @SqlUpdate("""
            UPDATE submission SET fields_json = '{}', salt = NULL, fingerprint = NULL, erased_at = :erasedAt
            WHERE id = :id AND erased_at IS NULL
            """)
    int erase(@Bind("id") long id, @Bind("erasedAt") Instant erasedAt);
}
