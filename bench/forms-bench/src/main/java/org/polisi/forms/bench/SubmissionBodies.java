package org.polisi.forms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Url-encoded bodies for one form of a forms manifest (docs/forms.md), each with a unique pupil
 * and parent name so the server's resubmission check never folds two together. An invalid body
 * leaves out every required field but the first, so the server answers 422.
 */
public final class SubmissionBodies {
    private final String school;
    private final String formId;
    private final String language;
    private final String version;
    private final List<JsonNode> fields = new ArrayList<>();

    public SubmissionBodies(Path manifest, String formId, String language) throws IOException {
        JsonNode root = new ObjectMapper().readTree(manifest.toFile());
        this.school = root.path("school").asText();
        this.formId = formId;
        this.language = language;
        JsonNode form = null;
        for (JsonNode candidate : root.path("forms")) {
            if (candidate.path("id").asText().equals(formId)) {
                form = candidate;
            }
        }
        if (form == null) {
            throw new IllegalArgumentException("no form '" + formId + "' in " + manifest);
        }
        this.version = form.path("versions").path(language).asText();
        form.path("fields").forEach(fields::add);
    }

    public String path() {
        return "/forms/" + school + "/" + formId;
    }

    public String body(long number, boolean valid) {
        List<String> pairs = new ArrayList<>(List.of("form-id", formId, "form-lang", language, "form-version", version));
        boolean firstRequired = true;
        for (JsonNode field : fields) {
            boolean required = field.path("required").asBoolean();
            if (!valid && required && !firstRequired) {
                continue;
            }
            firstRequired &= !required;
            String name = field.path("name").asText();
            switch (field.path("type").asText()) {
                case "consent" -> field.path("statements").forEach(statement ->
                        pairs.addAll(List.of(name + "." + statement.path("id").asText(), number % 2 == 0 ? "given" : "refused")));
                case "pupil-names" -> pairs.addAll(List.of(name, "Pupil " + number));
                case "name" -> pairs.addAll(List.of(name, "Parent " + number));
                case "date" -> pairs.addAll(List.of(name, LocalDate.now().toString()));
                case "time" -> pairs.addAll(List.of(name, "10:30"));
                case "email" -> pairs.addAll(List.of(name, "parent" + number + "@example.org"));
                case "year-group" -> pairs.addAll(List.of(name, "year-1"));
                case "select", "radio", "checkboxes" -> pairs.addAll(List.of(name, field.path("options").path(0).path("value").asText()));
                default -> pairs.addAll(List.of(name, "Answer " + number));
            }
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
