package org.polisi.site.forms.definition;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who signs an agreement ({@code signed-by:} in its YAML): the server lists who must sign again for
 * staff, pupils and parents separately, and counts staff on the current staff agreement for governors.
 */
public enum SignerGroup {
    STAFF, PUPILS, PARENTS, OTHERS;

    /** The word used in YAML and in the manifest: {@code staff}, {@code pupils}, {@code parents}, {@code others}. */
    public String yamlName() {
        return name().toLowerCase();
    }

    static Optional<SignerGroup> fromYaml(String word) {
        return Arrays.stream(values()).filter(group -> group.yamlName().equals(word)).findFirst();
    }
}
