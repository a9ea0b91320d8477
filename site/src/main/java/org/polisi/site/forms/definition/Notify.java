package org.polisi.site.forms.definition;

import java.util.List;

/**
 * Who is told that an incident report has arrived ({@code notify:} in the form definition): the
 * staff roles alerted for every report, and those alerted when the report is urgent. Alerts carry
 * the reference and category only, never the report. Empty for forms that are not incident reports.
 */
public record Notify(List<String> incident, List<String> urgent) {

    public static final Notify NONE = new Notify(List.of(), List.of());

    public Notify {
        incident = List.copyOf(incident);
        urgent = List.copyOf(urgent);
    }
}
