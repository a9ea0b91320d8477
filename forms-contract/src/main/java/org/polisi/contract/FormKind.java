package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * What a submission means to the school: it decides how it is filed and what the confirmation says (docs/forms.md).
 * {@code OBJECTION} is a notice of objection under an opt-out scheme: the person ticks what they do NOT agree to
 * (UK GDPR Article 21, the right to object), where nothing rests on their consent (issue 15, docs/adr/0057).
 */
public enum FormKind {
    AGREEMENT, CONSENT, INCIDENT, WITHDRAWAL, OBJECTION;

    /**
     * The kinds whose answers the person checks before the record is made (GOV.UK "Check answers";
     * docs/adr/0052): the site renders {@code check-answers} in their forms and the server shows the
     * check page. Not incident reports (one more page between a reporter and the alert helps no
     * one) nor withdrawals (their second page is the step before the record).
     */
    public static final java.util.Set<FormKind> CHECKED_BEFORE_RECORDING =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(AGREEMENT, CONSENT, OBJECTION));

    /**
     * The word used in YAML, in the manifest and in the database's {@code form_kind}: {@code agreement},
     * {@code consent}, {@code incident}, {@code withdrawal}, {@code objection}.
     */
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
