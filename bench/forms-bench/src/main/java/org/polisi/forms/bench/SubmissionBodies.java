package org.polisi.forms.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.contract.ManifestJson;
import org.polisi.contract.ReservedNames;
import org.polisi.forms.consent.Withdrawals;

/**
 * Url-encoded bodies for one form of a forms manifest (docs/forms.md), each with a unique pupil
 * and parent name so the server's resubmission check never folds two together. A valid body answers
 * every field as its type asks (the first option of a choice); for a withdrawal it is the second page's
 * post, withdrawing every statement. An invalid body leaves out every required field but the first, so
 * the server answers 422.
 */
public final class SubmissionBodies {
    private final String school;
    private final FormDefinition form;
    private final String language;

    /** @throws org.polisi.contract.InvalidManifestException when the file is not a valid manifest */
    public SubmissionBodies(Path manifest, String formId, String language) throws IOException {
        this(ManifestJson.read(manifest), formId, language);
    }

    /** @throws IllegalArgumentException when the manifest has no form {@code formId} */
    public SubmissionBodies(Manifest manifest, String formId, String language) {
        this.school = manifest.school();
        this.form = manifest.form(formId).orElseThrow(() ->
                new IllegalArgumentException("no form '" + formId + "' in the manifest of " + manifest.school()));
        this.language = language;
    }

    public String path() {
        return "/forms/" + school + "/" + form.id();
    }

    public String body(long number, boolean valid) {
        List<String> pairs = new ArrayList<>(List.of(ReservedNames.FORM_ID, form.id(), ReservedNames.FORM_LANG, language,
                ReservedNames.FORM_VERSION, form.versions().getOrDefault(language, "")));
        boolean firstRequired = true;
        for (FieldDefinition field : form.fields()) {
            if (!valid && field.required() && !firstRequired) {
                continue;
            }
            firstRequired &= !field.required();
            if (form.kind() != FormKind.WITHDRAWAL || !field.name().equals(Withdrawals.REFERENCE)) {
                answer(pairs, field, number);   // a withdrawal without a consent's reference is a request staff match
            }
        }
        if (form.kind() == FormKind.WITHDRAWAL) {
            pairs.addAll(List.of(ReservedNames.WITHDRAW_STEP, "statements", ReservedNames.WITHDRAW, "all"));
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static void answer(List<String> pairs, FieldDefinition field, long number) {
        String name = field.name();
        switch (field.type()) {
            case CONSENT -> field.statements().forEach(statement ->
                    pairs.addAll(List.of(name + "." + statement.id(), number % 2 == 0 ? "given" : "refused")));
            case PUPIL_NAMES -> pairs.addAll(List.of(name, "Pupil " + number));
            case NAME -> pairs.addAll(List.of(name, "Parent " + number));
            case DATE -> pairs.addAll(List.of(name, LocalDate.now().toString()));
            case TIME -> pairs.addAll(List.of(name, "10:30"));
            case EMAIL -> pairs.addAll(List.of(name, "parent" + number + "@example.org"));
            case SELECT, RADIO, CHECKBOXES, YEAR_GROUP, CONSENT_FORM -> {
                if (!field.options().isEmpty()) {
                    pairs.addAll(List.of(name, field.options().get(0).value()));
                }
            }
            default -> pairs.addAll(List.of(name, "Answer " + number));
        }
    }
}
