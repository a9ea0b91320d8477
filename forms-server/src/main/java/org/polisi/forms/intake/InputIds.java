package org.polisi.forms.intake;

import org.polisi.forms.manifest.FieldDefinition;
import org.polisi.forms.manifest.FieldType;

/** The element ids docs/forms.md gives each input, so that an error summary can link to it. */
public final class InputIds {

    private InputIds() {
    }

    /** {@code <form-id>--<field-name>}, or {@code …--1} for the first of several pupil names. */
    public static String of(String formId, FieldDefinition field) {
        String id = formId + "--" + field.name();
        if (field.type() == FieldType.PUPIL_NAMES) {
            return id + "--1";
        }
        if (field.type() == FieldType.CONSENT && !field.statements().isEmpty()) {
            return id + "--" + field.statements().get(0).id();
        }
        return id;
    }
}
