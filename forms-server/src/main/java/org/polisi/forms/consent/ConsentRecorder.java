package org.polisi.forms.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polisi.contract.ConsentStatement;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldOption;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.WriteTransaction;

/**
 * Turns consent forms, notices of objection and withdrawals into events, inside the transaction that stores them, so
 * that a stored consent form always has its events and a withdrawal is never half-applied. The
 * events form each school's {@link RecordChains#CONSENT_EVENT} chain.
 */
public final class ConsentRecorder {

    /**
     * One event per pupil named on the form and per statement answered, hashed as far as it can be
     * before the write (call it in the request thread: the ledger's writer then only links them). A
     * notice of objection ({@link FormKind#OBJECTION}) gives one event per pupil and per option of its
     * checkboxes: {@link ConsentEvent#OBJECTS} where ticked, {@link ConsentEvent#NO_OBJECTION} where not, so
     * the newest notice stands whole (a parent changes their notice by sending another). A form of another kind
     * that asks a consent question (an agreement asking a permission: {@link ConsentForms#asksConsent}) gives
     * its consent answers' events as a consent form does (ADR 0106); other forms give none.
     */
    public List<RecordChain.Row> prepareAnswers(FormDefinition form, Map<String, Object> answers, Instant recordedAt) {
        if (form.kind() == FormKind.OBJECTION) {
            return prepareObjections(form, answers, recordedAt);
        }
        if (!ConsentForms.asksConsent(form)) {   // any form with a consent question, whatever its kind (ADR 0106)
            return List.of();
        }
        List<String> pupils = pupils(form, answers);
        List<Object[]> events = new ArrayList<>();
        for (FieldDefinition field : form.fields()) {
            if (field.type() != FieldType.CONSENT) {
                continue;
            }
            for (ConsentStatement statement : field.statements()) {
                String key = field.name() + "." + statement.id();
                Object answer = answers.get(key);
                if (answer == null) {
                    continue;
                }
                for (String pupil : pupils) {
                    events.add(new Object[] {form.id(), key, String.valueOf(answer), recordedAt, pupil});
                }
            }
        }
        return RecordChains.CONSENT_EVENT.prepareAll(events);
    }

    private static List<RecordChain.Row> prepareObjections(FormDefinition form, Map<String, Object> answers,
                                                          Instant recordedAt) {
        List<String> pupils = pupils(form, answers);
        List<Object[]> events = new ArrayList<>();
        for (FieldDefinition field : form.fields()) {
            if (field.type() != FieldType.CHECKBOXES) {
                continue;
            }
            List<?> ticked = answers.get(field.name()) instanceof List<?> values ? values : List.of();
            for (FieldOption option : field.options()) {
                String answer = ticked.contains(option.value()) ? ConsentEvent.OBJECTS : ConsentEvent.NO_OBJECTION;
                for (String pupil : pupils) {
                    events.add(new Object[] {form.id(), field.name() + "." + option.value(), answer, recordedAt, pupil});
                }
            }
        }
        return RecordChains.CONSENT_EVENT.prepareAll(events);
    }

    /** Appends the prepared events of a consent form (or notice of objection) just stored, inside the transaction that stores it. */
    public void recordAnswers(WriteTransaction transaction, SubmissionRow record, List<RecordChain.Row> prepared) {
        try (RecordChain.Appender events = RecordChains.CONSENT_EVENT.appender(transaction, record.school())) {
            for (RecordChain.Row event : prepared) {
                events.append(event, record.id(), record.id());
            }
        }
    }

    /**
     * Withdraws, on the referenced consent form, exactly the chosen statements for exactly the pupils
     * given, where consent currently stands as given; returns how many events it appended.
     *
     * @param statements statement keys ({@code <field>.<statement-id>}) chosen by the parent
     * @param pupils     pupil names as the consent form spells them (already matched to the names given)
     */
    public int recordWithdrawal(WriteTransaction transaction, SubmissionRow withdrawal, SubmissionRow consentForm,
                                List<String> statements, List<String> pupils, Instant now) {
        int withdrawn = 0;
        try (RecordChain.Appender events = RecordChains.CONSENT_EVENT.appender(transaction, consentForm.school())) {
            for (ConsentEvent latest : transaction.handle().attach(ConsentEventDao.class).latestFor(consentForm.id())) {
                if (ConsentEvent.GIVEN.equals(latest.answer()) && statements.contains(latest.statement())
                        && pupils.contains(latest.pupil())) {
                    append(events, new ConsentEvent(consentForm.id(), withdrawal.id(), consentForm.school(),
                            latest.formId(), latest.pupil(), latest.statement(), ConsentEvent.WITHDRAWN, now));
                    withdrawn++;
                }
            }
        }
        return withdrawn;
    }

    /** Appends to the school's consent event chain, on the writer's prepared statements (see WriteTransaction). */
    private static void append(RecordChain.Appender events, ConsentEvent event) {
        events.append(event.consentSubmission(), event.causeSubmission(), event.formId(), event.statement(),
                event.answer(), event.recordedAt(), event.pupil());
    }

    /** The names given in the form's pupil-names fields, or one empty name when it has none. */
    static List<String> pupils(FormDefinition form, Map<String, Object> answers) {
        List<String> pupils = new ArrayList<>();
        for (FieldDefinition field : form.fields()) {
            if (field.type() == FieldType.PUPIL_NAMES && answers.get(field.name()) instanceof List<?> names) {
                names.forEach(name -> pupils.add(String.valueOf(name)));
            }
        }
        if (pupils.isEmpty()) {
            pupils.add(""); // a consent form without pupil names still records its answers
        }
        return pupils;
    }
}
