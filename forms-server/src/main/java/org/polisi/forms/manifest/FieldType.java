package org.polisi.forms.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The field types of docs/forms.md, with the length limit that applies when the manifest gives none. */
public enum FieldType {
    TEXT("text", 200),
    NAME("name", 100),
    TEXTAREA("textarea", 5000),
    DATE("date", 0),
    TIME("time", 0),
    EMAIL("email", 254),
    SELECT("select", 0),
    RADIO("radio", 0),
    CHECKBOXES("checkboxes", 0),
    YEAR_GROUP("year-group", 0),
    PUPIL_NAMES("pupil-names", 100),
    CONSENT("consent", 0),
    /** Withdrawal forms: one of the school's consent forms, by id (the manifest lists them as options). */
    CONSENT_FORM("consent-form", 0);

    private final String word;
    private final int defaultMaxLength;

    FieldType(String word, int defaultMaxLength) {
        this.word = word;
        this.defaultMaxLength = defaultMaxLength;
    }

    @JsonValue
    public String word() {
        return word;
    }

    public int defaultMaxLength() {
        return defaultMaxLength;
    }

    /** Typed by the person (so cleaned and length-checked) rather than chosen from a list. */
    public boolean isTyped() {
        return defaultMaxLength > 0;
    }

    /** Rendered as a fieldset of radios or checkboxes: the error goes at the top of the fieldset. */
    public boolean isFieldset() {
        return this == RADIO || this == CHECKBOXES || this == CONSENT || this == CONSENT_FORM;
    }

    /** May be posted more than once under the same name. */
    public boolean isRepeated() {
        return this == CHECKBOXES || this == PUPIL_NAMES;
    }

    @JsonCreator
    public static FieldType fromWord(String word) {
        return Arrays.stream(values()).filter(type -> type.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown field type '" + word + "'"));
    }
}
