package org.polisi.forms.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.polisi.forms.manifest.ConsentStatement;
import org.polisi.forms.manifest.FieldDefinition;
import org.polisi.forms.manifest.FieldType;
import org.polisi.forms.manifest.FormDefinition;
import org.polisi.forms.storage.SubmissionRow;

/**
 * Turns consent forms and withdrawals into events, inside the transaction that stores them, so
 * that a stored consent form always has its events and a withdrawal is never half-applied.
 */
public final class ConsentRecorder {

    /** One event per pupil named on the form and per statement answered. */
    public void recordAnswers(Handle handle, FormDefinition form, SubmissionRow record, Map<String, Object> answers) {
        ConsentEventDao events = handle.attach(ConsentEventDao.class);
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
                    events.append(new ConsentEvent(record.id(), record.id(), record.school(), form.id(), pupil, key,
                            String.valueOf(answer), record.receivedAt()));
                }
            }
        }
    }

    /** Withdraws every consent that currently stands on the referenced consent form; returns how many. */
    public int recordWithdrawal(Handle handle, SubmissionRow withdrawal, SubmissionRow consentForm, Instant now) {
        ConsentEventDao events = handle.attach(ConsentEventDao.class);
        int withdrawn = 0;
        for (ConsentEvent latest : events.latestFor(consentForm.id())) {
            if (ConsentEvent.GIVEN.equals(latest.answer())) {
                events.append(new ConsentEvent(consentForm.id(), withdrawal.id(), consentForm.school(),
                        latest.formId(), latest.pupil(), latest.statement(), ConsentEvent.WITHDRAWN, now));
                withdrawn++;
            }
        }
        return withdrawn;
    }

    private static List<String> pupils(FormDefinition form, Map<String, Object> answers) {
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
