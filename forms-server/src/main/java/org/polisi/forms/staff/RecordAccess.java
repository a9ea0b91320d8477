package org.polisi.forms.staff;

import java.util.List;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.contract.StaffRole;

/**
 * Who may read what: a member of staff reads a form's submissions when their role is the form's
 * {@code readerRole} or one its alerts go to ({@code notify}: whoever is alerted must be able to read
 * the report), and a headteacher reads every form of their school. Nobody reads another
 * school's records: every query is made with the staff member's own school.
 */
public final class RecordAccess {

    private RecordAccess() {
    }

    public static boolean mayRead(StaffUser user, FormDefinition form) {
        StaffRole role = user.staffRole();
        return role == StaffRole.HEADTEACHER
                // forms name roles by their form words (school-office); no account holds any other reader role
                || form.readerRoles().stream().anyMatch(reader -> StaffRole.fromFormWord(reader).filter(role::equals)
                        .isPresent());
    }

    public static List<FormDefinition> readableForms(StaffUser user, Manifest manifest) {
        if (!manifest.school().equals(user.school())) {
            return List.of();
        }
        return manifest.forms().stream().filter(form -> mayRead(user, form)).toList();
    }

    /** The anonymised governors' summary: counts only, for the roles that report to governors. */
    public static boolean maySeeGovernorSummary(StaffUser user) {
        return user.staffRole() != StaffRole.OFFICE;
    }
}
