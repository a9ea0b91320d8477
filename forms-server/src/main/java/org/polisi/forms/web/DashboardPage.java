package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.polisi.forms.alerts.AlertStatus;
import org.polisi.forms.consent.WithdrawalRequests;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.roster.Returns;
import org.polisi.forms.roster.Roster;
import org.polisi.forms.staff.Dashboard;
import org.polisi.forms.staff.StaffPermissions;
import org.polisi.forms.staff.StaffSession;

/**
 * {@code /staff/}: a headteacher's (or any member of staff's) dashboard, for the forms they may
 * read: what is urgent and not yet closed, what is new since their last visit, counts per form,
 * incident reports by status, withdrawals waiting for a match and, from the school's roster, who
 * has not yet returned each agreement or consent form. The counts are {@link Dashboard}'s, the
 * roster's answers {@link Returns}'.
 */
final class DashboardPage {

    private final Dashboard dashboard;
    private final Roster roster;
    private final Returns returns;
    private final AlertStatus alerts;
    private final WithdrawalRequests requests;
    private final StaffFrame frame;
    private final Messages messages;
    private final Clock clock;

    DashboardPage(Dashboard dashboard, Roster roster, Returns returns, AlertStatus alerts, WithdrawalRequests requests,
                  StaffFrame frame, Messages messages, Clock clock) {
        this.dashboard = dashboard;
        this.roster = roster;
        this.returns = returns;
        this.alerts = alerts;
        this.requests = requests;
        this.frame = frame;
        this.messages = messages;
        this.clock = clock;
    }

    void show(Context ctx, StaffSession session) {
        String language = session.language();
        Notice delivery = alerts.deliveryConfigured() ? null : new Notice(messages.format(language,
                "staff.alerts.not-delivered", Map.of("count", alerts.waiting(session.user().school()))),
                "notice notice--warning", "status");
        Dashboard.Summary summary = dashboard.visit(session.user(), clock.instant());
        List<FormDefinition> forms = summary.forms().stream().map(Dashboard.FormCount::form).toList();
        List<String> unheld = alerts.unheldRoles(session.user().school(), forms);
        if (delivery == null && !unheld.isEmpty()) {   // fault 3: a role alerted that nobody active holds
            delivery = new Notice(messages.format(language, "staff.alerts.unheld", Map.of("count", unheld.size(), "roles",
                    String.join(", ", unheld.stream().map(role -> frame.roleName(session.user().school(), role, language))
                            .toList()))),
                    "notice notice--warning", "status");
        }
        View view = forms.isEmpty()
                ? new View(delivery, messages.get(language, "staff.no-forms"), null, null, null, null, null, null)
                : new View(delivery, null,
                        summary.lastVisit().map(last -> messages.format(language, "staff.dashboard.new-since",
                                Map.of("count", summary.newSinceLastVisit(), "date", Dates.display(last, language))))
                                .orElse(messages.get(language, "staff.dashboard.first-visit")),
                        urgent(language, summary, forms), formCounts(language, summary),
                        forms.stream().anyMatch(form -> form.kind() == FormKind.INCIDENT)
                                ? incidents(language, summary) : null,
                        pendingWithdrawals(session, forms), notReturned(session, forms));
        frame.render(ctx, session, 200, "staff.dashboard.title", Map.of(), "dashboard", view);
    }

    /**
     * The view of {@code server/dashboard.ftl}. {@code delivery} warns that alerts are not sent, or
     * is null; {@code noForms} says the member of staff reads no form (then nothing else is shown), or
     * is null; a section the member of staff has nothing in, or may not use, is null.
     */
    record View(Notice delivery, String noForms, String newSince, Urgent urgent, Titled forms, Titled incidents,
                Withdrawals withdrawals, NotReturned notReturned) {
    }

    /** What is urgent and not closed: {@code nothing} when none (then no items and no link to all). */
    record Urgent(String title, String nothing, List<Item> items, PageLayout.Link all) {
    }

    /** A section that is a heading and a table. */
    record Titled(String title, Table table) {
    }

    /** Withdrawals sent without a reference, each waiting for a match. */
    record Withdrawals(String title, String explanation, List<Item> items) {
    }

    /**
     * Who has not returned each agreement or consent form: {@code noRoster} (with the link to the
     * roster) when no roster has been uploaded, else one {@link Missing} per form.
     */
    record NotReturned(String title, String noRoster, PageLayout.Link roster, List<Missing> forms) {
    }

    /** One form: "form: n of m pupils on the roster", and the pupils (typed text: as on the roster). */
    record Missing(String summary, List<String> pupils) {
    }

