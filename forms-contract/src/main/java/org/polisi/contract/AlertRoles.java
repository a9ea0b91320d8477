package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The manifest's {@code notify}: the staff roles alerted of every incident report, and those alerted
 * when it is urgent, as the school's policy says. Empty lists for other forms.
 */
@JsonPropertyOrder({"incident", "urgent"})
public record AlertRoles(
        @JsonProperty(required = true) List<String> incident,
        @JsonProperty(required = true) List<String> urgent) {

    public static final AlertRoles NONE = new AlertRoles(List.of(), List.of());

    public AlertRoles {
        incident = Texts.list(incident, "notify.incident");
        urgent = Texts.list(urgent, "notify.urgent");
    }

    /** Who is told of this report: the urgent roles when it is urgent, else the incident roles. */
    public List<String> forReport(boolean urgentReport) {
        return urgentReport ? urgent : incident;
    }
}
