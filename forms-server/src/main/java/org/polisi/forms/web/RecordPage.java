package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
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
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.staff.StaffUser;
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
        StaffRecords.Opened opened = Responses.headOnly(ctx) ? records.peek(session.user(), ctx.pathParam("reference"))
                : records.open(session.user(), ctx.pathParam("reference"));
        if (!(opened instanceof StaffRecords.Opened.Found found)) {
            if (!erasure.tombstone(ctx, session, ctx.pathParam("reference"))) {
                errors.notFound(ctx);
            }
            return;
        }
        String language = session.language();
        SubmissionRow row = found.record();
        FormDefinition form = found.form();
        List<SummaryRow> details = new java.util.ArrayList<>(List.of(
                SummaryRow.of(messages.get(language, "csv.form"), Text.in(form.title(), language)),
                SummaryRow.of(messages.get(language, "csv.received"), Dates.display(row.receivedAt(), language)),
                SummaryRow.of(messages.get(language, "csv.language"), messages.get(row.lang(), "language.name")),
                SummaryRow.of(messages.get(language, "csv.version"), row.formVersion())));
        boolean agreed = form.kind() == FormKind.AGREEMENT || form.kind() == FormKind.CONSENT;
        details.add(AgreedTextPage.summaryRow(messages.get(language, agreed ? "staff.record.agreed-text"
                : "staff.record.seen-text"), agreedTexts, row, form, messages, language,
                AgreedTextPage.Reader.STAFF));
        Manifest school = records.manifestOf(session.user()).orElseThrow();
        for (AnsweredField field : answers.describe(form, CanonicalJson.readFields(row.fieldsJson()), language,
                school)) {
            details.add(SummaryRow.of(field.label(), field.answer()));
        }
        boolean incident = form.kind() == FormKind.INCIDENT;
        View view = new View(row.urgent() ? messages.get(language, "staff.record.urgent") : null, details,
                org.polisi.forms.consent.ConsentForms.onRegister(form)
                        ? consentHistory(session.user(), form, row, language) : null,
                form.kind() == FormKind.WITHDRAWAL ? withdrawalSection.view(session, row, school) : null,
                incident ? chronologySection.view(session, row, form) : null,
                incident ? viewedBy(row, language) : null,
                erasure.section(session, row.reference()));
        frame.render(ctx, session, 200, "staff.record.title", Map.of("reference", row.reference()), "record", view);
    }

    /**
     * The view of {@code server/record.ftl}: the urgent flag (or null), the record's details and
     * answers, then the sections its kind has (each null when it has none): a consent form's history,
     * a withdrawal request's matching, an incident's chronology and who has viewed it, and the
     * headteacher's erasure.
     */
    record View(String urgent, List<SummaryRow> details, ConsentHistory consentHistory,
                WithdrawalRequestSection.View withdrawal, IncidentChronologySection.View chronology, Views views,
                ErasurePages.Section erase) {
    }

    /** A consent form's or notice's history: a warning when its events fail their check (or null), and the table. */
    record ConsentHistory(String title, Notice unverified, Table table) {
    }

    /** Who has viewed an incident report: each view as "when · who · how". */
    record Views(String title, List<String> views) {
    }

    /** Another record's reference: a link when the member of staff may open it, else the reference alone. */
    private Table.Cell recordCell(StaffUser user, String reference) {
        return records.mayOpenRecord(user, reference) ? Table.Cell.link("/staff/submissions/" + reference, reference)
                : Table.Cell.text(reference);
    }

    private Views viewedBy(SubmissionRow row, String language) {
        return new Views(messages.get(language, "staff.record.views"), incidentViews.of(row.id()).stream()
                .map(view -> Dates.display(view.viewedAt(), language) + " · " + DisplayText.isolated(view.viewer())
                        + " · " + messages.get(language, "channel." + view.channel())).toList());
    }

    /**
     * Each answer given on the form and each withdrawal since, so staff can see when consent changed and why;
     * for a notice of objection, what it objects to and does not.
     */
    private ConsentHistory consentHistory(StaffUser user, FormDefinition form, SubmissionRow row, String language) {
        ConsentState.Verified<List<ConsentChange>> verified = consents.historyOf(row.school(), row.id());
        List<ConsentChange> history = verified.value();
        if (history.isEmpty() && verified.problem().isEmpty()) {
            return null;
        }
        String warning = ConsentPage.unverifiedText(verified, messages, language);
        List<Table.Row> rows = history.stream().map(change -> new Table.Row("consent--" + change.answer(), List.of(
                change.pupil().isEmpty() ? Table.Cell.text(messages.get(language, "staff.consents.unnamed"))
                        : Table.Cell.typed(change.pupil()),
                Table.Cell.text(ConsentPage.statementText(form, change.statement(), language)),
                Table.Cell.text(answers.consentAnswer(change.answer(), language)),
                Table.Cell.text(Dates.display(change.recordedAt(), language)),
                change.causeReference().equals(row.reference())
                        ? Table.Cell.text(messages.get(language, "staff.record.consent-by-this-form"))
                        : recordCell(user, change.causeReference()))))
                .toList();
        return new ConsentHistory(messages.get(language, form.kind() == FormKind.OBJECTION
                ? "staff.record.objection-history" : "staff.record.consent-history"),
                warning == null ? null : Notice.alert(warning), new Table(Table.headings(messages, language,
                "staff.consents.pupil", "staff.consents.statement", "staff.record.consent-answer",
                "staff.record.consent-recorded", "staff.record.consent-by"), rows));
    }
}
