package org.polisi.site.forms.definition;

import java.util.Map;

/**
 * What rendering and the manifest need to know about one school besides its forms.
 *
 * @param formsEndpoint  where forms post to, without the school, e.g. {@code /forms}
 * @param messagesByLang every message key per language, already merged by the build
 *                       ({@code forms_<lang>.properties} included)
 */
public record FormsSchoolContext(
        SchoolForms forms,
        Map<String, String> schoolNameByLang,
        String contactEmail,
        String formsEndpoint,
        Map<String, Map<String, String>> messagesByLang) {

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
