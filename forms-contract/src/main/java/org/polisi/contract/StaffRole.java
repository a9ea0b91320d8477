package org.polisi.contract;

import java.util.Optional;

/**
 * The roles a school's staff account can hold on the forms server, written once for both halves
 * (docs/forms.md, "Who reads and who is told"). Each role has two words, because the office is
 * named differently by the two halves:
 * <ul>
 *   <li>its <em>account word</em> ({@link #word()}): the database, {@code polisi-forms} commands,
 *       the outbox and the server bundle's {@code role.<word>} texts: {@code office};</li>
 *   <li>its <em>form word</em> ({@link #formWord()}): a form definition's {@code notify:} and
 *       {@code reader-role}, the manifest and the site bundle's {@code forms.role.<word>} texts:
 *       {@code school-office}.</li>
 * </ul>
 * A form's {@code reader-role} and {@code notify:} may name only these roles (the site build refuses
 * any other at its line): a privacy notice naming a reader no account can be, or an alert to such a
 * role, would be a promise nobody keeps.
 */
public enum StaffRole {
    HEADTEACHER("headteacher", "headteacher"),
    SAFEGUARDING_LEAD("safeguarding-lead", "safeguarding-lead"),
    ONLINE_SAFETY_COORDINATOR("online-safety-coordinator", "online-safety-coordinator"),
    OFFICE("office", "school-office");

    private final String word;
    private final String formWord;

    StaffRole(String word, String formWord) {
        this.word = word;
        this.formWord = formWord;
    }

    /** The account word: stored with the account, typed on the command line, keyed in the server bundle. */
    public String word() {
        return word;
    }

    /** The form word: written in a form's {@code notify:} and {@code reader-role}, and in the manifest. */
    public String formWord() {
        return formWord;
    }

    /** The role whose account word is {@code word}; empty for any other text (case-sensitive). */
    public static Optional<StaffRole> fromWord(String word) {
        return Words.find(values(), StaffRole::word, word);
    }

    /**
     * The role a form word names; empty for a reader role with no account of its own (such as
     * {@code deputy-headteacher}) and for any other text.
     */
    public static Optional<StaffRole> fromFormWord(String formWord) {
        return Words.find(values(), StaffRole::formWord, formWord);
    }

    /** Every role's account word, comma-separated in declaration order, for an error message. */
    public static String knownWords() {
        return Words.known(values(), StaffRole::word);
    }

    /** Every role's form word, comma-separated in declaration order, for a problem message. */
    public static String knownFormWords() {
        return Words.known(values(), StaffRole::formWord);
    }
}
