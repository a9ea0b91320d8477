package org.polisi.forms.incident;

import java.time.Instant;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.ChainHasher;
import org.polisi.forms.storage.Times;

/**
 * One entry of an incident report's chronology: an action taken ({@code detail} says what), a status
 * change ({@code open}, {@code actioned}, {@code closed}) or the date staff set until which the report
 * is kept ({@code keep-until}, ISO date). Chained within the report:
 * {@code hash = SHA-256(prevHash + "\n" + canonical JSON of the event)}.
 */
public record IncidentEvent(long id, String school, long submissionId, long seq, String kind, String detail,
                            Long staffUserId, String recordedBy, Instant recordedAt, String prevHash, String hash) {

    public static final String ACTION = "action";
    public static final String STATUS = "status";
    public static final String KEEP_UNTIL = "keep-until";

    /** The hash this event must carry after {@code prevHash}; an erased action hashes as it was written. */
    static String linkHash(String prevHash, String school, long submissionId, long seq, String kind, String detail,
                           String recordedBy, Instant recordedAt) {
        String canonical = CanonicalJson.write(java.util.List.of(school, submissionId, seq, kind, detail, recordedBy,
                Times.format(recordedAt)));
        return ChainHasher.sha256(prevHash + "\n" + canonical);
    }
}
