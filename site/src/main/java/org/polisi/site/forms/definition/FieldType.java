package org.polisi.site.forms.definition;

import java.util.Arrays;
import java.util.Optional;

/** The field types of docs/forms.md, with the limits the server applies when a definition gives none. */
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
    /** Withdrawal forms only: radios naming each consent form the school publishes (filled in by the build). */
    CONSENT_FORM("consent-form", 0);

    private final String yamlName;
    private final int defaultMaxLength;

    FieldType(String yamlName, int defaultMaxLength) {
        this.yamlName = yamlName;
        this.defaultMaxLength = defaultMaxLength;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Typed text has a length limit; a date, a time or a choice does not (0). */
    public int defaultMaxLength() {
        return defaultMaxLength;
    }

    public boolean hasLength() {
        return defaultMaxLength > 0;
    }

    /** The author lists the choices; year groups are fixed and come from the message bundle. */
    public boolean takesOptions() {
        return this == SELECT || this == RADIO || this == CHECKBOXES;
    }

    static Optional<FieldType> fromYaml(String word) {
        return Arrays.stream(values()).filter(type -> type.yamlName.equals(word)).findFirst();
    }
}
