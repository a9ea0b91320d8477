package org.polisi.forms.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.OutboxDao;
import org.polisi.forms.intake.UrgentConcern;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.text.DisplayText;

/**
 * The words of an alert e-mail, in each language the school publishes (English first, then Welsh),
 * from the server's bundles. Only what the outbox holds goes in: who raised it, when, the category
 * and the reference, with a link to sign in; never the report itself. The reporter's name is typed
 * text: it goes in on one line between Unicode isolates, so it can neither start a line that looks
 * like ours nor reorder the words around it.
 */
record AlertMessage(String subject, String body) {

    static AlertMessage of(OutboxDao.Pending alert, Manifest school, Optional<FormDefinition> form, String staffUrl,
                           Messages messages) {
        List<String> subjects = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (String language : school.languages()) {
            String schoolName = school.schoolName().getOrDefault(language, school.schoolName().getOrDefault("en", school.school()));
            String kind = "incident".equals(alert.kind()) ? "incident" : "urgent-incident";
            subjects.add(messages.format(language, "alert." + kind + ".subject",
                    Map.of("reference", alert.reference(), "school", schoolName)));
            bodies.add(messages.format(language, "alert." + kind + ".body", Map.of(
                    "received", Dates.display(alert.raisedAt(), language),
                    "category", category(alert.category(), form, language),
                    "raisedBy", alert.raisedBy() == null || alert.raisedBy().isBlank()
                            ? messages.get(language, "alert.not-named") : DisplayText.isolatedLine(alert.raisedBy()),
                    "reference", alert.reference(),
                    "link", staffUrl + "/staff/submissions/" + alert.reference(),
                    "role", messages.get(language, "role." + alert.recipientRole()))));
        }
        return new AlertMessage(String.join(" / ", subjects), String.join("\n\n----\n\n", bodies));
    }

    /** The category as the form words it in that language (several joined by commas). */
    private static String category(String values, Optional<FormDefinition> form, String language) {
        List<String> labels = new ArrayList<>();
        for (String value : values.split(",")) {
            labels.add(form.flatMap(definition -> definition.field(UrgentConcern.FIELD))
                    .flatMap(field -> field.option(value))
                    .map(option -> Text.in(option.label(), language))
                    .orElse(value));
        }
        return String.join(", ", labels);
    }
}
