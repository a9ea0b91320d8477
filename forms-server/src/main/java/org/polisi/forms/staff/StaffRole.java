package org.polisi.forms.staff;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles a school's staff account can have; a form's {@code readerRole} names one of them. */
public enum StaffRole {
    HEADTEACHER, SAFEGUARDING_LEAD, ONLINE_SAFETY_COORDINATOR, OFFICE;

    /** The word used in manifests, the database and on the command line: {@code safeguarding-lead}… */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<StaffRole> fromWord(String word) {
        return Arrays.stream(values()).filter(role -> role.word().equals(word)).findFirst();
    }
}
