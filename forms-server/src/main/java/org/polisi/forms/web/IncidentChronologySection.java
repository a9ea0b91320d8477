package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.Map;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
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

    void appendTo(Element main, StaffSession session, SubmissionRow row, FormDefinition form) {
        String language = session.language();
        ConsentState.Verified<List<IncidentEvent>> verified = chronology.of(row.school(), row.id());
        List<IncidentEvent> events = verified.value();
        String status = IncidentChronology.status(events);
        Html.text(main, "h2", messages.get(language, "staff.incident.chronology")).attr("id", "chronology");
        verified.problem().ifPresent(problem -> Html.text(main, "p", messages.format(language,
                "staff.incident.unverified", Map.of("event", problem.seq()))).attr("role", "alert")
                .addClass("notice notice--warning"));
        Html.text(main, "p", messages.format(language, "staff.incident.status-now",
                Map.of("status", messages.get(language, "staff.incident.status." + status)))).addClass("incident-status");
        Optional<LocalDate> keptUntil = IncidentChronology.keptUntil(events);
        if (form.retention().rule() == RetentionRule.Rule.UNTIL_STAFF_DATE) {
            Html.text(main, "p", keptUntil.map(date -> messages.format(language, "staff.incident.kept-until",
                    Map.of("date", Dates.day(date, language))))
                    .orElse(messages.get(language, "staff.incident.kept-until-none")));
        }
        if (events.isEmpty()) {
            Html.text(main, "p", messages.get(language, "staff.incident.none"));
        } else {
            Element body = Html.table(main, messages, language, "staff.incident.when", "staff.incident.who",
                    "staff.incident.what");
            for (IncidentEvent event : events) {
                Element tr = Html.add(body, "tr");
                Html.text(tr, "td", Dates.display(event.recordedAt(), language));
                Html.text(tr, "td", event.recordedBy());
                Html.text(tr, "td", describe(event, language));
            }
        }
        Element action = post(main, session, row.reference());
        Html.hidden(action, "kind", IncidentEvent.ACTION);
        Element group = Html.add(action, "div", "form-group");
        Html.text(group, "label", messages.get(language, "staff.incident.action-label")).addClass("label")
                .attr("for", "incident--action");
        Html.add(group, "textarea", "textarea").attr("id", "incident--action").attr("name", "detail").attr("rows", "3")
                .attr("maxlength", String.valueOf(MAX_ACTION));
        Html.text(action, "button", messages.get(language, "staff.incident.add")).addClass("button").attr("type", "submit");

        Element statusForm = post(main, session, row.reference());
        Html.hidden(statusForm, "kind", IncidentEvent.STATUS);
        Element fieldset = Html.add(Html.add(statusForm, "div", "form-group"), "fieldset", "fieldset");
        Html.text(fieldset, "legend", messages.get(language, "staff.incident.status")).addClass("legend");
        Element radios = Html.add(fieldset, "div", "radios");
        for (String each : IncidentChronology.STATUSES) {
            Element item = Html.add(radios, "div", "radios__item");
            Element input = Html.add(item, "input", "radios__input").attr("type", "radio").attr("name", "detail")
                    .attr("value", each).attr("id", "incident--status--" + each);
            if (each.equals(status)) {
                input.attr("checked", "");
            }
            Html.text(item, "label", messages.get(language, "staff.incident.status." + each))
                    .addClass("label radios__label").attr("for", "incident--status--" + each);
        }
        Html.text(statusForm, "button", messages.get(language, "staff.incident.set-status")).addClass("button")
                .attr("type", "submit");

        Element keep = post(main, session, row.reference());
        Html.hidden(keep, "kind", IncidentEvent.KEEP_UNTIL);
        Element dateGroup = Html.add(keep, "div", "form-group");
        Html.text(dateGroup, "label", messages.get(language, "staff.incident.keep-until")).addClass("label")
                .attr("for", "incident--keep-until");
        Html.text(dateGroup, "div", messages.get(language, "staff.incident.keep-until-hint")).addClass("hint")
                .attr("id", "incident--keep-until--hint");
        Element date = Html.add(dateGroup, "input", "input").attr("type", "date").attr("id", "incident--keep-until")
                .attr("name", "detail").attr("aria-describedby", "incident--keep-until--hint");
        keptUntil.ifPresent(value -> date.attr("value", value.toString()));
        Html.text(keep, "button", messages.get(language, "staff.incident.set-keep-until")).addClass("button")
                .attr("type", "submit");
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
            refuse(ctx, session, problem.get());
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

    private static Element post(Element parent, StaffSession session, String reference) {
        Element form = Html.add(parent, "form").attr("method", "post")
                .attr("action", "/staff/submissions/" + reference + "/chronology");
        Html.hidden(form, StaffAuth.CSRF_FIELD, session.csrfToken());
        return form;
    }
}
