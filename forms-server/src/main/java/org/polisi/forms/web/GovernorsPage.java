package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.incident.IncidentChronology;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.signatures.SignatureRegister;
import org.polisi.forms.staff.GovernorSummary;
import org.polisi.forms.staff.RecordAccess;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;

/**
 * {@code /staff/governors}: incident reports counted by month, form and category, and by month and
 * status (open, actioned, closed), with no names and no content, for the governors' termly report. Who may see it is {@link RecordAccess}'s call.
 */
final class GovernorsPage {

    private final StaffRecords records;
    private final GovernorSummary governors;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final SignatureRegister signatures;

    private final IncidentChronology chronology;

    GovernorsPage(StaffRecords records, GovernorSummary governors, IncidentChronology chronology, StaffFrame frame,
                  ErrorPages errors, Messages messages, SignatureRegister signatures) {
        this.chronology = chronology;
        this.signatures = signatures;
        this.records = records;
        this.governors = governors;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
    }

    void governors(Context ctx, StaffSession session) {
        StaffRecords.Decision<Manifest> decision = records.governorSummary(session.user());
        if (decision instanceof StaffRecords.Decision.Forbidden<Manifest>) {
            errors.forbidden(ctx);
            return;
        }
        if (!(decision instanceof StaffRecords.Decision.Granted<Manifest> granted)) {
            errors.notFound(ctx);
            return;
        }
        Optional<Manifest> manifest = Optional.of(granted.value());
        String language = session.language();
        List<GovernorSummary.Count> counts = governors.incidents(manifest.get());
        PageLayout.Page page = frame.page(ctx, session, "staff.governors.title");
        Html.text(page.main(), "p", messages.get(language, "staff.governors.explanation"));
        if (counts.isEmpty()) {
            Html.text(page.main(), "p", messages.get(language, "staff.governors.none"));
        } else {
            Element body = Html.table(page.main(), messages, language,
                    "staff.governors.month", "csv.form", "staff.governors.category", "staff.governors.reports",
                    "staff.governors.urgent");
            for (GovernorSummary.Count count : counts) {
                FormDefinition form = manifest.get().form(count.formId()).orElseThrow();
                Element tr = Html.add(body, "tr");
                Html.text(tr, "td", Dates.month(count.month(), language));
                Html.text(tr, "td", Text.in(form.title(), language));
                Html.text(tr, "td", categoryLabel(form, count.category(), language));
                Html.text(tr, "td", String.valueOf(count.reports()));
                Html.text(tr, "td", String.valueOf(count.urgent()));
            }
            statusByMonth(page.main(), language, manifest.get().school());
        }
        staffAgreements(page.main(), manifest.get(), language);
        Responses.html(ctx, 200, page.html());
    }

    /** Per month of receipt: how many reports are open, actioned and closed now (their newest status event). */
    private void statusByMonth(Element main, String language, String school) {
        Html.text(main, "h2", messages.get(language, "staff.governors.status-title"));
        Element body = Html.table(main, messages, language, "staff.governors.month", "staff.incident.status.open",
                "staff.incident.status.actioned", "staff.incident.status.closed");
        for (Map.Entry<YearMonth, Map<String, Integer>> month : chronology.statusByMonth(school).entrySet()) {
            Element tr = Html.add(body, "tr");
            Html.text(tr, "td", Dates.month(month.getKey(), language));
            for (String status : IncidentChronology.STATUSES) {
                Html.text(tr, "td", String.valueOf(month.getValue().getOrDefault(status, 0)));
            }
        }
    }

    /** How many of the staff who signed each staff agreement are on its current version: counts only. */
    private void staffAgreements(Element main, Manifest manifest, String language) {
        Html.text(main, "h2", messages.get(language, "staff.governors.staff-agreements"));
        List<SignatureRegister.StaffCurrency> agreements = signatures.staffOnCurrentVersion(manifest);
        if (agreements.isEmpty()) {
            Html.text(main, "p", messages.get(language, "staff.governors.staff-agreement-none"));
        }
        for (SignatureRegister.StaffCurrency agreement : agreements) {
            Html.text(main, "p", messages.format(language, "staff.governors.staff-agreement", Map.of(
                    "agreement", Text.in(agreement.form().title(), language), "signed", agreement.signed(),
                    "current", agreement.current(), "percent", agreement.percent()))).addClass("staff-agreement-currency");
        }
    }

    private String categoryLabel(FormDefinition form, String category, String language) {
        if (category.isEmpty()) {
            return messages.get(language, "staff.governors.uncategorised");
        }
        String fieldName = GovernorSummary.categoryField(form);
        Optional<FieldDefinition> field = fieldName == null ? Optional.empty() : form.field(fieldName);
        return String.join(", ", Arrays.stream(category.split(",")).map(value -> field
                .flatMap(f -> f.option(value)).map(option -> Text.in(option.label(), language))
                .orElse(value)).toList());
    }
}
