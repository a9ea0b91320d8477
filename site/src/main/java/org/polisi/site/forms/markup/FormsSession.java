package org.polisi.site.forms.markup;

import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.manifest.FormVersion;
import org.polisi.site.forms.manifest.RenderedForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

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
    /** Each form's definition text ({@link FormVersion#definitionText}) by school, form and language, made once. */
    private final Map<String, String> definitionTexts = new ConcurrentHashMap<>();

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

    /**
     * The form's definition in {@code language} as its version hashes it ({@link FormVersion#definitionText}),
     * made once per school, form and language in this session, on whichever thread asks first.
     *
     * @throws RuntimeException what {@link FormVersion#definitionText} throws (nothing is kept then)
     */
    public String definitionText(FormDefinition form, FormsSchoolContext school, String language) {
        return definitionTexts.computeIfAbsent(school.forms().schoolId() + '\u0000' + form.id() + '\u0000' + language,
                key -> FormVersion.definitionText(form, school, language));
    }

    /**
     * Makes the definition texts of every school's forms in each of its languages ahead of the pages
     * that embed them, for as long as {@code worthIt} holds: the build's thread calls it while JRuby
     * is still starting, when it would otherwise wait and the converting threads would later make them
     * on the critical path (docs/adr/0096). A text that cannot be made is left to the page's macro,
     * which reports it.
     */
    public void prepareWhile(BooleanSupplier worthIt) {
        for (FormsSchoolContext school : schools.values()) {
            for (FormDefinition form : school.forms().all()) {
                for (String language : school.forms().languages()) {
                    if (!worthIt.getAsBoolean()) {
                        return;
                    }
                    try {
                        definitionText(form, school, language);
                    } catch (RuntimeException leftToTheMacro) {
                        // reported by FormMacro at the page that embeds it
                    }
                }
            }
        }
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
