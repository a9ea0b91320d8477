package org.polisi.forms.incident;

import java.time.Instant;

/**
 * One entry of an incident report's chronology: an action taken ({@code detail} says what), a status
 * change ({@code open}, {@code actioned}, {@code closed}) or the date staff set until which the report
 * is kept ({@code keep-until}, ISO date). {@code reportSeq} orders the entries within the report
 * (1, 2, 3…). Each entry is a row of the school's {@code incident-event} record chain
 * ({@link org.polisi.forms.storage.RecordChains#INCIDENT_EVENT}), which {@code verify} checks.
 */
public record IncidentEvent(long id, String school, long submissionId, long reportSeq, String kind, String detail,
                            Long staffUserId, String recordedBy, Instant recordedAt) {

    public static final String ACTION = "action";
    public static final String STATUS = "status";
    public static final String KEEP_UNTIL = "keep-until";
}
