package org.polisi.forms.receipts;

import java.util.Map;
import java.util.Optional;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.AnsweredField;
import org.polisi.forms.manifest.Answers;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.text.DisplayText;

/**
 * The words of a receipt's copy by e-mail (plain text, in the language it was asked for): the
 * school, the form, the reference, when it was received, each question (each consent statement in
 * full) with its answer as the receipt page shows it, how long the school keeps it, and the way to
 * withdraw it and to change an answer, each as far as the server does it ({@link ChangeLink}). Every answer is typed text: each of its lines is indented and isolated
 * (U+2068 … U+2069, {@link DisplayText}), so no answer can start a line that looks like ours or
 * reorder the words around it. Nothing here goes in a URL but the reference.
 *
 * @param subject one line
 * @param body    lines separated by {@code \n}
 */
public record ReceiptMessage(String subject, String body) {

    /**
     * @param siteUrl where people reach this server ({@code alerts.staff-url}, no trailing slash);
     *                empty when it is not set, and then the copy names the page instead of linking to it
     */
    public static ReceiptMessage of(Manifest school, FormDefinition form, SubmissionRow row, String language,
                                    Optional<String> siteUrl, Messages messages) {
        String formTitle = Text.in(form.title(), language);
        String schoolName = Text.in(school.schoolName(), language);
        StringBuilder body = new StringBuilder();
        body.append(messages.format(language, "receipt.email.intro", Map.of("school", schoolName))).append("\n\n");
        line(body, messages.get(language, "csv.reference"), row.reference());
        line(body, messages.get(language, "confirmation.form"), formTitle);
        line(body, messages.get(language, "confirmation.school"), schoolName);
        line(body, messages.get(language, "confirmation.received-at"), Dates.display(row.receivedAt(), language));
        boolean agreed = form.kind() == FormKind.AGREEMENT || form.kind() == FormKind.CONSENT;
        siteUrl.filter(url -> agreed).ifPresent(url -> line(body, messages.get(language, "confirmation.agreed-text"),
                url + "/agreed-texts/" + row.school() + "/" + row.formId() + "/" + row.formVersion()));
        String heading = messages.get(language, "confirmation.receipt");
        body.append('\n').append(heading).append('\n').append("=".repeat(heading.length())).append("\n\n");
        Map<String, Object> stored = CanonicalJson.readFields(row.fieldsJson());
        for (AnsweredField field : new Answers(messages).describe(form, stored, language, school)) {
            body.append(field.label()).append('\n');
            String answer = field.answer().isEmpty() ? messages.get(language, "confirmation.not-answered") : field.answer();
            for (String answerLine : answer.split("\\R", -1)) {
                body.append("  ").append(DisplayText.isolatedLine(answerLine)).append('\n');
            }
            body.append('\n');
        }
        String retention = Text.in(form.retentionText(), language);
        if (!retention.isBlank()) {
            body.append(messages.format(language, "confirmation.retention", Map.of("retention", retention))).append("\n\n");
        }
        ChangeLink.of(school, form, row.reference(), language).ifPresent(change -> body
                .append(change.noteKey().map(key -> messages.get(language, key) + "\n\n").orElse(""))
                .append(messages.get(language, change.messageKey())).append(":\n")
                .append(siteUrl.map(url -> url + change.path()).orElse(messages.format(language,
                        "receipt.email.change-without-link", Map.of("reference", row.reference()))))
                .append("\n\n"));
        body.append(messages.get(language, "receipt.email.why"));
        return new ReceiptMessage(messages.format(language, "receipt.email.subject",
                Map.of("form", formTitle, "reference", row.reference())), body.toString());
    }

    private static void line(StringBuilder body, String label, String value) {
        body.append(label.endsWith(":") ? label : label + ":").append(' ').append(value).append('\n');
    }
}
