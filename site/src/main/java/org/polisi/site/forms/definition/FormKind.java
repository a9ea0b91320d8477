package org.polisi.site.forms.definition;

import java.util.Arrays;
import java.util.Optional;

/** What a submission means to the school; the server files and words its confirmation by kind. */
public enum FormKind {
    AGREEMENT, CONSENT, INCIDENT, WITHDRAWAL;

    /** The word used in YAML and in the manifest: {@code agreement}, {@code consent}… */
    public String yamlName() {
        return name().toLowerCase();
    }

    static Optional<FormKind> fromYaml(String word) {
        return Arrays.stream(values()).filter(kind -> kind.yamlName().equals(word)).findFirst();
    }
}
