package org.polisi.forms.staff;

import java.util.Optional;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.StaffRole;

/**
 * The role checks of the staff features added for issue 20 (erasure with care, the headteacher's
 * dashboard, the roster, the exports), kept in one place so that they can move into a single
 * decide-and-audit service with the rest of {@link RecordAccess}. Each answers for one member of
 * staff of one school; the caller still queries with the user's own school only.
 */
public final class StaffPermissions {

    private StaffPermissions() {
    }

    /** Only a headteacher erases a record on request (the school's data controller acts through them). */
    public static boolean mayErase(StaffUser user) {
        return user.staffRole() == StaffRole.HEADTEACHER;
    }

    /**
     * Who may see that a record was erased, when, by whom and why: whoever may read its form, or
     * the headteacher when its form is no longer published.
     */
    public static boolean maySeeTombstone(StaffUser user, Optional<FormDefinition> form) {
        return form.map(definition -> RecordAccess.mayRead(user, definition))
                .orElse(user.staffRole() == StaffRole.HEADTEACHER);
    }

    /** The roster of pupils and classes holds every child's name: the headteacher alone uploads and reads it. */
    public static boolean mayUseRoster(StaffUser user) {
        return user.staffRole() == StaffRole.HEADTEACHER;
    }
}
