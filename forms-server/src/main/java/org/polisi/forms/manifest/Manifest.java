package org.polisi.forms.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A school's forms manifest, written by the site build to {@code site/target/manifests/<school>.json}.
 * {@code preview} is true for a cluster template's preview site, whose forms take no submissions.
 */
public record Manifest(
        String school,
        Map<String, String> schoolName,
        List<String> languages,
        String contactEmail,
        String endpoint,
        List<FormDefinition> forms,
        boolean preview) {

    public Manifest {
        schoolName = schoolName == null ? Map.of() : schoolName;
        languages = languages == null || languages.isEmpty() ? List.of("en") : languages;
        forms = forms == null ? List.of() : forms;
    }

    public Optional<FormDefinition> form(String id) {
        return forms.stream().filter(form -> form.id().equals(id)).findFirst();
    }

    public boolean publishes(String language) {
        return languages.contains(language);
    }
}
