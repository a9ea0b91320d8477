package org.polisi.forms.consent;

import java.time.Instant;
import org.polisi.contract.ConsentAnswers;

/** One answer to one consent statement for one pupil, or its withdrawal. */
public record ConsentEvent(
        long consentSubmission,
        long causeSubmission,
        String school,
        String formId,
        String pupil,
        String statement,
        String answer,
        Instant recordedAt) {

    public static final String GIVEN = ConsentAnswers.GIVEN;
    public static final String REFUSED = ConsentAnswers.REFUSED;
    public static final String WITHDRAWN = "withdrawn";
}
