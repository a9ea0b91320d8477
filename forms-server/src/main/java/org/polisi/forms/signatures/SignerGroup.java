package org.polisi.forms.signatures;

import java.util.Arrays;
import java.util.Optional;

/** Who signs an agreement, as its form's {@code signed-by} says (docs/forms.md); the order staff pages list them in. */
public enum SignerGroup {
    STAFF, PUPILS, PARENTS, OTHERS;

    public String word() {
        return name().toLowerCase();
    }

    /** The group a manifest's {@code signedBy} names; an agreement built before the key existed is "others". */
    public static SignerGroup of(String word) {
        return fromWord(word).orElse(OTHERS);
    }

    static Optional<SignerGroup> fromWord(String word) {
        return Arrays.stream(values()).filter(group -> group.word().equals(word)).findFirst();
    }
}
