package org.polisi.site.forms.definition;

import java.util.Map;

/**
 * What rendering and the manifest need to know about one school besides its forms.
 *
 * @param formsEndpoint  where forms post to, without the school, e.g. {@code /forms}
 * @param messagesByLang every message key per language, already merged by the build
 *                       ({@code forms_<lang>.properties} included)
 * @param preview        a cluster template's preview: its forms are shown, marked as a preview, and
 *                       take no submissions (the manifest says so, and the server refuses them)
 * @param roleTitles     what the school calls a staff role, by account word and language (its
 *                       {@code <role>-title} attributes): for the manifest only, so that the server's
 *                       pages name the role so (ADR 0101); no form's text or version reads it
 */
public record FormsSchoolContext(
        SchoolForms forms,
        Map<String, String> schoolNameByLang,
        String contactEmail,
        String formsEndpoint,
        Map<String, Map<String, String>> messagesByLang,
        boolean preview,
        Map<String, Map<String, String>> roleTitles) {

    public FormsSchoolContext {
        // in the order given (roles, then languages): Map.copyOf's order changes with every JVM, and the manifest would too
        roleTitles = roleTitles == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(roleTitles));
    }

    /** A school without role titles of its own. */
    public FormsSchoolContext(SchoolForms forms, Map<String, String> schoolNameByLang, String contactEmail,
                              String formsEndpoint, Map<String, Map<String, String>> messagesByLang, boolean preview) {
        this(forms, schoolNameByLang, contactEmail, formsEndpoint, messagesByLang, preview, Map.of());
    }

    /** A school's own site (not a preview). */
    public FormsSchoolContext(SchoolForms forms, Map<String, String> schoolNameByLang, String contactEmail,
                              String formsEndpoint, Map<String, Map<String, String>> messagesByLang) {
        this(forms, schoolNameByLang, contactEmail, formsEndpoint, messagesByLang, false);
    }

    /** Where this school's forms post: {@code <forms-endpoint>/<school>}. */
    public String schoolEndpoint() {
        return formsEndpoint.replaceAll("/+$", "") + "/" + forms.schoolId();
    }

    public Messages messages(String language) {
        Map<String, String> messages = messagesByLang.get(language);
        if (messages == null) {
            throw new IllegalStateException("no messages for language '" + language + "'");
        }
        return new Messages(language, messages);
    }
}
