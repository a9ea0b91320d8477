package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.polisi.forms.export.CsvExport;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.signatures.AgreementSignatures;
import org.polisi.forms.signatures.SignatureRegister;
import org.polisi.forms.signatures.Signer;
import org.polisi.contract.SignerGroup;
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
        PageLayout.Page page = frame.page(ctx, session, "staff.signatures.title");
        Element main = page.main();
        Html.text(main, "p", messages.get(language, "staff.signatures.explanation"));
        List<AgreementSignatures> agreements = register.agreements(manifest.get(), records.readableForms(session.user()));
        if (agreements.isEmpty()) {
            Html.text(main, "p", messages.get(language, "staff.signatures.no-agreements"));
        }
        SignerGroup shown = null;
        for (AgreementSignatures agreement : agreements) {
            if (agreement.group() != shown) {
                shown = agreement.group();
                Html.text(main, "h2", messages.get(language, "staff.signatures.group." + shown.word()));
            }
            agreement(main, manifest.get().school(), agreement, language);
        }
        Responses.html(ctx, 200, page.html());
    }

    private void agreement(Element main, String school, AgreementSignatures agreement, String language) {
        FormDefinition form = agreement.form();
        String headingId = "signatures--" + form.id();
        Element section = Html.add(main, "section", "signatures").attr("aria-labelledby", headingId);
        Html.text(section, "h3", Text.in(form.title(), language)).attr("id", headingId);
        if (agreement.signers().isEmpty()) {
            Html.text(section, "p", messages.get(language, "staff.signatures.none"));
            return;
        }
        Html.text(section, "p", messages.format(language, "staff.signatures.counts", Map.of(
                "current", agreement.current().size(), "earlier", agreement.mustSignAgain().size())));
        Element body = Html.table(section, messages, language, "staff.signatures.name", "staff.signatures.status",
                "staff.signatures.version", "staff.signatures.signed-on", "csv.reference");
        for (Signer signer : agreement.signers()) {
            Element tr = Html.add(body, "tr").addClass(signer.current() ? "signature--current" : "signature--must-sign-again");
            Html.typed(tr, "td", signer.name());
            Html.text(tr, "td", messages.get(language, signer.current() ? "staff.signatures.current"
                    : "staff.signatures.must-sign-again"));
            Html.link(Html.add(tr, "td"), AgreedTextPage.href(school, form.id(), signer.formVersion()),
                    signer.formVersion()).attr("hreflang", signer.language());
            Html.text(tr, "td", Dates.display(signer.signedAt(), language));
            Html.link(Html.add(tr, "td"), "/staff/submissions/" + signer.reference(), signer.reference());
        }
        Html.link(Html.add(section, "p"), "/staff/signatures.csv?form=" + form.id(),
                messages.get(language, "staff.signatures.export"));
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
        ctx.status(200).contentType(Responses.CSV).result("\uFEFF" + text); // the BOM makes Excel read UTF-8
    }
}
