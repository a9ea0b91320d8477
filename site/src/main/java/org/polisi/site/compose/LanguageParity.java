package org.polisi.site.compose;

import org.polisi.site.content.PerBody;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.problem.Problems;
import org.polisi.site.translation.TranslationPairer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that what a reader can do or open on a page is on every language's version of it: the
 * same forms ({@code form::id[]}), links to the same pages ({@code xref:appendix-d.adoc[]},
 * {@code <<appendix-d.adoc#,...>>} or {@code link:appendix-d.html[]}: an appendix, a policy) and
 * as many images, so that a Welsh-speaking parent is never left without
 * the form, appendix or picture the English page gives (tester 3's fault 11: a form embedded in
 * the English page only built cleanly). Sections are compared by the translation pairer; text is
 * translated and cannot be compared. Each difference is a {@code translation-missing} error at the
 * line of the page that has the element, naming the language whose page lacks it. Images with
 * alternative text are counted, not named, since a picture with words in it may have a Welsh file
 * of its own; decorative ones are not compared. A page whose two languages adapt the template
 * differently is left to the translation pairer, which reports that difference itself.
 */
public final class LanguageParity {
    private static final Pattern FORM = Pattern.compile("^form::([^\\[\\s]*)\\[.*]\\s*$");
    /**
     * A link to another page of the site in each of the three ways AsciiDoc writes one, group 1, 2 or
     * 3 the page's key: the macro {@code xref:key.adoc[text]}, the short form
     * {@code <<key.adoc#,text>>} and a link to the built page, {@code link:key.html[text]} (tester
     * 4's fault 6: only the first was compared). A backslash before any of them escapes it.
     */
    private static final Pattern PAGE_LINK = Pattern.compile(
            "(?<![\\w\\\\])xref:([a-z0-9][a-z0-9-]*)\\.adoc(?:#[^\\[\\s]*)?\\["
            + "|(?<!\\\\)<<([a-z0-9][a-z0-9-]*)\\.adoc(?:#[^,>\\s]*)?(?:,[^>]*)?>>"
            + "|(?<![\\w\\\\])link:(?:\\./)?([a-z0-9][a-z0-9-]*)\\.html(?:#[^\\[\\s]*)?\\[");
    private static final Pattern IMAGE = Pattern.compile("(?<![\\w\\\\])image::?([^\\s\\[]+)\\[([^\\]]*)]");
    private static final Map<String, String> NAMES = Map.of("en", "English", "cy", "Welsh");

    /** Each body's elements, read once per build however many sites share the body (a template page). */
    private final PerBody<Elements> elements = new PerBody<>(LanguageParity::elementsOf);

    /** One per build: what it reads of a page body is kept for the build's other sites (docs/adr/0090). */
    public LanguageParity() {
    }

    /**
     * Compares each page of {@code site} in every language with its English page. Safe to call from
     * several threads at once, each with its own site and {@code problems}.
     *
     * @param forms the site's forms: a {@code form::} line naming none of them is already an
     *              {@code unknown-form} error, and is not compared (one slip, one error)
     */
    public void check(ResolvedSite site, Optional<SchoolForms> forms, Problems problems) {
        String english = TranslationPairer.SOURCE_LANGUAGE;
        for (ResolvedPage source : site.pages(english).values()) {
            for (String language : site.languages()) {
                Optional<ResolvedPage> translated = language.equals(english) ? Optional.empty() : site.page(language, source.key());
                if (translated.isEmpty()) {
                    continue;   // a missing page is the pairer's error
                }
                if (sameAdaptation(site, source.key(), language)) {   // else the pairer has said where they differ
                    Elements sourceElements = elements.of(source.body());
                    Elements translatedElements = elements.of(translated.get().body());
                    compare(source, sourceElements, translated.get(), translatedElements, forms, problems);
                    compare(translated.get(), translatedElements, source, sourceElements, forms, problems);
                }
            }
        }
    }

    private static boolean sameAdaptation(ResolvedSite site, String key, String language) {
        List<String> english = new ArrayList<>(site.adaptation(TranslationPairer.SOURCE_LANGUAGE, key).stream()
                .map(TranslationPairer::signature).sorted().toList());
        return english.equals(site.adaptation(language, key).stream().map(TranslationPairer::signature).sorted().toList());
    }

    /** Reports each element of {@code page} that {@code other} lacks, at {@code page}'s line. */
    private static void compare(ResolvedPage page, Elements own, ResolvedPage other, Elements others,
                                Optional<SchoolForms> forms, Problems problems) {
        own.forms().forEach((id, line) -> {
            if (!others.forms().containsKey(id) && forms.filter(known -> known.contains(id)).isPresent()) {
                missing(problems, line, "form " + id, page, other);
            }
        });
        own.links().forEach((key, line) -> {
            if (!others.links().containsKey(key) && !key.equals(page.key())) {
                missing(problems, line, "the link to page " + key, page, other);
            }
        });
        List<SourceLine> images = own.images();
        int otherImages = others.images().size();
        if (images.size() > otherImages) {
            missing(problems, images.get(otherImages), images.size() + " images (" + otherImages + " in " + name(other.language())
                    + ")", page, other);
        }
    }

    private static void missing(Problems problems, SourceLine line, String what, ResolvedPage page, ResolvedPage other) {
        problems.error("translation-missing", line.file(), line.number(), what + " is on the " + name(page.language())
                + " page but not on the " + name(other.language()) + " one (" + other.language() + "/" + other.key()
                + ".adoc): add it there too, so readers of either language can use it");
    }

    private static String name(String language) {
        return NAMES.getOrDefault(language, "'" + language + "'");
    }

    /**
     * What a reader can use on a page, from its body with comments left out, each in the order written.
     *
     * @param forms  the first line of each form id embedded ({@code form::id[]} alone on its line)
     * @param links  the first line of each page linked to, however the link is written
     * @param images the line of every informative image (one line per image, so a line may repeat)
     */
    record Elements(Map<String, SourceLine> forms, Map<String, SourceLine> links, List<SourceLine> images) {
    }

    /**
     * Reads the body once. Each pattern is tried only on lines holding the text it cannot match
     * without ({@code form::}, {@code xref:}, {@code <<} or {@code link:}, {@code image:}): most lines hold none, and the
     * findings are the same as trying every pattern on every line.
     */
    static Elements elementsOf(List<SourceLine> body) {
        Map<String, SourceLine> forms = new LinkedHashMap<>();
        Map<String, SourceLine> links = new LinkedHashMap<>();
        List<SourceLine> images = new ArrayList<>();
        for (SourceLine line : body) {
            String text = line.text();
            String trimmed = text.trim();
            if (trimmed.startsWith("//")) {
                continue;
            }
            if (trimmed.startsWith("form::")) {
                Matcher form = FORM.matcher(trimmed);
                if (form.find()) {
                    forms.putIfAbsent(form.group(1), line);
                }
            }
            if (text.contains("xref:") || text.contains("<<") || text.contains("link:")) {
                Matcher link = PAGE_LINK.matcher(text);
                while (link.find()) {
                    String key = link.group(1) != null ? link.group(1) : link.group(2) != null ? link.group(2) : link.group(3);
                    links.putIfAbsent(key, line);
                }
            }
            if (text.contains("image:")) {
                Matcher image = IMAGE.matcher(text);
                while (image.find()) {
                    if (informative(image.group(2))) {
                        images.add(line);
                    }
                }
            }
        }
        return new Elements(Collections.unmodifiableMap(forms), Collections.unmodifiableMap(links), List.copyOf(images));
    }

    /**
     * Whether an image's attributes give it alternative text: a decorative one
     * ({@code role=presentation}, or empty text) tells a reader nothing another language could miss,
     * and one with no text at all is already an error of its own ({@code missing-alt}).
     */
    private static boolean informative(String attributes) {
        String alt = attributes.split(",", 2)[0].strip().replaceAll("^\"|\"$", "").strip();
        return !attributes.contains("role=presentation") && !alt.isEmpty() && !alt.contains("=");
    }
}
