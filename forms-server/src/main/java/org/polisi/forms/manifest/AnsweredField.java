package org.polisi.forms.manifest;

/** One answer as a person reads it: the question's label and the answer's words, in one language. */
public record AnsweredField(String key, String label, String answer) {
}
