package org.polisi.forms.consent;

import java.time.Instant;
import org.polisi.contract.ConsentAnswers;

/**
 * One answer to one consent statement for one pupil, or its withdrawal; or, from a notice of objection
 * (form kind {@code objection}, docs/adr/0057), whether the pupil's parent objects to one of its options.
 */
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
    /** A notice of objection ticks this option: the school must not use the child's data so. */
    public static final String OBJECTS = "objects";
    /** A notice of objection leaves this option unticked: a later notice that no longer objects to it stands. */
    public static final String NO_OBJECTION = "no-objection";
}
