package org.polisi.forms.staff;

import java.time.Instant;
import org.polisi.contract.StaffRole;

/** A staff account of one school. The password hash never leaves the {@code staff} package. */
public record StaffUser(long id, String school, String name, String email, String role, String passwordHash,
                        int failedLogins, Instant lockedUntil, Instant createdAt) {

    public StaffRole staffRole() {
        return StaffRole.fromWord(role).orElseThrow();
    }
}
