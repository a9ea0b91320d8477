package org.polisi.forms.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.polisi.forms.incident.IncidentChronology;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.forms.storage.SubmissionRow;

/**
 * What a member of staff's dashboard shows (issue 20, fault 6): for each form they may read, how
 * many live submissions there are, how many arrived since their last visit and how many are urgent;
 * the urgent reports not yet closed; and incident reports by status (open, actioned, closed: the
 * newest status entry of each report's chronology). Each visit is remembered per account, so the
 * next one can say what is new. Counts only: nothing here reads an answer.
 */
public final class Dashboard {

    /** The most urgent reports listed on the dashboard; the submissions list pages through the rest. */
    public static final int URGENT_SHOWN = 20;

    private final Jdbi jdbi;
    private final StaffRecords records;

    public Dashboard(Jdbi jdbi, StaffRecords records) {
        this.jdbi = jdbi;
        this.records = records;
    }

    /** One form's counts. */
    public record FormCount(FormDefinition form, int live, int sinceLastVisit, int urgent) {
    }

    /**
     * @param lastVisit         the visit before this one, if any
     * @param urgentOpen        urgent submissions whose report is not closed, newest first (at most {@link #URGENT_SHOWN})
     * @param urgentOpenCount   how many there are in all
     * @param incidentsByStatus each of {@link IncidentChronology#STATUSES} and its count, for the incident forms read
     */
    public record Summary(Optional<Instant> lastVisit, List<FormCount> forms, List<SubmissionRow> urgentOpen,
                          int urgentOpenCount, Map<String, Integer> incidentsByStatus) {

        public int newSinceLastVisit() {
            return forms.stream().mapToInt(FormCount::sinceLastVisit).sum();
        }
    }

    /** The user's dashboard as of {@code now}, and {@code now} remembered as their last visit. */
    public Summary visit(StaffUser user, Instant now) {
        List<FormDefinition> forms = records.readableForms(user);
        return jdbi.inTransaction(handle -> {
            Optional<Instant> last = handle.createQuery("SELECT last_visit_at FROM staff_visit WHERE staff_user_id = :id")
                    .bind("id", user.id()).mapTo(Instant.class).findOne();
            Instant since = last.orElse(Instant.EPOCH);
            List<FormCount> counts = new ArrayList<>();
            for (FormDefinition form : forms) {
                counts.add(new FormCount(form, count(handle, user, form, "1 = 1", since),
                        count(handle, user, form, "received_at > :since", since),
                        count(handle, user, form, "urgent = 1", since)));
            }
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            IncidentChronology.STATUSES.forEach(status -> byStatus.put(status, 0));
            List<SubmissionRow> urgentOpen = new ArrayList<>();
            List<String> incidentForms = forms.stream().filter(form -> form.kind() == FormKind.INCIDENT)
                    .map(FormDefinition::id).toList();
            List<String> readable = forms.stream().map(FormDefinition::id).toList();
            if (!readable.isEmpty()) {
                for (Map.Entry<SubmissionRow, String> report : withStatus(handle, user.school(), readable).entrySet()) {
                    boolean incident = incidentForms.contains(report.getKey().formId());
                    if (incident) {
                        byStatus.merge(report.getValue(), 1, Integer::sum);
                    }
                    if (report.getKey().urgent() && !(incident && IncidentChronology.CLOSED.equals(report.getValue()))) {
                        urgentOpen.add(report.getKey());
                    }
                }
            }
            handle.createUpdate("INSERT INTO staff_visit (staff_user_id, last_visit_at) VALUES (:id, :at)"
                            + " ON CONFLICT (staff_user_id) DO UPDATE SET last_visit_at = excluded.last_visit_at")
                    .bind("id", user.id()).bind("at", now).execute();
            return new Summary(last, counts, urgentOpen.stream().limit(URGENT_SHOWN).toList(), urgentOpen.size(),
                    byStatus);
        });
    }

    private static int count(Handle handle, StaffUser user, FormDefinition form, String condition, Instant since) {
        return handle.createQuery("SELECT count(*) FROM submission WHERE school = :school AND form_id = :form"
                        + " AND erased_at IS NULL AND " + condition) // condition: one of this class's constants
                .bind("school", user.school()).bind("form", form.id())
                .bindMap(condition.contains(":since") ? Map.of("since", since) : Map.of())
                .mapTo(Integer.class).one();
    }

    /**
     * Every live submission that is urgent or an incident report, newest first, with its status: the
     * newest status entry of its chronology, {@code open} when there is none.
     */
    private static Map<SubmissionRow, String> withStatus(Handle handle, String school, List<String> forms) {
        Map<SubmissionRow, String> found = new LinkedHashMap<>();
        List<SubmissionRow> rows = handle.createQuery("""
                        SELECT * FROM submission
                        WHERE school = :school AND form_id IN (<forms>) AND erased_at IS NULL
                          AND (urgent = 1 OR form_kind = 'incident')
                        ORDER BY received_at DESC, seq DESC
                        """)
                .bind("school", school).bindList("forms", forms).map(ConstructorMapper.of(SubmissionRow.class)).list();
        for (SubmissionRow row : rows) {
            String status = handle.createQuery("""
                            SELECT detail FROM incident_event WHERE submission_id = :id AND kind = 'status'
                            ORDER BY report_seq DESC LIMIT 1
                            """)
                    .bind("id", row.id()).mapTo(String.class).findOne().orElse(IncidentChronology.OPEN);
            found.put(row, status);
        }
        return found;
    }
}
