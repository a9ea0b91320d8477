package org.polisi.contract;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up the enum constant written as a word in YAML and in the manifest ({@code year-group}, {@code consent}). */
final class Words {

    private Words() {
    }

    static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, String> word, String given) {
        return Arrays.stream(values).filter(value -> word.apply(value).equals(given)).findFirst();
    }

    /** The constant, or an IllegalArgumentException naming every known word (Jackson reports it with the JSON path). */
    static <E extends Enum<E>> E require(E[] values, Function<E, String> word, String given, String what) {
        return find(values, word, given).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + given
                + "' (known: " + known(values, word) + ")"));
    }

    static <E extends Enum<E>> String known(E[] values, Function<E, String> word) {
        return Arrays.stream(values).map(word).collect(Collectors.joining(", "));
    }
}
