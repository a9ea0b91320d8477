package org.polisi.forms.consent;

import java.time.Instant;
import java.util.List;

/**
 * The answer that stands now for one child named on a consent form, one form and statement, and the
 * record it came from.
 *
 * @param alsoNamedBy the references of other live records of the same form that may name this child
 *                    (a name loosely the same, but another year group, class, date of birth or
 *                    sender: ADR 0102); staff must check them. Empty when there are none.
 */
public record CurrentConsent(String pupil, String formId, String statement, String answer, Instant since,
                             String reference, int changes, List<String> alsoNamedBy) {

    public CurrentConsent {
        alsoNamedBy = List.copyOf(alsoNamedBy);
    }

    /** True when another form may name this child: "two forms may name this pupil: check". */
    public boolean toCheck() {
        return !alsoNamedBy.isEmpty();
    }
}
