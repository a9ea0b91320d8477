package org.polisi.forms.staff;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * One rule for "the same e-mail address" (ADR 0107), applied by the application so SQLite and
 * PostgreSQL agree: before it, SQLite's {@code COLLATE NOCASE} folded ASCII letters only and
 * PostgreSQL's {@code lower()} followed its own locale, so "siân@…" and "SIÂN@…" were two people on
 * one and one on the other (tester 7, finding 11).
 *
 * <p>An address is stored as typed, in NFC ({@link #typed}); its key ({@link #of}) is what every
 * lookup and uniqueness check compares: the NFC form, Unicode full case folding (the Unicode
 * Standard, 3.13 "Default Caseless Matching", CaseFolding.txt statuses C and F, not the Turkic
 * mappings), then NFC again, since folding may leave a string that is not normalised. So "ß" and
 * "SS" are one key, "Σ", "σ" and "ς" are one key, NFD and NFC spellings are one key, while the
 * dotless "ı" stays apart from "i" and "I" (and "İ" folds to "i" with a combining dot above).
 */
public final class EmailKey {

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private EmailKey() {
    }

    /**
     * An address as it is stored: what was typed, in NFC (nothing else changes: a caller that forgives
     * spaces around it removes them first, and {@code AccountService} refuses any other white space).
     *
     * @param address the address typed; null gives ""
     */
    public static String typed(String address) {
        return address == null ? "" : NFC.normalize(address);
    }

    /**
     * The address's key: two addresses are one person's exactly when their keys are equal.
     *
     * @param address an address as typed or stored; null gives ""
     * @return NFC(fold(NFC(address))), with spaces around it removed
     */
    public static String of(String address) {
        return NFC.normalize(UCharacter.foldCase(typed(address == null ? null : address.strip()),
                UCharacter.FOLD_CASE_DEFAULT));
    }
}
