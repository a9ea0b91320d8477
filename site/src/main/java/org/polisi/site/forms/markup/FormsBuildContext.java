package org.polisi.site.forms.markup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.manifest.RenderedForm;

/**
 * What the build hands to {@link FormMacro} for one run. Asciidoctor instantiates the macro itself,
 * so there is no constructor to pass the schools through; this is the one piece of process-wide state
 * in the forms stage, and every access is synchronised.
 */
public final class FormsBuildContext {

    private static Map<String, FormsSchoolContext> schools;
    private static final Map<String, RenderedForm> rendered = new LinkedHashMap<>();
    private static final List<String> problems = new ArrayList<>();

    private FormsBuildContext() {
    }

    /** Starts a build: forgets whatever an earlier build rendered or found wrong. */
    public static synchronized void begin(Map<String, FormsSchoolContext> schoolsById) {
        schools = Map.copyOf(schoolsById);
        rendered.clear();
        problems.clear();
    }

    /** Everything rendered since {@link #begin}, once per form, language and page; clears the context. */
    public static synchronized List<RenderedForm> end() {
        List<RenderedForm> all = List.copyOf(rendered.values());
        schools = null;
        rendered.clear();
        return all;
    }

    /** What went wrong while rendering; still readable after {@link #end}, until the next {@link #begin}. */
    public static synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    static synchronized boolean started() {
        return schools != null;
    }

    static synchronized Optional<FormsSchoolContext> school(String schoolId) {
        return schools == null ? Optional.empty() : Optional.ofNullable(schools.get(schoolId));
    }

    static synchronized void problem(String message) {
        problems.add(message);
    }

    /**
     * The server accepts one version per form and language, so a form may sit on one page per
     * language; rendering the same page again (JBake may) just replaces the earlier entry.
     */
    static synchronized void record(RenderedForm form) {
        String key = form.school() + "/" + form.formId() + "/" + form.lang();
        RenderedForm earlier = rendered.get(key);
        if (earlier != null && !earlier.pageUrl().equals(form.pageUrl())) {
            problems.add("form '" + form.formId() + "' of " + form.school() + " is embedded on two " + form.lang()
                    + " pages, " + earlier.pageUrl() + " and " + form.pageUrl() + ": embed it on one page per language");
            return;
        }
        rendered.put(key, form);
    }
}
