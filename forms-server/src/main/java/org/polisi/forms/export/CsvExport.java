package org.polisi.forms.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Language;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.AnsweredField;
import org.polisi.forms.manifest.Answers;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.signatures.AgreementSignatures;
import org.polisi.forms.signatures.Signer;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.Times;

/**
 * Every CSV file the server and its command line write (submissions, consents, signatures, any
 * table), through one writer: RFC 4180 as Commons CSV's {@code CSVFormat.DEFAULT} writes it (CRLF
 * after every record, fields quoted when they hold a comma, quote or line break; a line break typed
 * in an answer stays inside its quoted cell), preceded by a UTF-8 byte order mark so that Excel on
 * Windows reads Welsh letters (ŵ, ŷ) correctly, every cell made formula-safe and its bidirectional
 * formatting characters visible ({@link SafeCsv}). In the reader's language: one row per submission
 * and one column per question, times in UK time with their offset and as the UTC instant (ISO 8601).
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
        answers.describe(form, Map.of(), language, school).forEach(field -> header.add(field.label()));
        return write(header, printer -> {
            for (SubmissionRow row : rows) {
                List<String> cells = new ArrayList<>(fixedCells(row, language));
                answers.describe(form, CanonicalJson.readFields(row.fieldsJson()), language, school)
                        .forEach(field -> cells.add(field.answer()));
                printer.printRecord(cells.stream().map(SafeCsv::cell).toList());
            }
        });
    }

    /**
     * Several forms in one sheet: still one row per submission, with the form's title, then one
     * column per question of every form that has a row, headed "form: question" (a submission's
     * cells for other forms' questions are empty).
     */
    public String allForms(Manifest manifest, List<SubmissionRow> rows, String language) {
        List<String> formIds = rows.stream().map(SubmissionRow::formId).distinct().toList();
        List<FormDefinition> forms = manifest.forms().stream().filter(form -> formIds.contains(form.id())).toList();
        List<String> header = new ArrayList<>(fixedHeader(language));
        header.add(messages.get(language, "csv.form"));
        Map<String, Integer> firstColumn = new HashMap<>();
        for (FormDefinition form : forms) {
            firstColumn.put(form.id(), header.size());
            String title = Text.in(form.title(), language);
            answers.describe(form, Map.of(), language, manifest)
                    .forEach(field -> header.add(title + ": " + field.label()));
        }
        return write(header, printer -> {
            for (SubmissionRow row : rows) {
                Optional<FormDefinition> form = forms.stream().filter(each -> each.id().equals(row.formId())).findFirst();
                if (form.isEmpty()) {
                    continue;
                }
                List<String> cells = new ArrayList<>(fixedCells(row, language));
                cells.add(Text.in(form.get().title(), language));
                while (cells.size() < header.size()) {
                    cells.add("");
                }
                int column = firstColumn.get(row.formId());
                for (AnsweredField field : answers.describe(form.get(), CanonicalJson.readFields(row.fieldsJson()),
                        language, manifest)) {
                    cells.set(column++, field.answer());
                }
                printer.printRecord(cells.stream().map(SafeCsv::cell).toList());
            }
        });
    }

    /** Who signed one agreement: one row per person, those who must sign again first. */
    public String signatures(AgreementSignatures agreement, String language) {
        List<String> header = List.of(messages.get(language, "staff.signatures.name"),
                messages.get(language, "staff.signatures.status"), messages.get(language, "staff.signatures.version"),
                messages.get(language, "csv.language"), messages.get(language, "csv.signed-local"),
                messages.get(language, "csv.signed-utc"), messages.get(language, "csv.reference"),
                messages.get(language, "staff.signatures.earlier"));
        return write(header, printer -> {
            for (Signer signer : agreement.signers()) {
                printer.printRecord(java.util.stream.Stream.of(signer.name(),
                        org.polisi.forms.signatures.SignatureStatus.words(agreement.form(), signer, messages, language),
                        signer.formVersion(), languageName(signer.language(), language),
                        Dates.displayWithOffset(signer.signedAt(), language), Times.format(signer.signedAt()),
                        signer.reference(),
                        String.valueOf(signer.earlierVersions())).map(SafeCsv::cell).toList());
            }
        });
    }

    /** Any table of text as CSV: the header, then the rows, every cell formula-safe. */
    public String table(List<String> header, List<List<String>> rows) {
        return write(header, printer -> {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SafeCsv::cell).toList());
            }
        });
    }

    private List<String> fixedHeader(String language) {
        return List.of(messages.get(language, "csv.reference"), messages.get(language, "csv.received-utc"),
                messages.get(language, "csv.received-local"), messages.get(language, "csv.language"),
                messages.get(language, "csv.version"), messages.get(language, "csv.urgent"));
    }

    /**
     * When received twice: the ISO 8601 instant in UTC for machines, UK time with its offset for
     * people; the form's language named in the reader's; the urgent flag answered as the reader's
     * language answers "is it urgent?" (Welsh: "Ydy" / "Nac ydy", not a bare "Ie").
     */
    private List<String> fixedCells(SubmissionRow row, String language) {
        return List.of(row.reference(), Times.format(row.receivedAt()), Dates.displayWithOffset(row.receivedAt(), language),
                languageName(row.lang(), language), row.formVersion(),
                messages.get(language, row.urgent() ? "csv.urgent.yes" : "csv.urgent.no"));
    }

    /** A form's language ({@code en}, {@code cy}) named in the reader's language: "Welsh", "Cymraeg". */
    String languageName(String formLanguage, String language) {
        return Language.of(formLanguage).isPresent() ? messages.get(language, "csv.language." + formLanguage)
                : formLanguage;
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    /** U+FEFF, the byte order mark every CSV file starts with. */
    public static final String BOM = "\uFEFF";

    /** @return the whole file: the byte order mark, the header record, then the rows, each ended by CRLF */
    private static String write(List<String> header, Rows rows) {
        StringWriter out = new StringWriter().append(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header.stream().map(SafeCsv::cell).toList());
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
        return out.toString();
    }
}
