package org.polisi.forms.staff;

import java.time.Instant;
import org.polisi.contract.StaffRole;

/**
 * A staff membership: one person's account at one school, with its own role and disabled flag
 * (docs/adr/0080). Every record and session names the membership ({@code staff_user.id}); the
 * person ({@code personId}) holds the e-mail address, password and second factor, shared by all
 * their memberships. {@code passwordHash} is the person's, and never leaves the {@code staff} package.
 */
public record StaffUser(long id, String school, long personId, String name, String email, String role,
                        String passwordHash, int failedLogins, Instant lockedUntil, Instant createdAt,
                        boolean disabled) {

    public StaffRole staffRole() {
        return StaffRole.fromWord(role).orElseThrow();
    }
}
