package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A school's forms manifest ({@code <manifests dir>/<school>.json}, docs/forms.md): written by the site
 * build, read by the forms server ({@link ManifestJson}). Every property is required.
 *
 * @param school       the school's id, as in its address ({@code /forms/<school>/<form-id>})
 * @param schoolName   the school's name in each language it publishes
 * @param languages    the languages it publishes, its main language first
 * @param contactEmail whom a person asks about their data; "" when the school gave no address
 * @param endpoint     where its forms post, e.g. {@code /forms/rumney}
 * @param forms        every form of the school, ordered by id
 */
@JsonPropertyOrder({"school", "schoolName", "languages", "contactEmail", "endpoint", "forms"})
public record Manifest(
        @JsonProperty(required = true) String school,
        @JsonProperty(required = true) Map<String, String> schoolName,
        @JsonProperty(required = true) List<String> languages,
        @JsonProperty(required = true) String contactEmail,
        @JsonProperty(required = true) String endpoint,
        @JsonProperty(required = true) List<FormDefinition> forms) {

    public Manifest {
        Texts.required(school, "school");
        schoolName = Texts.text(schoolName, "schoolName");
        languages = Texts.list(languages, "languages");
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("languages is empty: a school publishes at least one language");
        }
        Texts.required(contactEmail, "contactEmail");
        Texts.required(endpoint, "endpoint");
        forms = Texts.list(forms, "forms");
    }

    public Optional<FormDefinition> form(String id) {
        return forms.stream().filter(form -> form.id().equals(id)).findFirst();
    }

    public boolean publishes(String language) {
        return languages.contains(language);
    }
}
