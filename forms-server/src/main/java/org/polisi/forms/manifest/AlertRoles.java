package org.polisi.forms.manifest;

import java.util.List;

/**
 * The manifest's {@code notify}: the staff roles alerted of every incident report, and those alerted
 * when it is urgent, as the school's policy says. Empty lists for other forms.
 */
public record AlertRoles(List<String> incident, List<String> urgent) {

    public static final AlertRoles NONE = new AlertRoles(List.of(), List.of());

    public AlertRoles {
        incident = incident == null ? List.of() : List.copyOf(incident);
        urgent = urgent == null ? List.of() : List.copyOf(urgent);
    }

    /** Who is told of this report: the urgent roles when it is urgent, else the incident roles. */
    public List<String> forReport(boolean urgentReport) {
        return urgentReport ? urgent : incident;
    }
}
