package org.polisi.site.forms.definition;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a submission means to the school; the server files and words its confirmation by kind.
 * {@code OBJECTION} is a notice under an opt-out scheme: the person says what they do not agree to
 * (UK GDPR Article 21, the right to object), where nothing rests on their consent (issue 15).
 */
public enum FormKind {
    AGREEMENT, CONSENT, INCIDENT, WITHDRAWAL, OBJECTION;

    /** The word used in YAML and in the manifest: {@code agreement}, {@code consent}… */
    public String yamlName() {
        return name().toLowerCase();
    }

    static Optional<FormKind> fromYaml(String word) {
        return Arrays.stream(values()).filter(kind -> kind.yamlName().equals(word)).findFirst();
    }
}
