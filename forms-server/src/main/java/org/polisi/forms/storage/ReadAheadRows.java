package org.polisi.forms.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows read for a whole batch before its writes run: for each resubmission check announced with a
 * write ({@link SubmissionLedger.Resubmission}), the newest submission found since an instant
 * (docs/adr/0065-batched-writes.md). Valid while nothing is sent at once: the writer's transaction
 * forgets them at the first {@link WriteTransaction#flush} or statement sent at once, and the
 * look-ups then read the table again.
 */
final class ReadAheadRows {

    private Map<List<String>, SubmissionRow> found = Map.of();
    private Set<List<String>> keys = Set.of();
    private Instant since;

    /** Keeps, for each key looked up, the newest row found since {@code since}, if any. */
    void keep(Set<List<String>> keysLookedUp, Map<List<String>, SubmissionRow> newest, Instant from) {
        keys = Set.copyOf(keysLookedUp);
        found = Map.copyOf(newest);
        since = from;
    }

    /**
     * What was read ahead for the key, if it was and covers rows since {@code from}: empty when it
     * was not read ahead (look it up), else the newest row found (none: an empty inner Optional).
     */
    Optional<Optional<SubmissionRow>> find(List<String> key, Instant from) {
        if (!keys.contains(key) || from.isBefore(since)) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(found.get(key)).filter(row -> !row.receivedAt().isBefore(from)));
    }

    void forget() {
        found = Map.of();
        keys = Set.of();
        since = null;
    }
}
