package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The manifest's {@code notify}: the staff roles alerted of every incident report, and those alerted
 * when it is urgent, as the school's policy says. Empty lists for other forms. Each role is a
 * {@link StaffRole} form word ({@code school-office}, not the account word {@code office}).
 */
@JsonPropertyOrder({"incident", "urgent"})
public record AlertRoles(
        @JsonProperty(required = true) List<String> incident,
        @JsonProperty(required = true) List<String> urgent) {

    public static final AlertRoles NONE = new AlertRoles(List.of(), List.of());

    public AlertRoles {
        incident = staffRoles(incident, "notify.incident");
        urgent = staffRoles(urgent, "notify.urgent");
    }

    /** @throws IllegalArgumentException for a role no staff account can hold: its alert would reach nobody */
    private static List<String> staffRoles(List<String> roles, String what) {
        List<String> copy = Texts.list(roles, what);
        for (String role : copy) {
            if (StaffRole.fromFormWord(role).isEmpty()) {
                throw new IllegalArgumentException(what + " role '" + role + "' is not a staff account role (known: "
                        + StaffRole.knownFormWords() + ")");
            }
        }
        return copy;
    }

    /** Who is told of this report: the urgent roles when it is urgent, else the incident roles. */
    public List<String> forReport(boolean urgentReport) {
        return urgentReport ? urgent : incident;
    }
}
