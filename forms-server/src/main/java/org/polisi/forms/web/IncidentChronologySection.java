package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.Map;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.consent.ConsentState;
import org.polisi.forms.incident.IncidentChronology;
import org.polisi.forms.incident.IncidentEvent;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.RetentionRule;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.text.TypedText;

/**
 * On an incident report's own page: its chronology (what was done, by whom, when), its status, and
 * the date until which it is kept; with forms to add an action, change the status and set the date.
 * {@code POST /staff/submissions/{reference}/chronology} appends one entry through
 * {@link IncidentChronology}; only staff who may read the report may add to it.
 */
final class IncidentChronologySection {

    private static final int MAX_ACTION = 3000;

    private final StaffRecords records;
    private final IncidentChronology chronology;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final Clock clock;

    IncidentChronologySection(StaffRecords records, IncidentChronology chronology, StaffFrame frame, ErrorPages errors,
                              Messages messages, Clock clock) {
        this.records = records;
        this.chronology = chronology;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
        this.clock = clock;
    }

    /** The section of an incident report's page. */
    View view(StaffSession session, SubmissionRow row, FormDefinition form) {
        String language = session.language();
        ConsentState.Verified<List<IncidentEvent>> verified = chronology.of(row.school(), row.id());
        List<IncidentEvent> events = verified.value();
        String status = IncidentChronology.status(events);
        Optional<LocalDate> keptUntil = IncidentChronology.keptUntil(events);
        String action = "/staff/submissions/" + row.reference() + "/chronology";
        return new View(messages.get(language, "staff.incident.chronology"),
                verified.problem().map(problem -> Notice.alert(messages.format(language, "staff.incident.unverified",
                        Map.of("event", problem.seq())))).orElse(null),
                messages.format(language, "staff.incident.status-now",
                        Map.of("status", messages.get(language, "staff.incident.status." + status))),
                form.retention().rule() != RetentionRule.Rule.UNTIL_STAFF_DATE ? null
                        : keptUntil.map(date -> messages.format(language, "staff.incident.kept-until",
                                Map.of("date", Dates.day(date, language))))
                        .orElse(messages.get(language, "staff.incident.kept-until-none")),
                events.isEmpty() ? messages.get(language, "staff.incident.none") : null,
                events.isEmpty() ? null : new Table(Table.headings(messages, language, "staff.incident.when",
                        "staff.incident.who", "staff.incident.what"), events.stream().map(event -> Table.Row.of(
                        Table.Cell.text(Dates.display(event.recordedAt(), language)),
                        Table.Cell.typed(event.recordedBy()),
                        IncidentEvent.ACTION.equals(event.kind()) ? Table.Cell.typed(event.detail())
                                : Table.Cell.text(describe(event, language)))).toList()),
                action, StaffAuth.CSRF_FIELD, session.csrfToken(),
                new Kinds(IncidentEvent.ACTION, IncidentEvent.STATUS, IncidentEvent.KEEP_UNTIL),
                messages.get(language, "staff.incident.action-label"), MAX_ACTION, messages.get(language, "staff.incident.add"),
                messages.get(language, "staff.incident.status"), IncidentChronology.STATUSES.stream().map(each ->
                        new Choice(each, messages.get(language, "staff.incident.status." + each), each.equals(status)))
                        .toList(), messages.get(language, "staff.incident.set-status"),
                messages.get(language, "staff.incident.keep-until"), messages.get(language, "staff.incident.keep-until-hint"),
                keptUntil.map(LocalDate::toString).orElse(""), messages.get(language, "staff.incident.set-keep-until"));
    }

    /**
     * The section in {@code server/record.ftl}: the chronology's title, a warning when its entries
     * fail their check (or null), the status now, the date it is kept until (null when the form's
     * retention rule is not a date staff set), the entries ({@code none} when there are none, else
     * {@code entries}), and the three forms that post to {@code action}: an action taken, the status,
     * and the date to keep it until.
     */
    record View(String title, Notice unverified, String status, String keptUntil, String none, Table entries,
                String action, String csrfField, String csrfToken, Kinds kinds, String actionLabel, int maxAction,
                String addButton, String statusLegend, List<Choice> statuses, String statusButton, String keepLabel,
                String keepHint, String keepValue, String keepButton) {
    }

