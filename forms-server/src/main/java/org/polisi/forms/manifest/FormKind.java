package org.polisi.forms.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a submission means to the school: it decides how it is filed and what the confirmation says. */
public enum FormKind {
    /** OBJECTION: a notice under an opt-out scheme of what the person does not agree to (UK GDPR Article 21). */
    AGREEMENT, CONSENT, INCIDENT, WITHDRAWAL, OBJECTION;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FormKind fromWord(String word) {
        return Arrays.stream(values()).filter(kind -> kind.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown form kind '" + word + "'"));
    }
}
