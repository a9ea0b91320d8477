package org.polisi.forms.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.AnsweredField;
import org.polisi.forms.manifest.Answers;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.signatures.AgreementSignatures;
import org.polisi.forms.signatures.Signer;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.Times;

/**
 * Submissions as CSV (RFC 4180, written by Commons CSV), every cell made formula-safe. One form:
 * one row per submission and one column per question. Several forms: one row per answer, since
 * their questions differ.
 */
public final class CsvExport {

    private final Messages messages;
    private final Answers answers;

    public CsvExport(Messages messages) {
        this.messages = messages;
        this.answers = new Answers(messages);
    }

    public String oneForm(Manifest school, FormDefinition form, List<SubmissionRow> rows, String language) {
        List<String> header = new ArrayList<>(fixedHeader(language));
        answers.describe(form, java.util.Map.of(), language, school).forEach(field -> header.add(field.label()));
        return write(header, printer -> {
            for (SubmissionRow row : rows) {
                List<String> cells = new ArrayList<>(fixedCells(row, language));
                answers.describe(form, CanonicalJson.readFields(row.fieldsJson()), language, school)
                        .forEach(field -> cells.add(field.answer()));
                printer.printRecord(cells.stream().map(SafeCsv::cell).toList());
            }
        });
    }

    public String allForms(Manifest manifest, List<SubmissionRow> rows, String language) {
        List<String> header = new ArrayList<>(fixedHeader(language));
        header.add(messages.get(language, "csv.form"));
        header.add(messages.get(language, "csv.question"));
        header.add(messages.get(language, "csv.answer"));
        return write(header, printer -> {
            for (SubmissionRow row : rows) {
                Optional<FormDefinition> form = manifest.form(row.formId());
                if (form.isEmpty()) {
                    continue;
                }
                for (AnsweredField field : answers.describe(form.get(), CanonicalJson.readFields(row.fieldsJson()),
                        language, manifest)) {
                    List<String> cells = new ArrayList<>(fixedCells(row, language));
                    cells.add(row.formId());
                    cells.add(field.label());
                    cells.add(field.answer());
                    printer.printRecord(cells.stream().map(SafeCsv::cell).toList());
                }
            }
        });
    }

    /** Who signed one agreement: one row per person, those who must sign again first. */
    public String signatures(AgreementSignatures agreement, String language) {
        List<String> header = List.of(messages.get(language, "staff.signatures.name"),
                messages.get(language, "staff.signatures.status"), messages.get(language, "staff.signatures.version"),
                messages.get(language, "csv.language"), messages.get(language, "staff.signatures.signed-on"),
                messages.get(language, "csv.reference"), messages.get(language, "staff.signatures.earlier"));
        return write(header, printer -> {
            for (Signer signer : agreement.signers()) {
                printer.printRecord(java.util.stream.Stream.of(signer.name(),
                        messages.get(language, signer.current() ? "staff.signatures.current" : "staff.signatures.must-sign-again"),
                        signer.formVersion(), signer.language(), Times.format(signer.signedAt()), signer.reference(),
                        String.valueOf(signer.earlierVersions())).map(SafeCsv::cell).toList());
            }
        });
    }

    private List<String> fixedHeader(String language) {
        return List.of(messages.get(language, "csv.reference"), messages.get(language, "csv.received-utc"),
                messages.get(language, "csv.received-local"), messages.get(language, "csv.language"),
                messages.get(language, "csv.version"), messages.get(language, "csv.urgent"));
    }

    /** When received twice: the ISO 8601 instant in UTC for machines, UK time with its offset for people. */
    private List<String> fixedCells(SubmissionRow row, String language) {
        return List.of(row.reference(), Times.format(row.receivedAt()), Dates.displayWithOffset(row.receivedAt(), language),
                row.lang(), row.formVersion(), row.urgent() ? messages.get(language, "csv.yes") : "");
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String write(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header.stream().map(SafeCsv::cell).toList());
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
        return out.toString();
    }
}
