package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.polisi.forms.export.CsvExport;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.signatures.AgreementSignatures;
import org.polisi.forms.signatures.SignatureRegister;
import org.polisi.forms.signatures.SignatureStatus;
import org.polisi.forms.signatures.Signer;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;

/**
 * {@code /staff/signatures} and {@code /staff/signatures.csv?form=ID}: for each agreement the member of
 * staff may read, who signed which version, and who signed only an older one and must sign again;
 * staff, pupils, parents and others under their own headings.
 */
final class SignaturesPage {

    private final StaffRecords records;
    private final SignatureRegister register;
    private final CsvExport csv;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;

    SignaturesPage(StaffRecords records, SignatureRegister register, CsvExport csv, StaffFrame frame, ErrorPages errors,
                   Messages messages) {
        this.records = records;
        this.register = register;
        this.csv = csv;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
    }

    void signatures(Context ctx, StaffSession session) {
        Optional<Manifest> manifest = records.manifestOf(session.user());
        if (manifest.isEmpty()) {
            errors.notFound(ctx);
            return;
        }
        String language = session.language();
        List<AgreementSignatures> agreements = register.agreements(manifest.get(), records.readableForms(session.user()));
        List<Group> groups = new ArrayList<>();
        for (AgreementSignatures agreement : agreements) {
            String heading = messages.get(language, "staff.signatures.group." + agreement.group().word());
            if (groups.isEmpty() || !groups.get(groups.size() - 1).heading().equals(heading)) {
                groups.add(new Group(heading, new ArrayList<>()));
            }
            groups.get(groups.size() - 1).agreements().add(agreement(manifest.get().school(), agreement, language));
        }
        frame.render(ctx, session, 200, "staff.signatures.title", Map.of(), "signatures", new View(
                messages.get(language, "staff.signatures.explanation"),
                agreements.isEmpty() ? messages.get(language, "staff.signatures.no-agreements") : null, groups));
    }

    /** The view of {@code server/signatures.ftl}: {@code none} says there are no agreements, or is null. */
    record View(String explanation, String none, List<Group> groups) {
    }

    /** Agreements signed by one group (staff, parents, pupils). */
    record Group(String heading, List<Agreement> agreements) {
    }

    /** One agreement: with no signer, {@code none} says so and there is no table. */
    record Agreement(String id, String title, String none, String counts, Table table, PageLayout.Link export) {
    }

    private Agreement agreement(String school, AgreementSignatures agreement, String language) {
        FormDefinition form = agreement.form();
        String title = Text.in(form.title(), language);
        if (agreement.signers().isEmpty()) {
            return new Agreement(form.id(), title, messages.get(language, "staff.signatures.none"), null, null, null);
        }
        List<Table.Row> rows = agreement.signers().stream().map(signer -> new Table.Row(
                signer.current() ? "signature--current" : "signature--must-sign-again", List.of(
                Table.Cell.typed(signer.name()),
                Table.Cell.text(SignatureStatus.words(form, signer, messages, language)),
                new Table.Cell("", false, List.of(new Table.Link(AgreedTextPage.href(school, form.id(), signer.formVersion()),
                        signer.formVersion(), signer.language())), ""),
                Table.Cell.text(Dates.display(signer.signedAt(), language)),
                Table.Cell.link("/staff/submissions/" + signer.reference(), signer.reference())))).toList();
        return new Agreement(form.id(), title, null, messages.format(language, "staff.signatures.counts", Map.of(
                "current", agreement.current().size(), "earlier", agreement.mustSignAgain().size())),
                new Table(Table.headings(messages, language, "staff.signatures.name", "staff.signatures.status",
                        "staff.signatures.version", "staff.signatures.signed-on", "csv.reference"), rows),
                new PageLayout.Link("/staff/signatures.csv?form=" + form.id(), messages.get(language, "staff.signatures.export")));
    }

    void exportCsv(Context ctx, StaffSession session) {
        Optional<Manifest> manifest = records.manifestOf(session.user());
        String formId = Optional.ofNullable(ctx.queryParam("form")).orElse("");
        Optional<FormDefinition> form = records.readableForms(session.user()).stream()
                .filter(f -> f.id().equals(formId) && f.kind() == FormKind.AGREEMENT).findFirst();
        if (manifest.isEmpty() || form.isEmpty()) {
            errors.forbidden(ctx);
            return;
        }
        String text = csv.signatures(register.of(manifest.get().school(), form.get()), session.language());
        ctx.header("Content-Disposition", "attachment; filename=\"" + manifest.get().school() + "-" + formId
                + "-signatures.csv\"");
        ctx.status(200).contentType(Responses.CSV).result(text); // with its byte order mark (CsvExport)
    }
}
