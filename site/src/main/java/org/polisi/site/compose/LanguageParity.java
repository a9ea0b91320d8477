package org.polisi.site.compose;

import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.problem.Problems;
import org.polisi.site.translation.TranslationPairer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that what a reader can do or open on a page is on every language's version of it: the
 * same forms ({@code form::id[]}), links to the same pages ({@code xref:appendix-d.adoc[]}, an
 * appendix, a policy) and as many images, so that a Welsh-speaking parent is never left without
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
    private static final Pattern PAGE_LINK = Pattern.compile("(?<![\\w\\\\])xref:([a-z0-9][a-z0-9-]*)\\.adoc(?:#[^\\[\\s]*)?\\[");
    private static final Pattern IMAGE = Pattern.compile("(?<![\\w\\\\])image::?([^\\s\\[]+)\\[([^\\]]*)]");
    private static final Map<String, String> NAMES = Map.of("en", "English", "cy", "Welsh");

    private LanguageParity() {
    }

    /**
     * Compares each page of {@code site} in every language with its English page.
     *
     * @param forms the site's forms: a {@code form::} line naming none of them is already an
     *              {@code unknown-form} error, and is not compared (one slip, one error)
     */
    public static void check(ResolvedSite site, Optional<SchoolForms> forms, Problems problems) {
        String english = TranslationPairer.SOURCE_LANGUAGE;
        for (ResolvedPage source : site.pages(english).values()) {
            for (String language : site.languages()) {
                Optional<ResolvedPage> translated = language.equals(english) ? Optional.empty() : site.page(language, source.key());
                if (translated.isEmpty()) {
                    continue;   // a missing page is the pairer's error
                }
                if (sameAdaptation(site, source.key(), language)) {   // else the pairer has said where they differ
                    compare(source, translated.get(), forms, problems);
                    compare(translated.get(), source, forms, problems);
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
    private static void compare(ResolvedPage page, ResolvedPage other, Optional<SchoolForms> forms, Problems problems) {
        Map<String, SourceLine> otherForms = found(other, FORM);
        found(page, FORM).forEach((id, line) -> {
            if (!otherForms.containsKey(id) && forms.filter(known -> known.contains(id)).isPresent()) {
                missing(problems, line, "form " + id, page, other);
            }
        });
        Map<String, SourceLine> otherLinks = found(other, PAGE_LINK);
        found(page, PAGE_LINK).forEach((key, line) -> {
            if (!otherLinks.containsKey(key) && !key.equals(page.key())) {
                missing(problems, line, "the link to page " + key, page, other);
            }
        });
        List<SourceLine> images = all(page, IMAGE);
        int otherImages = all(other, IMAGE).size();
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

    /** The first line of each distinct match (group 1) in the page's body, comments left out. */
    private static Map<String, SourceLine> found(ResolvedPage page, Pattern pattern) {
        Map<String, SourceLine> found = new LinkedHashMap<>();
        for (SourceLine line : page.body()) {
            if (line.text().trim().startsWith("//")) {
                continue;
            }
            Matcher matcher = pattern.matcher(pattern == FORM ? line.text().trim() : line.text());
            while (matcher.find()) {
                found.putIfAbsent(matcher.group(1), line);
            }
        }
        return found;
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

    /** The line of every informative image in the page's body, comments left out. */
    private static List<SourceLine> all(ResolvedPage page, Pattern pattern) {
        List<SourceLine> lines = new ArrayList<>();
        for (SourceLine line : page.body()) {
            if (line.text().trim().startsWith("//")) {
                continue;
            }
            Matcher matcher = pattern.matcher(line.text());
            while (matcher.find()) {
                if (informative(matcher.group(2))) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
