package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A school's forms manifest ({@code <manifests dir>/<school>.json}, docs/forms.md): written by the site
 * build, read by the forms server ({@link ManifestJson}). Every property is required but {@code preview}.
 *
 * @param school       the school's id, as in its address ({@code /forms/<school>/<form-id>})
 * @param schoolName   the school's name in each language it publishes
 * @param languages    the languages it publishes, its main language first
 * @param contactEmail whom a person asks about their data; "" when the school gave no address
 * @param endpoint     where its forms post, e.g. {@code /forms/rumney}
 * @param forms        every form of the school, ordered by id
 * @param preview      true for a cluster template's preview site, whose forms take no submissions (the
 *                     server refuses them); written only when true, absent means false (never null)
 * @param roleTitles   what the school calls a staff role, by its account word ({@link StaffRole#word()})
 *                     and language, without an article (Brynford's "Digital Leader" for the online safety
 *                     co-ordinator, from its {@code <role>-title} attribute): the server names the role
 *                     so on the school's pages and receipts (ADR 0101). Written only when the school
 *                     gives one, absent means none (never null); a role or language without one keeps
 *                     the generic name. Not part of any form's version.
 */
@JsonPropertyOrder({"school", "schoolName", "languages", "contactEmail", "endpoint", "forms", "preview", "roleTitles"})
public record Manifest(
        @JsonProperty(required = true) String school,
        @JsonProperty(required = true) Map<String, String> schoolName,
        @JsonProperty(required = true) List<String> languages,
        @JsonProperty(required = true) String contactEmail,
        @JsonProperty(required = true) String endpoint,
        @JsonProperty(required = true) List<FormDefinition> forms,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean preview,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, String>> roleTitles) {

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
        preview = Boolean.TRUE.equals(preview);     // absent (a school's own site) is false
        roleTitles = roleTitles(roleTitles, languages);
    }

    /** A school's manifest with no role titles of its own. */
    public Manifest(String school, Map<String, String> schoolName, List<String> languages, String contactEmail,
                    String endpoint, List<FormDefinition> forms, Boolean preview) {
        this(school, schoolName, languages, contactEmail, endpoint, forms, preview, null);
    }

    /** A school's own manifest (not a template's preview). */
    public Manifest(String school, Map<String, String> schoolName, List<String> languages, String contactEmail,
                    String endpoint, List<FormDefinition> forms) {
        this(school, schoolName, languages, contactEmail, endpoint, forms, false);
    }

    /**
     * What the school calls a staff role in a language ({@link #roleTitles}), as the school wrote it.
     *
     * @param role     the role's account word ({@code online-safety-coordinator})
     * @param language a language tag
     * @return the school's title, or empty when it gives none for that role and language
     */
    public Optional<String> roleTitle(String role, String language) {
        return Optional.ofNullable(roleTitles.getOrDefault(role, Map.of()).get(language));
    }

    /**
     * @throws IllegalArgumentException for a role no staff account can hold, a language the school does
     *                                  not publish, or an empty title
     */
    private static Map<String, Map<String, String>> roleTitles(Map<String, Map<String, String>> titles,
                                                               List<String> languages) {
        if (titles == null) {
            return Map.of();
        }
        Map<String, Map<String, String>> checked = new java.util.LinkedHashMap<>();
        titles.forEach((role, byLanguage) -> {
            if (StaffRole.fromWord(role).isEmpty()) {
                throw new IllegalArgumentException("roleTitles: '" + role + "' is not a staff role (known: "
                        + StaffRole.knownWords() + ")");
            }
            Map<String, String> text = Texts.text(byLanguage, "roleTitles." + role);
            text.forEach((language, title) -> {
                if (!languages.contains(language)) {
                    throw new IllegalArgumentException("roleTitles." + role + ": '" + language
                            + "' is not a language the school publishes " + languages);
                }
                if (title.isBlank()) {
                    throw new IllegalArgumentException("roleTitles." + role + "." + language + " is empty");
                }
            });
            checked.put(role, text);
        });
        return java.util.Collections.unmodifiableMap(checked);
    }

    public Optional<FormDefinition> form(String id) {
        return forms.stream().filter(form -> form.id().equals(id)).findFirst();
    }

    public boolean publishes(String language) {
        return languages.contains(language);
    }
}
