package org.polisi.forms.consent;

import java.time.Instant;

/** One event in a consent form's history: an answer given on it, or a withdrawal, and the form that made it. */
public record ConsentChange(String pupil, String statement, String answer, Instant recordedAt, String causeReference) {
}
