package org.polisi.forms.consent;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.names.PersonNames;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.ChainProblem;
import org.polisi.forms.storage.ChainRow;
import org.polisi.forms.storage.ReadSnapshot;
import org.polisi.forms.storage.RecordChainVerifier;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.Times;

/**
 * Derives what stands now from the events (for each child named on a form, the newest answer wins,
 * withdrawals included: {@link ChildOnForm}, ADR 0102), and keeps
 * their history readable, from verified events only: the school's consent event chain is walked
 * first, and an event at or after its first broken link is left out (issue #23: a row changed in
 * the database behind the server's back must not change what staff are shown).
 */
public final class ConsentState {

    /**
     * What the events say, and the first problem of the chain if there is one (then the events
     * from it on are not used).
     */
    public record Verified<T>(T value, Optional<ChainProblem> problem) {
    }

    /** A consent event as the chain holds it; values in {@link RecordChains#CONSENT_EVENT}'s column order. */
    private record Event(long seq, long consentSubmission, long causeSubmission, String formId, String statement,
                         String answer, Instant recordedAt, String pupil) {
        static Event of(ChainRow row) {
            List<String> values = row.values();
            return new Event(row.seq(), Long.parseLong(values.get(0)), Long.parseLong(values.get(1)), values.get(2),
                    values.get(3), values.get(4), Times.parse(values.get(5)), row.erasableValue());
        }
    }

    private record Consent(String reference, boolean erased, String formId, String fieldsJson) {
    }

    /** Alphabetical order for names in any language (ICU's root collation: Ŵ with W, Ł after L). */
    private static final Comparator<Object> PUPIL_ORDER = Collator.getInstance(ULocale.ROOT).freeze();

    private final Jdbi jdbi;

    public ConsentState(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * For each child named on a live consent form (or notice of objection), form and statement of the
     * school: the newest verified event, and how many events led there (ADR 0102). A form's answers
     * stand for the child named on <em>that</em> form; a later form takes the place of an earlier one
     * only when it is unambiguously the same child from the same sender ({@link ChildOnForm}): same form,
     * same name as {@link PersonNames#searchKey} compares it (case, NFC/NFD, apostrophe and hyphen
     * look-alikes and spacing set aside), and the same answers to every question of the form that tells
     * children apart or names the sender (year group, class, date of birth, the parent's name). Two live
     * forms naming the child only loosely the same way ({@link ChildOnForm#mayBeSame}) stay two lines,
     * each listing the other's reference in {@link CurrentConsent#alsoNamedBy}, so that staff check them:
     * no refusal vanishes behind another family's consent.
     *
     * @param school the school
     * @param forms  the school's consent forms and notices of objection, for the questions that tell
     *               children apart; a form not among them never takes another's place (each of its
     *               records stands alone)
     * @return ordered by pupil (alphabetically, by the Unicode Collation Algorithm), form, reference and statement
     */
    public Verified<List<CurrentConsent>> of(String school, List<FormDefinition> forms) {
        Map<String, FormDefinition> byId = new HashMap<>();
        forms.forEach(form -> byId.put(form.id(), form));
        return ReadSnapshot.read(jdbi, handle -> {
            RecordChainVerifier.Walked walked = RecordChainVerifier.walkSchool(handle, RecordChains.CONSENT_EVENT, school);
            Map<Long, Consent> records = submissions(handle, school);
            Map<List<Object>, List<Event>> byKey = new LinkedHashMap<>();
            Map<List<Object>, ChildOnForm> children = new LinkedHashMap<>();
            Map<List<Object>, ChildOnForm> childOf = new HashMap<>();  // by record and name as typed: each read once
            for (ChainRow row : walked.verifiedRows()) {
                Event event = Event.of(row);
                Consent record = records.get(event.consentSubmission());
                if (record == null || record.erased()) {
                    continue;
                }
                ChildOnForm child = childOf.computeIfAbsent(List.of(event.consentSubmission(), event.pupil()),
                        key -> ChildOnForm.of(byId.get(event.formId()), event.formId(), event.consentSubmission(),
                                event.pupil(), CanonicalJson.readFields(record.fieldsJson())));
                children.put(child.identity(), child);  // the newest record of each child
                byKey.computeIfAbsent(List.of(child.identity(), event.statement()), key -> new ArrayList<>()).add(event);
            }
            Map<List<Object>, List<String>> alsoNamedBy = ChildOnForm.alsoNamedBy(children.values(),
                    id -> records.get(id).reference());
            List<CurrentConsent> current = new ArrayList<>();
            byKey.forEach((key, events) -> {
                Event newest = events.get(events.size() - 1);
                current.add(new CurrentConsent(newest.pupil(), newest.formId(), newest.statement(), newest.answer(),
                        newest.recordedAt(), records.get(newest.consentSubmission()).reference(), events.size(),
                        alsoNamedBy.getOrDefault(key.get(0), List.of())));
            });
            current.sort(Comparator.comparing((CurrentConsent consent) -> PersonNames.searchKey(consent.pupil()),
                            PUPIL_ORDER)
                    .thenComparing(CurrentConsent::formId).thenComparing(CurrentConsent::reference)
                    .thenComparing(CurrentConsent::statement));
            return new Verified<>(current, walked.problem());
        });
    }

    /** Everything that happened to one consent form's answers, oldest first, from verified events. */
    public Verified<List<ConsentChange>> historyOf(String school, long consentSubmission) {
        return ReadSnapshot.read(jdbi, handle -> {
            RecordChainVerifier.Walked walked = RecordChainVerifier.walkSchool(handle, RecordChains.CONSENT_EVENT, school);
            Map<Long, Consent> forms = submissions(handle, school);
            List<ConsentChange> history = new ArrayList<>();
            for (ChainRow row : walked.verifiedRows()) {
                Event event = Event.of(row);
                if (event.consentSubmission() == consentSubmission && forms.containsKey(event.causeSubmission())) {
                    history.add(new ConsentChange(event.pupil(), event.statement(), event.answer(), event.recordedAt(),
                            forms.get(event.causeSubmission()).reference()));
                }
            }
            return new Verified<>(history, walked.problem());
        });
    }

    private static Map<Long, Consent> submissions(Handle handle, String school) {
        Map<Long, Consent> forms = new HashMap<>();
        handle.createQuery("SELECT id, reference, erased_at, form_id, fields_json FROM submission WHERE school = :school"
                        + " AND form_kind IN ('consent', 'agreement', 'withdrawal', 'objection')")
                .bind("school", school)
                .map((row, context) -> forms.put(row.getLong(1), new Consent(row.getString(2), row.getString(3) != null,
                        row.getString(4), row.getString(5))))
                .list();
        return forms;
    }
}
