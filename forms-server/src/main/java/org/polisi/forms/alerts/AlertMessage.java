package org.polisi.forms.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polisi.forms.manifest.RoleNames;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.OutboxDao;
import org.polisi.forms.manifest.Text;

/**
 * The words of an incident alert e-mail, in each language the school publishes (English first, then
 * Welsh), from the server's bundles. It carries only the reference, the form's title (the school's
 * own words), the time the report was received and a link to sign in, and says so: nothing a member
 * of the public typed (not the reporter's name, not the answers) and no personal data, because
 * anyone may send an urgent report and the e-mail goes out from the school's sender (ADR 0081).
 */
record AlertMessage(String subject, String body) {

    /**
     * @param alert    the outbox row (its reference, kind, recipient role and time are used; never its
     *                 {@code raisedBy} or {@code category}, which came from the public)
     * @param form     the report's form definition, if still published; without it the form is
     *                 named as no longer published
     * @param staffUrl the server's public address for staff, without a trailing slash
     * @param to       who gets it: the body names the roles its addresses receive it as, and says so for
     *                 each role nobody active holds that they receive it in place of (fault 3), in one
     *                 e-mail however many roles it answers for (tester 4's fault 7)
     * @param now      when it is sent: a report received an hour or more before is said to be that old (fault 8)
     */
    static AlertMessage of(OutboxDao.Pending alert, AlertRecipients.Letter to, Manifest school,
                           Optional<FormDefinition> form, String staffUrl, java.time.Instant now, Messages messages) {
        java.time.Duration age = java.time.Duration.between(alert.raisedAt(), now);
        List<String> subjects = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (String language : school.languages()) {
            String schoolName = school.schoolName().getOrDefault(language, school.schoolName().getOrDefault("en", school.school()));
            String kind = "incident".equals(alert.kind()) ? "incident" : "urgent-incident";
            subjects.add(messages.format(language, "alert." + kind + ".subject",
                    Map.of("reference", alert.reference(), "school", schoolName)));
            StringBuilder body = new StringBuilder();
            if (age.toHours() >= 1) {   // a late alert says so first: the report is not new
                body.append(messages.format(language, "alert.age", Map.of("hours", age.toHours(),
                        "days", age.toDays(), "received", Dates.display(alert.raisedAt(), language)))).append("\n\n");
            }
            body.append(messages.format(language, "alert." + kind + ".body", Map.of(
                    "received", Dates.display(alert.raisedAt(), language),
                    "form", form.map(definition -> Text.in(definition.title(), language))
                            .orElseGet(() -> messages.get(language, "alert.form-unpublished")),
                    "reference", alert.reference(),
                    "link", staffUrl + "/staff/submissions/" + alert.reference(),
                    "role", String.join(", ", to.asRoles().stream()   // as the school calls its roles (ADR 0101)
                            .map(role -> RoleNames.of(messages, Optional.of(school), role, language)).toList()))));
            for (String unheld : to.inPlaceOf()) {
                body.append("\n\n").append(messages.format(language, "alert.in-place",
                        Map.of("role", RoleNames.of(messages, Optional.of(school), unheld, language))));
            }
            bodies.add(body.toString());
        }
        return new AlertMessage(String.join(" / ", subjects), String.join("\n\n----\n\n", bodies));
    }
}
