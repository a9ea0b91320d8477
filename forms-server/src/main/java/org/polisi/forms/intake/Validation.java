package org.polisi.forms.intake;

import java.util.List;
import java.util.Map;

/** The outcome of checking a submission: the problems found, and the cleaned answers. */
public record Validation(List<FieldError> errors, Map<String, Object> answers) {

    public boolean valid() {
        return errors.isEmpty();
    }
}