    private Urgent urgent(String language, Dashboard.Summary summary, List<FormDefinition> forms) {
        String title = messages.get(language, "staff.dashboard.urgent");
        if (summary.urgentOpenCount() == 0) {
            return new Urgent(title, messages.get(language, "staff.dashboard.nothing-urgent"), List.of(), null);
        }
        List<Item> items = summary.urgentOpen().stream().map(row -> new Item(
                new PageLayout.Link("/staff/submissions/" + row.reference(), row.reference()), "urgent-flag",
                " · " + title(forms, row.formId(), language) + " · " + Dates.display(row.receivedAt(), language)))
                .toList();
        return new Urgent(title, null, items, new PageLayout.Link("/staff/submissions?urgent=1", messages.format(language,
                "staff.dashboard.all-urgent", Map.of("count", summary.urgentOpenCount()))));
    }

    private Titled formCounts(String language, Dashboard.Summary summary) {
        List<Table.Row> rows = summary.forms().stream().map(count -> {
            FormDefinition form = count.form();
            return Table.Row.of(Table.Cell.link("/staff/submissions?form=" + form.id(), Text.in(form.title(), language)),
                    Table.Cell.text(messages.get(language, "kind." + form.kind().word())),
                    Table.Cell.text(String.valueOf(count.live())),
                    Table.Cell.text(String.valueOf(count.sinceLastVisit())),
                    Table.Cell.text(String.valueOf(count.urgent())),
                    Table.Cell.link("/staff/export.csv?form=" + form.id(), messages.get(language, "staff.export-csv")));
        }).toList();
        return new Titled(messages.get(language, "staff.your-forms"), new Table(Table.headings(messages, language,
                "csv.form", "staff.dashboard.kind", "staff.dashboard.received", "staff.dashboard.new", "csv.urgent",
                "staff.dashboard.spreadsheet"), rows));
    }

    private Titled incidents(String language, Dashboard.Summary summary) {
        List<Table.Row> rows = summary.incidentsByStatus().entrySet().stream().map(status -> Table.Row.of(
                Table.Cell.text(messages.get(language, "staff.incident.status." + status.getKey())),
                Table.Cell.text(String.valueOf(status.getValue())))).toList();
        return new Titled(messages.get(language, "staff.dashboard.incidents-by-status"), new Table(Table.headings(messages,
                language, "staff.incident.status", "staff.governors.reports"), rows));
    }

    /** Withdrawals sent without a reference, for those who read the withdrawal form: each waits for a match. */
    private Withdrawals pendingWithdrawals(StaffSession session, List<FormDefinition> forms) {
        List<String> withdrawalForms = forms.stream().filter(form -> form.kind() == FormKind.WITHDRAWAL)
                .map(FormDefinition::id).toList();
        List<WithdrawalRequests.Request> pending = requests.pending(session.user().school()).stream()
                .filter(request -> withdrawalForms.contains(request.withdrawal().formId())).toList();
        if (pending.isEmpty()) {
            return null;
        }
        String language = session.language();
        return new Withdrawals(messages.get(language, "staff.withdrawals.title"),
                messages.get(language, "staff.withdrawals.explanation"), pending.stream().map(request -> new Item(
                        new PageLayout.Link("/staff/submissions/" + request.withdrawal().reference(),
                                request.withdrawal().reference()), "",
                        " · " + Dates.display(request.withdrawal().receivedAt(), language))).toList());
    }

    /** For each agreement and consent form, the roster's pupils with no submission naming them (headteacher only). */
    private NotReturned notReturned(StaffSession session, List<FormDefinition> forms) {
        if (!StaffPermissions.mayUseRoster(session.user())) {
            return null;
        }
        String language = session.language();
        String title = messages.get(language, "staff.dashboard.not-returned");
        List<Roster.Entry> pupils = roster.of(session.user().school());
        if (pupils.isEmpty()) {
            return new NotReturned(title, messages.get(language, "staff.dashboard.no-roster"),
                    new PageLayout.Link("/staff/roster", messages.get(language, "staff.roster.title")), List.of());
        }
        List<FormDefinition> returnable = forms.stream()
                .filter(form -> form.kind() == FormKind.AGREEMENT || form.kind() == FormKind.CONSENT).toList();
        List<Missing> missing = returns.notReturned(session.user().school(), returnable, pupils).stream()
                .map(each -> new Missing(messages.format(language, "staff.dashboard.not-returned-count", Map.of(
                        "form", Text.in(each.form().title(), language), "count", each.notReturned().size(),
                        "total", each.onRoster())), each.notReturned().stream().map(pupil -> pupil.className().isEmpty()
                        ? pupil.pupil() : pupil.pupil() + " (" + pupil.className() + ")").toList()))
                .toList();
        return new NotReturned(title, null, null, missing);
    }

    private static String title(List<FormDefinition> forms, String formId, String language) {
        return forms.stream().filter(form -> form.id().equals(formId)).findFirst()
                .map(form -> Text.in(form.title(), language)).orElse(formId);
    }
}
