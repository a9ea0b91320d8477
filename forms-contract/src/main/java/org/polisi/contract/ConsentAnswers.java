package org.polisi.contract;

import java.util.List;

/**
 * The values a {@code consent} field posts for each statement (docs/forms.md): the site renders one
 * radio button per answer and the server accepts only these. The words people read come from the
 * bundles ({@code forms.consent.<value>}, {@code consent.answer.<value>}).
 */
public final class ConsentAnswers {

    public static final String GIVEN = "given";
    public static final String REFUSED = "refused";

    /** Every answer, in the order the site offers them. */
    public static final List<String> VALUES = List.of(GIVEN, REFUSED);

    private ConsentAnswers() {
    }
}
