package org.polisi.forms.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.names.PersonNames;
import org.polisi.forms.staff.StaffUser;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.WriteTransaction;

/**
 * Withdrawals sent without a reference (issue 14): they wait, "pending", until a member of staff
 * matches each to the consent form it is about (the chosen statements are then withdrawn for the
 * named pupils, in the same transaction as the decision) or rejects it with a reason. Decisions are
 * events ({@code withdrawal_decision}), one per request, never changed.
 */
public final class WithdrawalRequests {

    private final Jdbi jdbi;
    private final SubmissionLedger ledger;
    private final ConsentRecorder recorder = new ConsentRecorder();

    public WithdrawalRequests(Jdbi jdbi, SubmissionLedger ledger) {
        this.jdbi = jdbi;
        this.ledger = ledger;
    }

    /** A request as staff see it: the withdrawal, the consent form it names, the pupils named, the statements chosen. */
    public record Request(SubmissionRow withdrawal, String consentFormId, List<String> pupils, List<String> statements) {
    }

    /** What came of a decision. */
    public enum Outcome { DONE, ALREADY_DECIDED, NOT_A_REQUEST, NOT_A_CANDIDATE }

    /** The school's pending requests, oldest first. */
    public List<Request> pending(String school) {
        return jdbi.withHandle(handle -> {
            List<Request> requests = new ArrayList<>();
            for (long id : handle.attach(WithdrawalDecisionDao.class).pendingIds(school)) {
                handle.attach(SubmissionDao.class).findById(id).map(WithdrawalRequests::request).ifPresent(requests::add);
            }
            return requests;
        });
    }

    /** The request this withdrawal is, if it was sent without a reference. */
    public Optional<Request> asRequest(SubmissionRow withdrawal) {
        return Optional.of(withdrawal).filter(WithdrawalRequests::isRequest).map(WithdrawalRequests::request);
    }

    public Optional<WithdrawalDecisionDao.Decision> decisionOf(SubmissionRow withdrawal) {
        return jdbi.withExtension(WithdrawalDecisionDao.class, decisions -> decisions.of(withdrawal.id()));
    }

    /** The school's live consents of the request's form that name one of its pupils: what staff may match it to. */
    public List<SubmissionRow> candidates(Manifest manifest, Request request) {
        Optional<FormDefinition> consentForm = manifest.form(request.consentFormId())
                .filter(ConsentForms::asksConsent);
        if (consentForm.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(SubmissionDao.class, submissions -> submissions.allOfForm(manifest.school(),
                        request.consentFormId())).stream()
                .filter(row -> !row.erased())
                .filter(row -> !Withdrawals.matching(Withdrawals.pupilsOf(consentForm.get(), row), request.pupils()).isEmpty())
                .toList();
    }

    /** Matches the request to a consent and withdraws its chosen statements for the pupils named, in one transaction. */
    public Outcome match(StaffUser staff, Manifest manifest, String requestReference, String consentReference,
                         Instant now) {
        return ledger.inWriteTransaction(transaction -> {
            SubmissionDao submissions = transaction.handle().attach(SubmissionDao.class);
            Optional<SubmissionRow> withdrawal = liveRequest(submissions, staff.school(), requestReference);
            if (withdrawal.isEmpty()) {
                return Outcome.NOT_A_REQUEST;
            }
            WithdrawalDecisionDao decisions = transaction.handle().attach(WithdrawalDecisionDao.class);
            if (decisions.of(withdrawal.get().id()).isPresent()) {
                return Outcome.ALREADY_DECIDED;
            }
            Request request = request(withdrawal.get());
            Optional<FormDefinition> consentForm = manifest.form(request.consentFormId());
            Optional<SubmissionRow> consent = submissions.findByReference(consentReference == null ? "" : consentReference)
                    .filter(row -> row.school().equals(staff.school()) && !row.erased())
                    .filter(row -> row.formId().equals(request.consentFormId()));
            List<String> pupils = consent.isEmpty() || consentForm.isEmpty() ? List.of()
                    : Withdrawals.matching(Withdrawals.pupilsOf(consentForm.get(), consent.get()), request.pupils());
            if (pupils.isEmpty()) {
                return Outcome.NOT_A_CANDIDATE;
            }
            record(transaction, staff, withdrawal.get(), WithdrawalDecisionDao.Decision.MATCHED, consent.get().id(), null,
                    now);
            recorder.recordWithdrawal(transaction, withdrawal.get(), consent.get(), request.statements(), pupils, now);
            return Outcome.DONE;
        });
    }

    /** Appends the decision to the school's withdrawal-decision record chain (ADR 0024). */
    private static void record(WriteTransaction transaction, StaffUser staff, SubmissionRow withdrawal, String decision,
                               Long consentSubmission, String reason, Instant now) {
        try (RecordChain.Appender decisions = RecordChains.WITHDRAWAL_DECISION.appender(transaction, staff.school())) {
            decisions.append(withdrawal.id(), decision, consentSubmission, staff.id(), by(staff), now, reason);
        }
    }

    /** Rejects the request with the staff member's reason (stored exactly as typed, after cleaning). */
    public Outcome reject(StaffUser staff, String requestReference, String reason, Instant now) {
        return ledger.inWriteTransaction(transaction -> {
            Optional<SubmissionRow> withdrawal = liveRequest(transaction.handle().attach(SubmissionDao.class),
                    staff.school(), requestReference);
            if (withdrawal.isEmpty()) {
                return Outcome.NOT_A_REQUEST;
            }
            WithdrawalDecisionDao decisions = transaction.handle().attach(WithdrawalDecisionDao.class);
            if (decisions.of(withdrawal.get().id()).isPresent()) {
                return Outcome.ALREADY_DECIDED;
            }
            record(transaction, staff, withdrawal.get(), WithdrawalDecisionDao.Decision.REJECTED, null, reason, now);
            return Outcome.DONE;
        });
    }

    /**
     * Pending requests naming this pupil (names compared as {@link PersonNames#same}) for this consent
     * form: the current-consent view marks the pupil "withdrawal pending" while one exists.
     */
    public static List<Request> naming(List<Request> pending, String formId, String pupil) {
        return pending.stream().filter(request -> request.consentFormId().equals(formId))
                .filter(request -> request.pupils().stream().anyMatch(name -> PersonNames.same(name, pupil).found()))
                .toList();
    }

    private static Optional<SubmissionRow> liveRequest(SubmissionDao submissions, String school, String reference) {
        return submissions.findByReference(reference == null ? "" : reference)
                .filter(row -> row.school().equals(school) && !row.erased())
                .filter(WithdrawalRequests::isRequest);
    }

    private static boolean isRequest(SubmissionRow row) {
        if (!FormKind.WITHDRAWAL.word().equals(row.formKind()) || row.erased()) {
            return false;
        }
        Object reference = CanonicalJson.readFields(row.fieldsJson()).get(Withdrawals.REFERENCE);
        return reference == null || String.valueOf(reference).isBlank();
    }

    private static Request request(SubmissionRow withdrawal) {
        Map<String, Object> answers = CanonicalJson.readFields(withdrawal.fieldsJson());
        Object form = answers.get(Withdrawals.CONSENT_FORM);
        return new Request(withdrawal, form == null ? "" : String.valueOf(form),
                Withdrawals.names(answers.get(Withdrawals.PUPIL_NAMES)), Withdrawals.names(answers.get(Withdrawals.CHOSEN)));
    }

    private static String by(StaffUser staff) {
        return staff.name() + " <" + staff.email() + ">";
    }
}
