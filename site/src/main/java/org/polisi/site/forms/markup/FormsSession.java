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
 * rendered and found wrong (out), page by page. The renderer makes one per build and registers a macro
 * bound to it, so two builds in one JVM (a preview's rebuilds, tests) never see each other's forms or
 * problems. The macro runs on every converting thread, so every access is synchronised. What one
 * page rendered and found wrong is kept by its URL ({@link #renderedOn}, {@link #problemsOn}), so
 * that the build cache can store it with the page; the rule that spans pages (a form on one page
 * per language) is {@link #collect}, applied to every page of a build, converted or cached.
 */
public final class FormsSession {

    private final Map<String, FormsSchoolContext> schools;
    /** By page URL, then by school/form/language: a page that renders a form twice keeps the last. */
    private final Map<String, Map<String, RenderedForm>> rendered = new LinkedHashMap<>();
    /** By page URL ("" for a conversion outside any page). */
    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    /**
     * Forms of every page of a build, one per school, form and language; and the forms that broke
     * that rule ({@code twice}, each on its later page), each with its problem at the same index.
     */
    public record Collected(List<RenderedForm> forms, List<RenderedForm> twice, List<String> problems) {
    }

    /** @param schoolsById each school's forms and words, by school id; a school not in it has no forms */
    public FormsSession(Map<String, FormsSchoolContext> schoolsById) {
        this.schools = Map.copyOf(schoolsById);
    }

    /** A session with no forms at all (the root index pages). */
    public static FormsSession none() {
        return new FormsSession(Map.of());
    }

    /** Every form rendered in this session, pages in rendering order, collected by {@link #collect}. */
    public synchronized List<RenderedForm> rendered() {
        return collect(rendered.values().stream().flatMap(forms -> forms.values().stream()).toList()).forms();
    }

    /** What went wrong while rendering this session's forms, one sentence each, naming the page. */
    public synchronized List<String> problems() {
        List<RenderedForm> all = rendered.values().stream().flatMap(forms -> forms.values().stream()).toList();
        List<String> allProblems = new ArrayList<>();
        problems.values().forEach(allProblems::addAll);
        allProblems.addAll(collect(all).problems());
        return allProblems;
    }

    /** The forms the page at {@code pageUrl} rendered, in order (empty if none or not converted in this session). */
    public synchronized List<RenderedForm> renderedOn(String pageUrl) {
        return List.copyOf(rendered.getOrDefault(pageUrl, Map.of()).values());
    }

    /** What went wrong on the page at {@code pageUrl}, one sentence each, in order. */
    public synchronized List<String> problemsOn(String pageUrl) {
        return List.copyOf(problems.getOrDefault(pageUrl, List.of()));
    }

    /**
     * The server accepts one version per form and language, so a form may sit on one page per
     * language: keeps the first page's form of each school, form and language and names every
     * later page that embeds it again.
     *
     * @param inPageOrder the forms of every page, the pages in a fixed order (the build's page order)
     */
    public static Collected collect(List<RenderedForm> inPageOrder) {
        Map<String, RenderedForm> kept = new LinkedHashMap<>();
        List<RenderedForm> twice = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RenderedForm form : inPageOrder) {
            String key = form.school() + "/" + form.formId() + "/" + form.lang();
            RenderedForm earlier = kept.putIfAbsent(key, form);
            if (earlier != null && !earlier.pageUrl().equals(form.pageUrl())) {
                twice.add(form);
                problems.add("form '" + form.formId() + "' of " + form.school() + " is embedded on two " + form.lang()
                        + " pages, " + earlier.pageUrl() + " and " + form.pageUrl() + ": embed it on one page per language");
            } else if (earlier != null) {
                kept.put(key, form);
            }
        }
        return new Collected(List.copyOf(kept.values()), List.copyOf(twice), List.copyOf(problems));
    }

    Optional<FormsSchoolContext> school(String schoolId) {
        return Optional.ofNullable(schools.get(schoolId));
    }

    /** @param page the page being converted, if any */
    synchronized void problem(Optional<FormPage> page, String message) {
        problems.computeIfAbsent(page.map(FormPage::url).orElse(""), url -> new ArrayList<>()).add(message);
    }

    /** A form rendered on its page; rendering it again on the same page replaces the earlier entry. */
    synchronized void record(RenderedForm form) {
        rendered.computeIfAbsent(form.pageUrl(), url -> new LinkedHashMap<>())
                .put(form.school() + "/" + form.formId() + "/" + form.lang(), form);
    }
}
