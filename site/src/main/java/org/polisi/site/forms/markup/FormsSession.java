package org.polisi.site.forms.markup;

import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.manifest.RenderedForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One build's forms: the schools whose forms may be embedded (in), and what {@link FormMacro}
 * rendered and found wrong (out). The renderer makes one per build and registers a macro bound to
 * it, so two builds in one JVM (a preview's rebuilds, tests) never see each other's forms or
 * problems. The macro runs on every converting thread, so every access is synchronised.
 */
public final class FormsSession {

    private final Map<String, FormsSchoolContext> schools;
    private final Map<String, RenderedForm> rendered = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** @param schoolsById each school's forms and words, by school id; a school not in it has no forms */
    public FormsSession(Map<String, FormsSchoolContext> schoolsById) {
        this.schools = Map.copyOf(schoolsById);
    }

    /** A session with no forms at all (the root index pages). */
    public static FormsSession none() {
        return new FormsSession(Map.of());
    }

    /** Every form rendered in this session, once per school, form and language, in rendering order. */
    public synchronized List<RenderedForm> rendered() {
        return List.copyOf(rendered.values());
    }

    /** What went wrong while rendering this session's forms, one sentence each, naming the page. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    Optional<FormsSchoolContext> school(String schoolId) {
        return Optional.ofNullable(schools.get(schoolId));
    }

    synchronized void problem(String message) {
        problems.add(message);
    }

    /**
     * The server accepts one version per form and language, so a form may sit on one page per
     * language; rendering the same page again just replaces the earlier entry.
     */
    synchronized void record(RenderedForm form) {
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
