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

    /**
     * A reference as a person may type it back, read one way by every step that reads one (ADR 0106):
     * the withdrawal's pages, the staff record's address, the receipt, erasure by reference, a page
     * asked for with {@code ?reference=}. Compatibility forms are folded (NFKC: a full-width "Ａ" is
     * "A"), then every space (any Unicode space separator or white space), dash (Unicode Pd: hyphen,
     * non-breaking hyphen, en dash …, and the minus sign) and invisible format character (Cf: zero-width
     * space, soft hyphen) is set aside, and the rest is upper-cased (root locale, so no Turkish dotless
     * i). Used only to look a reference up; what the person typed is stored as typed.
     *
     * @param typed the reference as typed, or null
     * @return the reference as generated ({@link #ALPHABET} characters when it is one), "" for null
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String folded = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC);
        return SET_ASIDE.matcher(folded).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** What a reference as typed may carry besides its characters: spaces, dashes, the minus sign, invisible characters. */
    private static final java.util.regex.Pattern SET_ASIDE = java.util.regex.Pattern.compile(
            "[\\s\\p{Z}\\p{Pd}\\p{Cf}\u2212]", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    public static boolean plausible(String reference) {
        return reference.length() == LENGTH && reference.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
