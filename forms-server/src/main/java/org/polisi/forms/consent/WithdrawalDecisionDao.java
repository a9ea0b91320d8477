package org.polisi.forms.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code withdrawal_decision} table (migrations V40, V40.1-3): appended to, through {@code RecordChains.WITHDRAWAL_DECISION}, and, never changed but for erasing a reason. */
@RegisterConstructorMapper(WithdrawalDecisionDao.Decision.class)
public interface WithdrawalDecisionDao {

    /** A staff member's decision on a withdrawal request; {@code consentReference} when matched, {@code reason} when rejected. */
    record Decision(long withdrawalSubmission, String decision, String consentReference, String reason,
                    String decidedBy, Instant decidedAt) {
        public static final String MATCHED = "matched";
        public static final String REJECTED = "rejected";
    }

    @SqlQuery("""
            SELECT d.withdrawal_submission, d.decision, c.reference AS consent_reference, d.reason, d.decided_by,
                   d.decided_at
            FROM withdrawal_decision d LEFT JOIN submission c ON c.id = d.consent_submission
            WHERE d.withdrawal_submission = :id
            """)
    Optional<Decision> of(@Bind("id") long withdrawalSubmission);

    /** Withdrawals of the school sent without a reference, not erased, with no decision yet: oldest first. */
    @SqlQuery("""
            SELECT s.id FROM submission s
            WHERE s.school = :school AND s.form_kind = 'withdrawal' AND s.erased_at IS NULL
              AND coalesce(json_extract(s.fields_json, '$.reference'), '') = ''
              AND NOT EXISTS (SELECT 1 FROM withdrawal_decision d WHERE d.withdrawal_submission = s.id)
            ORDER BY s.seq
            """)
    List<Long> pendingIds(@Bind("school") String school);

    /** Erasure: clears the reason and its salt (the chain then requires the request's erasure). */
    @SqlUpdate("UPDATE withdrawal_decision SET reason = '', salt = NULL WHERE withdrawal_submission = :id AND reason IS NOT NULL")
    void forgetReason(@Bind("id") long withdrawalSubmission);
}
