package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Who signs an agreement ({@code signed-by:} in its YAML, {@code signedBy} in the manifest): the server
 * lists who must sign again for staff, pupils and parents separately, in this order.
 */
public enum SignerGroup {
    STAFF, PUPILS, PARENTS, OTHERS;

    /** {@code staff}, {@code pupils}, {@code parents}, {@code others}. */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SignerGroup> find(String word) {
        return Words.find(values(), SignerGroup::word, word);
    }

    /** @throws IllegalArgumentException naming every known group, when the word names none */
    @JsonCreator
    public static SignerGroup fromWord(String word) {
        return Words.require(values(), SignerGroup::word, word, "signer group");
    }

    /** Every group's word, comma-separated, for messages. */
    public static String known() {
        return Words.known(values(), SignerGroup::word);
    }
}