    /** The kinds of entry each form posts (its hidden {@code kind}). */
    record Kinds(String action, String status, String keepUntil) {
    }

    /** A status to choose: its value, its words, and whether it is the status now. */
    record Choice(String value, String label, boolean checked) {
    }

    void append(Context ctx, StaffSession session, boolean tokenValid) {
        if (!tokenValid) {
            errors.forbidden(ctx);
            return;
        }
        String reference = ctx.pathParam("reference");
        StaffRecords.Opened opened = records.open(session.user(), reference);
        if (!(opened instanceof StaffRecords.Opened.Found found) || found.form().kind() != FormKind.INCIDENT) {
            errors.notFound(ctx);
            return;
        }
        String kind = Optional.ofNullable(ctx.formParam("kind")).orElse("");
        String detail = Optional.ofNullable(ctx.formParam("detail")).orElse("");
        Optional<String> problem = problem(kind, detail, clock.instant());
        if (problem.isPresent()) {
            String language = session.language();
            // an action typed: shown again exactly as typed, to correct and send (nothing typed is lost)
            StaffFrame.Retry retry = IncidentEvent.ACTION.equals(kind) ? new StaffFrame.Retry(
                    "/staff/submissions/" + reference + "/chronology", StaffAuth.CSRF_FIELD, session.csrfToken(),
                    List.of(new Post.Hidden("kind", IncidentEvent.ACTION)), "detail",
                    messages.get(language, "staff.incident.action-label"), detail, MAX_ACTION,
                    messages.get(language, "staff.incident.add")) : null;
            frame.refused(ctx, session, "staff.incident.chronology", problem.get(),
                    "/staff/submissions/" + reference + "#chronology", retry);
            return;
        }
        String clean = IncidentEvent.ACTION.equals(kind) ? TypedText.normalise(detail) : detail.strip();
        chronology.append(session.user(), reference, kind, clean, clock.instant());
        Responses.seeOther(ctx, "/staff/submissions/" + reference + "#chronology");
    }

    /** The message key of what is wrong with the entry, if anything. */
    private static Optional<String> problem(String kind, String detail, java.time.Instant now) {
        switch (kind) {
            case IncidentEvent.ACTION -> {
                String clean = TypedText.normalise(detail);
                return !TypedText.hasVisibleCharacter(clean) || clean.length() > MAX_ACTION
                        ? Optional.of("error.incident.action-required") : Optional.empty();
            }
            case IncidentEvent.STATUS -> {
                return IncidentChronology.STATUSES.contains(detail) ? Optional.empty()
                        : Optional.of("error.incident.status-invalid");
            }
            case IncidentEvent.KEEP_UNTIL -> {
                try {
                    LocalDate.parse(detail.strip());
                } catch (DateTimeParseException notADate) {
                    return Optional.of("error.incident.date-invalid");
                }
                return IncidentChronology.keepUntilAllowed(detail, now) ? Optional.empty()
                        : Optional.of("error.incident.date-past");
            }
            default -> {
                return Optional.of("error.incident.status-invalid");
            }
        }
    }

    private void refuse(Context ctx, StaffSession session, String key) {
        frame.refused(ctx, session, "staff.incident.chronology", key,
                "/staff/submissions/" + ctx.pathParam("reference") + "#chronology");
    }

    private String describe(IncidentEvent event, String language) {
        return switch (event.kind()) {
            case IncidentEvent.STATUS -> messages.format(language, "staff.incident.status-changed",
                    Map.of("status", messages.get(language, "staff.incident.status." + event.detail())));
            case IncidentEvent.KEEP_UNTIL -> messages.format(language, "staff.incident.kept-until",
                    Map.of("date", Dates.day(LocalDate.parse(event.detail()), language)));
            default -> event.detail();
        };
    }
}
