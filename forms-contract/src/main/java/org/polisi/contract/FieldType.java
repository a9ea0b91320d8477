package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The field types of docs/forms.md, with the length limit (in characters, after NFC) that applies when
 * a definition gives none. The site renders and the server validates by these; the word is what a form's
 * YAML ({@code type:}) and the manifest ({@code "type"}) say.
 */
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

    /** How many pupil names a {@code pupil-names} field offers when its definition gives no {@code max-items}. */
    public static final int DEFAULT_MAX_ITEMS = 6;

    private final String word;
    private final int defaultMaxLength;

    FieldType(String word, int defaultMaxLength) {
        this.word = word;
        this.defaultMaxLength = defaultMaxLength;
    }

    /** {@code text}, {@code year-group}, {@code pupil-names}…, as YAML and the manifest write it. */
    @JsonValue
    public String word() {
        return word;
    }

    /** Characters a typed answer may have when the definition gives no {@code max-length}; 0 when not typed. */
    public int defaultMaxLength() {
        return defaultMaxLength;
    }

    /** Typed by the person (so cleaned and length-checked) rather than chosen from a list: a date, a time or a choice is not. */
    public boolean hasLength() {
        return defaultMaxLength > 0;
    }

    /** The author lists the choices; year groups are fixed ({@link YearGroups}) and consent forms filled in by the build. */
    public boolean takesOptions() {
        return this == SELECT || this == RADIO || this == CHECKBOXES;
    }

    /** Rendered as a fieldset of radios or checkboxes: the error goes at the top of the fieldset. */
    public boolean isFieldset() {
        return this == RADIO || this == CHECKBOXES || this == CONSENT || this == CONSENT_FORM;
    }

    /** May be posted more than once under the same name. */
    public boolean isRepeated() {
        return this == CHECKBOXES || this == PUPIL_NAMES;
    }

    /** The type a word names, or empty (the site reports an unknown word with its line). */
    public static Optional<FieldType> find(String word) {
        return Words.find(values(), FieldType::word, word);
    }

    /** @throws IllegalArgumentException naming every known type, when the word names none */
    @JsonCreator
    public static FieldType fromWord(String word) {
        return Words.require(values(), FieldType::word, word, "field type");
    }

    /** Every type's word, comma-separated, for messages. */
    public static String known() {
        return Words.known(values(), FieldType::word);
    }
}
