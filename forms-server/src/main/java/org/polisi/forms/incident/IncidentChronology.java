package org.polisi.forms.incident;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.consent.ConsentState;
import org.polisi.forms.i18n.Dates;
import org.polisi.contract.FormKind;
import org.polisi.forms.staff.StaffUser;
import org.polisi.forms.storage.ChainRow;
import org.polisi.forms.storage.ReadSnapshot;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChainVerifier;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.Times;

/**
 * An incident report's chronology (issue 14): the actions staff took ("Action taken: what? by whom?",
 * the reporting log's columns), its status (open, actioned, closed) and the date staff set until which
 * it is kept. Every entry is an appended, chained event written through the ledger's one writer; the
 * status and the date are the newest such event, never a stored value that is changed.
 */
public final class IncidentChronology {

    public static final String OPEN = "open";
    public static final String ACTIONED = "actioned";
    public static final String CLOSED = "closed";
    public static final List<String> STATUSES = List.of(OPEN, ACTIONED, CLOSED);

    private final Jdbi jdbi;
    private final SubmissionLedger ledger;

    public IncidentChronology(Jdbi jdbi, SubmissionLedger ledger) {
        this.jdbi = jdbi;
        this.ledger = ledger;
    }

    /**
     * Every verified entry of the report, oldest first (issue 23): the school's incident event chain
     * is walked first, and an entry at or after its first broken link is left out, as the consents
     * page leaves out consent events, so a row changed behind the server's back changes neither the
     * chronology nor the status staff are shown.
     *
     * @return the entries, and the chain's first problem if it has one
     */
    public ConsentState.Verified<List<IncidentEvent>> of(String school, long submissionId) {
        return ReadSnapshot.read(jdbi, handle -> verified(handle, school, submissionId));
    }

    /** {@link #of} on an open handle (the purge's, in its own transaction). */
    public static ConsentState.Verified<List<IncidentEvent>> verified(Handle handle, String school, long submissionId) {
        RecordChainVerifier.Walked walked = RecordChainVerifier.walkSchool(handle, RecordChains.INCIDENT_EVENT, school);
        List<IncidentEvent> events = walked.verifiedRows().stream().map(IncidentChronology::event)
                .filter(event -> event.submissionId() == submissionId)
                .sorted(Comparator.comparingLong(IncidentEvent::reportSeq)).toList();
        return new ConsentState.Verified<>(events, walked.problem());
    }

    /** An entry from its chain row; values in {@link RecordChains#INCIDENT_EVENT}'s column order. */
    private static IncidentEvent event(ChainRow row) {
        List<String> values = row.values();
        return new IncidentEvent(row.id(), row.school(), Long.parseLong(values.get(0)), Long.parseLong(values.get(1)),
                values.get(2), row.erasableValue(), values.get(3) == null ? null : Long.valueOf(values.get(3)),
                values.get(4), Times.parse(values.get(5)));
    }

    /** The newest status, {@code open} when none was set. */
    public static String status(List<IncidentEvent> events) {
        return newest(events, IncidentEvent.STATUS).orElse(OPEN);
    }

    /** The newest date staff set until which the report is kept, if any. */
    public static Optional<LocalDate> keptUntil(List<IncidentEvent> events) {
        return newest(events, IncidentEvent.KEEP_UNTIL).map(LocalDate::parse);
    }

    /**
     * Appends an entry to the school's incident report with this reference.
     *
     * @param kind   {@link IncidentEvent#ACTION} (detail: what was done), {@link IncidentEvent#STATUS}
     *               (one of {@link #STATUSES}) or {@link IncidentEvent#KEEP_UNTIL} (an ISO date)
     * @return false when there is no such live incident report in the staff member's school
     * @throws IllegalArgumentException when the detail does not suit the kind
     */
    public boolean append(StaffUser staff, String reference, String kind, String detail, Instant now) {
        if (IncidentEvent.STATUS.equals(kind) && !STATUSES.contains(detail)
                || IncidentEvent.ACTION.equals(kind) && detail.isBlank()
                || IncidentEvent.KEEP_UNTIL.equals(kind) && !keepUntilAllowed(detail, now)
                || !Set.of(IncidentEvent.ACTION, IncidentEvent.STATUS, IncidentEvent.KEEP_UNTIL).contains(kind)) {
            throw new IllegalArgumentException("not a " + kind + ": " + detail);
        }
        return ledger.inWriteTransaction(transaction -> {
            Optional<SubmissionRow> report = transaction.handle().attach(SubmissionDao.class)
                    .findByReference(reference == null ? "" : reference)
                    .filter(row -> row.school().equals(staff.school()) && !row.erased())
                    .filter(row -> FormKind.INCIDENT.word().equals(row.formKind()));
            if (report.isEmpty()) {
                return false;
            }
            long reportSeq = transaction.handle().attach(IncidentEventDao.class).lastReportSeq(report.get().id()) + 1;
            String by = staff.name() + " <" + staff.email() + ">";
            Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            try (RecordChain.Appender events = RecordChains.INCIDENT_EVENT.appender(transaction, staff.school())) {
                events.append(report.get().id(), reportSeq, kind, staff.id(), by, at, detail);
            }
            return true;
        });
    }

    /**
     * Whether {@code date} may be set as the day a report is kept until: an ISO date (yyyy-MM-dd) that
     * is today or later in the school's time zone. A day that has already passed would end the legal
     * hold at once and let the report be erased minutes after it arrived, so it is refused.
     *
     * @param date ISO-8601 calendar date as typed, surrounding white space ignored
     * @param now  the current instant (the server's clock)
     */
    public static boolean keepUntilAllowed(String date, Instant now) {
        try {
            return !LocalDate.parse(date.strip()).isBefore(LocalDate.ofInstant(now, Dates.SCHOOL_TIME));
        } catch (java.time.format.DateTimeParseException notADate) {
            return false;
        }
    }

    /** For the governors: per month of receipt, how many reports are open, actioned and closed now. Counts only. */
    public Map<YearMonth, Map<String, Integer>> statusByMonth(String school) {
        return ReadSnapshot.read(jdbi, handle -> {
            // the newest status of each report from the verified entries only, as the report's own page shows it
            Map<Long, String> newestStatus = new HashMap<>();
            RecordChainVerifier.walkSchool(handle, RecordChains.INCIDENT_EVENT, school).verifiedRows().stream()
                    .map(IncidentChronology::event).filter(event -> IncidentEvent.STATUS.equals(event.kind()))
                    .sorted(Comparator.comparingLong(IncidentEvent::reportSeq))
                    .forEach(event -> newestStatus.put(event.submissionId(), event.detail()));
            Map<YearMonth, Map<String, Integer>> counts = new TreeMap<>();
            for (IncidentEventDao.StatusOfReport report : handle.attach(IncidentEventDao.class).statuses(school)) {
                Map<String, Integer> month = counts.computeIfAbsent(
                        YearMonth.from(report.receivedAt().atZone(Dates.SCHOOL_TIME)), key -> new TreeMap<>());
                month.merge(newestStatus.getOrDefault(report.submissionId(), OPEN), 1, Integer::sum);
            }
            return counts;
        });
    }

    private static Optional<String> newest(List<IncidentEvent> events, String kind) {
        return events.stream().filter(event -> kind.equals(event.kind())).reduce((older, newer) -> newer)
                .map(IncidentEvent::detail);
    }
}
