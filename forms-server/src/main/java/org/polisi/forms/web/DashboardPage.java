package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
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
import org.polisi.forms.storage.SubmissionRow;

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
        PageLayout.Page page = frame.page(ctx, session, "staff.dashboard.title");
        Element main = page.main();
        if (!alerts.deliveryConfigured()) {
            Html.text(main, "p", messages.format(language, "staff.alerts.not-delivered",
                    Map.of("count", alerts.waiting(session.user().school())))).addClass("notice notice--warning")
                    .attr("role", "status");
        }
        Dashboard.Summary summary = dashboard.visit(session.user(), clock.instant());
        List<FormDefinition> forms = summary.forms().stream().map(Dashboard.FormCount::form).toList();
        if (forms.isEmpty()) {
            Html.text(main, "p", messages.get(language, "staff.no-forms"));
            Responses.html(ctx, 200, page.html());
            return;
        }
        Html.text(main, "p", summary.lastVisit().map(last -> messages.format(language, "staff.dashboard.new-since",
                        Map.of("count", summary.newSinceLastVisit(), "date", Dates.display(last, language))))
                .orElse(messages.get(language, "staff.dashboard.first-visit"))).addClass("dashboard-new");
        urgent(main, language, summary, forms);
        formCounts(main, language, summary);
        if (forms.stream().anyMatch(form -> form.kind() == FormKind.INCIDENT)) {
            Html.text(main, "h2", messages.get(language, "staff.dashboard.incidents-by-status")).attr("id", "incidents");
            Element body = Html.table(main, messages, language, "staff.incident.status", "staff.governors.reports");
            summary.incidentsByStatus().forEach((status, count) -> {
                Element tr = Html.add(body, "tr");
                Html.text(tr, "td", messages.get(language, "staff.incident.status." + status));
                Html.text(tr, "td", String.valueOf(count));
            });
        }
        pendingWithdrawals(main, session, forms);
        notReturned(main, session, forms);
        Responses.html(ctx, 200, page.html());
    }

    private void urgent(Element main, String language, Dashboard.Summary summary, List<FormDefinition> forms) {
        Html.text(main, "h2", messages.get(language, "staff.dashboard.urgent")).attr("id", "urgent");
        if (summary.urgentOpenCount() == 0) {
            Html.text(main, "p", messages.get(language, "staff.dashboard.nothing-urgent"));
            return;
        }
        Element list = Html.add(main, "ul", "urgent-list");
        for (SubmissionRow row : summary.urgentOpen()) {
            Element item = Html.add(list, "li");
            Html.link(item, "/staff/submissions/" + row.reference(), row.reference()).addClass("urgent-flag");
            item.appendText(" · " + title(forms, row.formId(), language) + " · " + Dates.display(row.receivedAt(), language));
        }
        Html.link(Html.add(main, "p"), "/staff/submissions?urgent=1", messages.format(language,
                "staff.dashboard.all-urgent", Map.of("count", summary.urgentOpenCount())));
    }

    private void formCounts(Element main, String language, Dashboard.Summary summary) {
        Html.text(main, "h2", messages.get(language, "staff.your-forms")).attr("id", "forms");
        Element body = Html.table(main, messages, language, "csv.form", "staff.dashboard.kind",
                "staff.dashboard.received", "staff.dashboard.new", "csv.urgent", "staff.dashboard.spreadsheet");
        for (Dashboard.FormCount count : summary.forms()) {
            FormDefinition form = count.form();
            Element tr = Html.add(body, "tr");
            Html.link(Html.add(tr, "td"), "/staff/submissions?form=" + form.id(), Text.in(form.title(), language));
            Html.text(tr, "td", messages.get(language, "kind." + form.kind().word()));
            Html.text(tr, "td", String.valueOf(count.live()));
            Html.text(tr, "td", String.valueOf(count.sinceLastVisit()));
            Html.text(tr, "td", String.valueOf(count.urgent()));
            Html.link(Html.add(tr, "td"), "/staff/export.csv?form=" + form.id(), messages.get(language, "staff.export-csv"));
        }
    }

    /** Withdrawals sent without a reference, for those who read the withdrawal form: each waits for a match. */
    private void pendingWithdrawals(Element main, StaffSession session, List<FormDefinition> forms) {
        List<String> withdrawalForms = forms.stream().filter(form -> form.kind() == FormKind.WITHDRAWAL)
                .map(FormDefinition::id).toList();
        List<WithdrawalRequests.Request> pending = requests.pending(session.user().school()).stream()
                .filter(request -> withdrawalForms.contains(request.withdrawal().formId())).toList();
        if (pending.isEmpty()) {
            return;
        }
        String language = session.language();
        Html.text(main, "h2", messages.get(language, "staff.withdrawals.title"));
        Html.text(main, "p", messages.get(language, "staff.withdrawals.explanation"));
        Element list = Html.add(main, "ul", "withdrawal-requests");
        for (WithdrawalRequests.Request request : pending) {
            Element item = Html.add(list, "li");
            Html.link(item, "/staff/submissions/" + request.withdrawal().reference(), request.withdrawal().reference());
            item.appendText(" · " + Dates.display(request.withdrawal().receivedAt(), language));
        }
    }

    /** For each agreement and consent form, the roster's pupils with no submission naming them (headteacher only). */
    private void notReturned(Element main, StaffSession session, List<FormDefinition> forms) {
        if (!StaffPermissions.mayUseRoster(session.user())) {
            return;
        }
        String language = session.language();
        Html.text(main, "h2", messages.get(language, "staff.dashboard.not-returned")).attr("id", "not-returned");
        List<Roster.Entry> pupils = roster.of(session.user().school());
        if (pupils.isEmpty()) {
            Element p = Html.add(main, "p");
            p.appendText(messages.get(language, "staff.dashboard.no-roster") + " ");
            Html.link(p, "/staff/roster", messages.get(language, "staff.roster.title"));
            return;
        }
        List<FormDefinition> returnable = forms.stream()
                .filter(form -> form.kind() == FormKind.AGREEMENT || form.kind() == FormKind.CONSENT).toList();
        for (Returns.Missing missing : returns.notReturned(session.user().school(), returnable, pupils)) {
            Element section = Html.add(main, "details", "not-returned");
            Html.text(section, "summary", messages.format(language, "staff.dashboard.not-returned-count", Map.of(
                    "form", Text.in(missing.form().title(), language), "count", missing.notReturned().size(),
                    "total", missing.onRoster())));
            Element list = Html.add(section, "ul");
            for (Roster.Entry pupil : missing.notReturned()) {
                Html.typed(list, "li", pupil.className().isEmpty() ? pupil.pupil()
                        : pupil.pupil() + " (" + pupil.className() + ")");
            }
        }
    }

    private static String title(List<FormDefinition> forms, String formId, String language) {
        return forms.stream().filter(form -> form.id().equals(formId)).findFirst()
                .map(form -> Text.in(form.title(), language)).orElse(formId);
    }
}
