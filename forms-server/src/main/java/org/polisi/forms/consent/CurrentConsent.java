package org.polisi.forms.consent;

import java.time.Instant;

/** The answer that stands now for one pupil, form and statement, and the consent form it came from. */
public record CurrentConsent(String pupil, String formId, String statement, String answer, Instant since,
                             String reference, int changes) {
}
