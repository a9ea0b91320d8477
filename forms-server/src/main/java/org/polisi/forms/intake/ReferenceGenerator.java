package org.polisi.forms.intake;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reference numbers people can read out on the phone: eight characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), random rather than sequential so they reveal nothing about how many
 * forms a school receives.
 */
public final class ReferenceGenerator {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder reference = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /**
     * Candidates for one submission's reference: {@code first}, drawn earlier on the request's thread
     * so that the ledger's one writer thread draws none in the usual case (issue 23's intake
     * profile), then fresh ones, should {@code first} be taken already.
     *
     * @param first a reference from {@link #next()}
     * @return a supplier giving {@code first} once, then {@link #next()} at each call
     */
    public Supplier<String> startingWith(String first) {
        boolean[] given = {false};
        return () -> {
            if (given[0]) {
                return next();
            }
            given[0] = true;
            return first;
        };
    }

    /** A reference as a person may type it back: spaces, hyphens and lower case forgiven. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static boolean plausible(String reference) {
        return reference.length() == LENGTH && reference.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
