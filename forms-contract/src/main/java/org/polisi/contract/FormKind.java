package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What a submission means to the school: it decides how it is filed and what the confirmation says (docs/forms.md). */
public enum FormKind {
    AGREEMENT, CONSENT, INCIDENT, WITHDRAWAL;

    /** The word used in YAML and in the manifest: {@code agreement}, {@code consent}, {@code incident}, {@code withdrawal}. */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FormKind> find(String word) {
        return Words.find(values(), FormKind::word, word);
    }

    /** @throws IllegalArgumentException naming every known kind, when the word names none */
    @JsonCreator
    public static FormKind fromWord(String word) {
        return Words.require(values(), FormKind::word, word, "form kind");
    }

    /** Every kind's word, comma-separated, for messages. */
    public static String known() {
        return Words.known(values(), FormKind::word);
    }
}
