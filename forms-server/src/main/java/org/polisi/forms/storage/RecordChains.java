package org.polisi.forms.storage;

import java.util.List;

/**
 * Every record chain besides the submissions' own (ADR 0013): what makes a record is chained per
 * school and append-only (issue #23, docs/adr/0024-record-chains.md).
 *
 * <p><b>How a table joins</b> (as incident events and withdrawal decisions did, migrations V40.1-V40.3):
 * <ol>
 *   <li>In its migration, give the table {@code school}, {@code seq}, {@code prev_hash} and
 *       {@code hash} columns, NOT NULL (and {@code salt}, {@code content_hash} if one column holds
 *       a name that erasure clears), a unique index on {@code (school, seq)}, and the triggers of
 *       {@code V22__record_chains_append_only.sql}: refuse every UPDATE (or all but the erasure
 *       one) and every DELETE.</li>
 *   <li>Add one {@link RecordChain} constant here, with the columns its hashes cover, and add it to
 *       {@link #ALL}: {@code verify}, the checkpoints and {@code verify --checkpoints} then cover
 *       it with no other change.</li>
 *   <li>Write its rows only through {@link RecordChain#appender}: inside the ledger's writer
 *       ({@code ledger.inWriteTransaction(tx -> …)}), or in a Jdbi transaction with
 *       {@code WriteTransaction.over(handle)}; close the appender to move the chain head. Rows
 *       on the intake's hot path can be {@link RecordChain#prepare}d in the request thread, so
 *       the writer computes only their links.</li>
 * </ol>
 */
public final class RecordChains {

    /** Each answer to a consent statement for each pupil, and each withdrawal. */
    public static final RecordChain CONSENT_EVENT = new RecordChain("consent-event", "consent_event",
            List.of("consent_submission", "cause_submission"), List.of("form_id", "statement", "answer", "recorded_at"),
            "pupil", "recorded_at",
            "EXISTS (SELECT 1 FROM erasure x WHERE x.submission_id IN (t.consent_submission, t.cause_submission))");

    /** Why a submission's answers were removed, by whom, when. */
    public static final RecordChain ERASURE = new RecordChain("erasure", "erasure", List.of(),
            List.of("submission_id", "reason", "erased_by", "erased_at"), null, "erased_at", "TRUE");

    /**
     * Why staff erased a submission, in their own words (issue 20): one row per erasure made on
     * request through the staff pages, appended in the same write as its {@link #ERASURE} row.
     */
    public static final RecordChain ERASURE_EXPLANATION = new RecordChain("erasure-explanation",
            "erasure_explanation", List.of(), List.of("submission_id", "explanation", "erased_at"), null, "erased_at",
            "TRUE");

    /** Who looked at an incident report, when and how. */
    public static final RecordChain INCIDENT_VIEW = new RecordChain("incident-view", "incident_view", List.of(),
            List.of("submission_id", "staff_user_id", "viewer", "channel", "viewed_at"), null, "viewed_at", "TRUE");

    /** Every change to a staff account (created, name, e-mail, role, password). */
    public static final RecordChain STAFF_ACCOUNT = new RecordChain("staff-account", "staff_account_event", List.of(),
            List.of("staff_user_id", "change", "value", "changed_by", "changed_at"), null, "changed_at", "TRUE");

    /**
     * Each staff action, status change and keep-until date on an incident report (ADR 0028); the
     * order within the report is {@code report_seq}. An action's words are cleared when the report
     * is erased.
     */
    public static final RecordChain INCIDENT_EVENT = new RecordChain("incident-event", "incident_event", List.of(),
            List.of("submission_id", "report_seq", "kind", "staff_user_id", "recorded_by", "recorded_at"),
            "detail", "recorded_at", "EXISTS (SELECT 1 FROM erasure x WHERE x.submission_id = t.submission_id)");

    /**
     * Each staff decision on a withdrawal request sent without a reference: matched to a consent
     * form, or rejected with a reason that is cleared when the request is erased (ADR 0028).
     */
    public static final RecordChain WITHDRAWAL_DECISION = new RecordChain("withdrawal-decision", "withdrawal_decision",
            List.of(), List.of("withdrawal_submission", "decision", "consent_submission", "staff_user_id", "decided_by",
                    "decided_at"),
            "reason", "decided_at", "EXISTS (SELECT 1 FROM erasure x WHERE x.submission_id = t.withdrawal_submission)");

    /** Every record chain, in the order verify reports them. */
    public static final List<RecordChain> ALL = List.of(CONSENT_EVENT, ERASURE, INCIDENT_VIEW, STAFF_ACCOUNT,
            INCIDENT_EVENT, WITHDRAWAL_DECISION, ERASURE_EXPLANATION);

    /** The submissions' chain's name in verify's output and in checkpoints. */
    public static final String SUBMISSION = "submission";

    private RecordChains() {
    }
}
