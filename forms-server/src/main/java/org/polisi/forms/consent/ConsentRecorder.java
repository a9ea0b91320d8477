package org.polisi.forms.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polisi.forms.manifest.ConsentStatement;
import org.polisi.forms.manifest.FieldDefinition;
import org.polisi.forms.manifest.FieldType;
import org.polisi.forms.manifest.FormDefinition;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.WriteTransaction;

/**
 * Turns consent forms and withdrawals into events, inside the transaction that stores them, so
 * that a stored consent form always has its events and a withdrawal is never half-applied.
 */
public final class ConsentRecorder {

    // Plain SQL on the writer's prepared statements: a consent form appends one row per pupil and
    // statement, on the one thread every submission goes through (see WriteTransaction).
    private static final String APPEND = """
            INSERT INTO consent_event (school, consent_submission, cause_submission, form_id, pupil, statement,
                                       answer, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** One event per pupil named on the form and per statement answered. */
    public void recordAnswers(WriteTransaction transaction, FormDefinition form, SubmissionRow record,
                              Map<String, Object> answers) {
        List<String> pupils = pupils(form, answers);
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
                    append(transaction, new ConsentEvent(record.id(), record.id(), record.school(), form.id(), pupil,
                            key, String.valueOf(answer), record.receivedAt()));
                }
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
        for (ConsentEvent latest : transaction.handle().attach(ConsentEventDao.class).latestFor(consentForm.id())) {
            if (ConsentEvent.GIVEN.equals(latest.answer()) && statements.contains(latest.statement())
                    && pupils.contains(latest.pupil())) {
                append(transaction, new ConsentEvent(consentForm.id(), withdrawal.id(), consentForm.school(),
                        latest.formId(), latest.pupil(), latest.statement(), ConsentEvent.WITHDRAWN, now));
                withdrawn++;
            }
        }
        return withdrawn;
    }

    private static void append(WriteTransaction transaction, ConsentEvent event) {
        transaction.update(APPEND, event.school(), event.consentSubmission(), event.causeSubmission(), event.formId(),
                event.pupil(), event.statement(), event.answer(), event.recordedAt());
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
