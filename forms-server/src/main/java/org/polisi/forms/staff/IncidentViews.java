package org.polisi.forms.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.WriteTransaction;

/** Appends incident views to each school's {@link RecordChains#INCIDENT_VIEW} chain, in one transaction. */
public final class IncidentViews {

    private IncidentViews() {
    }

    /**
     * Records that the viewer saw these incident reports.
     *
     * @param staffUserId the account, or null for the command line
     * @param channel     {@code page}, {@code csv} or {@code command-line}
     */
    public static void record(Jdbi jdbi, List<SubmissionRow> incidents, Long staffUserId, String viewer,
                              String channel, Instant now) {
        if (incidents.isEmpty()) {
            return;
        }
        Map<String, List<SubmissionRow>> bySchool = incidents.stream()
                .collect(Collectors.groupingBy(SubmissionRow::school));
        jdbi.useTransaction(handle -> {
            try (WriteTransaction transaction = WriteTransaction.over(handle)) {
                bySchool.forEach((school, rows) -> {
                    try (RecordChain.Appender views = RecordChains.INCIDENT_VIEW.appender(transaction, school)) {
                        rows.forEach(row -> views.append(row.id(), staffUserId, viewer, channel, now));
                    }
                });
            }
        });
    }
}
