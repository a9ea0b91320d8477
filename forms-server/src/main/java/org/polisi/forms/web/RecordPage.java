package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.consent.ConsentChange;
import org.polisi.forms.consent.ConsentState;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.AnsweredField;
import org.polisi.forms.manifest.Answers;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.staff.IncidentViewDao;
import org.polisi.forms.staff.RecordAccess;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.contract.StaffRole;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.text.DisplayText;

/**
 * {@code /staff/submissions/{reference}}: one record with its answers (for an incident, its
 * chronology and who has viewed it; for a withdrawal request, its matching), the way to the
 * headteacher's erasure of it ({@link ErasurePages}), and an erased record's tombstone. Whether the member of staff may open it is
 * decided by {@link StaffRecords} and {@link RecordAccess}, never here.
 */
final class RecordPage {

    private final StaffRecords records;
    private final ConsentState consents;
    private final ErasurePages erasure;
    private final IncidentViews incidentViews;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final Answers answers;
    private final AgreedTextArchive agreedTexts;
    private final WithdrawalRequestSection withdrawalSection;
    private final IncidentChronologySection chronologySection;

    /** Reads the record of who viewed an incident, for the record's own page. */
    interface IncidentViews {
        List<IncidentViewDao.IncidentView> of(long submissionId);
    }

    RecordPage(StaffRecords records, ConsentState consents, ErasurePages erasure, IncidentViews incidentViews,
               StaffFrame frame, ErrorPages errors, Messages messages, AgreedTextArchive agreedTexts,
               WithdrawalRequestSection withdrawalSection, IncidentChronologySection chronologySection) {
        this.agreedTexts = agreedTexts;
        this.withdrawalSection = withdrawalSection;
        this.chronologySection = chronologySection;
        this.records = records;
        this.consents = consents;
        this.erasure = erasure;
        this.incidentViews = incidentViews;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
        this.answers = new Answers(messages);
    }

    void record(Context ctx, StaffSession session) {
        StaffRecords.Opened opened = records.open(session.user(), ctx.pathParam("reference"));
        if (!(opened instanceof StaffRecords.Opened.Found found)) {
            if (!erasure.tombstone(ctx, session, ctx.pathParam("reference"))) {
                errors.notFound(ctx);
            }
            return;
        }
        String language = session.language();
        SubmissionRow row = found.record();
        FormDefinition form = found.form();
        PageLayout.Page page = frame.page(ctx, session, "staff.record.title", Map.of("reference", row.reference()));
        Element main = page.main();
        if (row.urgent()) {
            Html.text(main, "p", messages.get(language, "staff.record.urgent")).addClass("urgent-flag");
        }
        Element details = Html.add(main, "dl", "summary-list");
        Html.summaryRow(details, messages.get(language, "csv.form"), Text.in(form.title(), language));
        Html.summaryRow(details, messages.get(language, "csv.received"), Dates.display(row.receivedAt(), language));
        Html.summaryRow(details, messages.get(language, "csv.language"), messages.get(row.lang(), "language.name"));
        Html.summaryRow(details, messages.get(language, "csv.version"), row.formVersion());
        boolean agreed = form.kind() == FormKind.AGREEMENT || form.kind() == FormKind.CONSENT;
        Html.summaryRow(details, AgreedTextPage.summaryRow(messages.get(language, agreed ? "staff.record.agreed-text"
                : "staff.record.seen-text"), agreedTexts, row, messages, language));
        Manifest school = records.manifestOf(session.user()).orElseThrow();
        for (AnsweredField field : answers.describe(form, CanonicalJson.readFields(row.fieldsJson()), language,
                school)) {
            Html.summaryRow(details, field.label(), field.answer());
        }
        if (form.kind() == FormKind.CONSENT) {
            consentHistory(main, form, row, language);
        }
        if (form.kind() == FormKind.WITHDRAWAL) {
            withdrawalSection.appendTo(main, session, row, school);
        }
        if (form.kind() == FormKind.INCIDENT) {
            chronologySection.appendTo(main, session, row, form);
            Html.text(main, "h2", messages.get(language, "staff.record.views"));
            Element views = Html.add(main, "ul");
            for (IncidentViewDao.IncidentView view : incidentViews.of(row.id())) {
                Html.text(views, "li", Dates.display(view.viewedAt(), language) + " · " + DisplayText.isolated(view.viewer()) + " · "
                        + messages.get(language, "channel." + view.channel()));
            }
        }
        erasure.appendTo(main, session, row.reference());
        Responses.html(ctx, 200, page.html());
    }

    /** Each answer given on the form and each withdrawal since, so staff can see when consent changed and why. */
    private void consentHistory(Element main, FormDefinition form, SubmissionRow row, String language) {
        ConsentState.Verified<List<ConsentChange>> verified = consents.historyOf(row.school(), row.id());
        List<ConsentChange> history = verified.value();
        if (history.isEmpty() && verified.problem().isEmpty()) {
            return;
        }
        Html.text(main, "h2", messages.get(language, "staff.record.consent-history"));
        ConsentPage.unverifiedNotice(main, verified, messages, language);
        Element body = Html.table(main, messages, language,
                "staff.consents.pupil", "staff.consents.statement", "staff.record.consent-answer",
                "staff.record.consent-recorded", "staff.record.consent-by");
        for (ConsentChange change : history) {
            Element tr = Html.add(body, "tr").addClass("consent--" + change.answer());
            if (change.pupil().isEmpty()) {
                Html.text(tr, "td", messages.get(language, "staff.consents.unnamed"));
            } else {
                Html.typed(tr, "td", change.pupil());
            }
            Html.text(tr, "td", ConsentPage.statementText(form, change.statement(), language));
            Html.text(tr, "td", answers.consentAnswer(change.answer(), language));
            Html.text(tr, "td", Dates.display(change.recordedAt(), language));
            Element by = Html.add(tr, "td");
            if (change.causeReference().equals(row.reference())) {
                by.text(messages.get(language, "staff.record.consent-by-this-form"));
            } else {
                Html.link(by, "/staff/submissions/" + change.causeReference(), change.causeReference());
            }
        }
    }
}
