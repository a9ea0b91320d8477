package org.polisi.forms.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.polisi.forms.intake.ReferenceGenerator;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.names.PersonNames;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.contract.ReservedNames;

/**
 * What a withdrawal of consent applies to (issue 14). A parent names a consent form of the school,
 * the child and, when they have it, the reference of the consent they sent; then chooses the
 * statements to withdraw (or all of them). With a reference, the withdrawal applies only to the
 * pupils of that consent whose names match the names given ({@link PersonNames#same}: case,
 * accents, apostrophes and hyphens as the records issue compares them); without one it is a request
 * that staff match to a consent ({@link WithdrawalRequests}).
 */
public final class Withdrawals {

    /** The withdrawal form's fields (docs/forms.md). */
    public static final String REFERENCE = "reference";
    public static final String CONSENT_FORM = "consent-form";
    public static final String PUPIL_NAMES = "pupil-names";
    /** The second page's choice, and the answer it is stored as: statement keys ({@code <field>.<id>}). */
    public static final String CHOSEN = ReservedNames.WITHDRAW;
    /** The choice "all of them", expanded to every statement of the form before it is stored. */
    public static final String ALL = "all";
    /** Sent by the second page, so that an empty choice there is an error, not the first page again. */
    public static final String STEP = ReservedNames.WITHDRAW_STEP;

    private Withdrawals() {
    }

    /**
     * The consent form chosen, the consent record the reference names (none without a reference),
     * and the pupils the withdrawal applies to: the consent's own spelling of each matched name, or
     * the names as typed for a request.
     */
    public record Target(FormDefinition consentForm, Optional<SubmissionRow> consent, List<String> pupils,
                         List<String> withdrawable) {
        public Target {
            withdrawable = List.copyOf(withdrawable);
        }

        public boolean isRequest() {
            return consent.isEmpty();
        }
    }

    /**
     * What the second page's choice comes to: the statement keys to withdraw (in the form's order;
     * empty when nothing was chosen), those chosen that are statements of the form but cannot be
     * withdrawn (not given, or already withdrawn: a forged or stale post), and whether something
     * chosen is no statement of the form at all.
     */
    public record Choice(List<String> keys, List<String> notWithdrawable, boolean unknown) {
        public boolean valid() {
            return !unknown && notWithdrawable.isEmpty() && !keys.isEmpty();
        }
    }

    /**
     * @param answers    the withdrawal's validated answers
     * @param byReference finds a record by reference (any school; checked here)
     * @param latest     the newest consent event of each pupil and statement of a consent record (by its
     *                   id): what stands now, so that only statements currently given are offered
     * @return the target, or empty when the consent form is not one of the school's consent forms, or a
     *     reference is given that names no live consent of that form and school with one of the
     *     children named. The caller says so without saying which part failed, so that a reference
     *     never reveals whose form it is.
     */
    public static Optional<Target> target(Manifest manifest, Map<String, Object> answers,
                                          Function<String, Optional<SubmissionRow>> byReference,
                                          Function<Long, List<ConsentEvent>> latest) {
        Optional<FormDefinition> consentForm = manifest.form(text(answers.get(CONSENT_FORM)))
                .filter(ConsentForms::asksConsent);
        if (consentForm.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = names(answers.get(PUPIL_NAMES));
        String reference = ReferenceGenerator.normalise(text(answers.get(REFERENCE)));
        if (reference.isEmpty()) {
            // a request: nobody knows yet which consent it is, so every statement may be asked for; staff
            // match it, and only what stands as given then is withdrawn (ConsentRecorder.recordWithdrawal)
            return Optional.of(new Target(consentForm.get(), Optional.empty(), named,
                    List.copyOf(consentForm.get().statements().keySet())));
        }
        if (!ReferenceGenerator.plausible(reference)) {
            return Optional.empty();
        }
        Optional<SubmissionRow> consent = byReference.apply(reference)
                .filter(row -> row.school().equals(manifest.school()))
                .filter(row -> consentForm.get().kind().word().equals(row.formKind()))
                .filter(row -> row.formId().equals(consentForm.get().id()))
                .filter(row -> !row.erased());
        if (consent.isEmpty()) {
            return Optional.empty();
        }
        List<String> matched = matching(pupilsOf(consentForm.get(), consent.get()), named);
        return matched.isEmpty() ? Optional.empty()
                : Optional.of(new Target(consentForm.get(), consent, matched,
                        given(consentForm.get(), latest.apply(consent.get().id()), matched)));
    }

    /**
     * The statement keys of the form, in its order, whose newest event is {@link ConsentEvent#GIVEN}
     * for at least one of {@code pupils}: the only ones a withdrawal can withdraw (a refused or
     * already withdrawn consent has nothing to withdraw).
     */
    public static List<String> given(FormDefinition consentForm, List<ConsentEvent> latest, List<String> pupils) {
        return consentForm.statements().keySet().stream()
                .filter(key -> latest.stream().anyMatch(event -> event.statement().equals(key)
                        && ConsentEvent.GIVEN.equals(event.answer()) && pupils.contains(event.pupil())))
                .toList();
    }

    /**
     * The statement keys chosen, in the form's order: every withdrawable statement for {@link #ALL}.
     * A statement of the form that the target cannot withdraw is named in
     * {@link Choice#notWithdrawable}, never silently dropped: the parent is told (issue 25).
     */
    public static Choice chosen(Target target, List<String> posted) {
        List<String> keys = new ArrayList<>(target.consentForm().statements().keySet());
        if (posted.contains(ALL)) {
            return new Choice(target.withdrawable(), List.of(), false);
        }
        boolean unknown = !keys.containsAll(posted);
        List<String> chosen = keys.stream().filter(posted::contains).toList();
        return new Choice(chosen.stream().filter(target.withdrawable()::contains).toList(),
                chosen.stream().filter(key -> !target.withdrawable().contains(key)).toList(), unknown);
    }

    /** The pupils named on a stored consent form, as they were typed there. */
    public static List<String> pupilsOf(FormDefinition consentForm, SubmissionRow consent) {
        return ConsentRecorder.pupils(consentForm, CanonicalJson.readFields(consent.fieldsJson()));
    }

    /**
     * The names of the form's questions whose answers tell two children of one name apart or name
     * the sender (year group, class, date of birth, the parent's name: {@link ChildOnForm#tellsApart}),
     * in form order: what staff compare when they match a request to one of several records (ADR 0102).
     */
    public static List<String> tellingApart(FormDefinition consentForm) {
        return consentForm.fields().stream().filter(ChildOnForm::tellsApart).map(field -> field.name()).toList();
    }

    /** The pupils among {@code pupils} whose names are the same as one of {@code named}. */
    public static List<String> matching(List<String> pupils, List<String> named) {
        return pupils.stream()
                .filter(pupil -> named.stream().anyMatch(name -> PersonNames.same(pupil, name).found()))
                .toList();
    }

    /** A stored answer that is a list of names (pupil names), or one name. */
    public static List<String> names(Object answer) {
        if (answer instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return answer == null || String.valueOf(answer).isBlank() ? List.of() : List.of(String.valueOf(answer));
    }

    private static String text(Object answer) {
        return answer == null ? "" : String.valueOf(answer);
    }
}
