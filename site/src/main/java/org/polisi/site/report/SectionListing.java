package org.polisi.site.report;

import org.polisi.site.content.LocalizedText;
import org.polisi.site.content.SiteSource;
import org.polisi.site.content.SourcePage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.Section;
import org.polisi.site.fork.SectionChange;
import org.polisi.site.fork.SectionIndex;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./polisi report --sections SCHOOL}: every section of every page of the school's template
 * (of its own pages, for a school that stands alone), at every level, with its id, the hash a
 * {@code replace} or {@code remove} records as {@code template=}, and what the school does with it.
 */
public final class SectionListing {
    /** One section of one page in one language. {@code id} is null when the heading has no explicit id. */
    public record Entry(String page, String language, int level, String id, String hash, String title, String status) {
    }

    /** An attribute reference as headings write it ({@code {online-safety-coordinator-title}}). */
    private static final Pattern REFERENCE = Pattern.compile("(?<!\\\\)\\{([\\w-]+)}", Pattern.UNICODE_CHARACTER_CLASS);
    /** A setting that refers to itself, however indirectly, is not expanded deeper than this. */
    private static final int MAX_DEPTH = 16;

    private SectionListing() {
    }

    public static List<Entry> of(ResolvedSite site) {
        SiteSource source = site.template().orElse(site.source());
        List<Entry> entries = new ArrayList<>();
        for (String language : site.languages()) {
            for (SourcePage page : source.pages(language).values()) {
                SectionIndex index = SectionIndex.of(page.body());
                for (Section section : index.sections()) {
                    entries.add(new Entry(page.key(), language, section.level(), section.id(), index.hash(section),
                            resolved(site, language, section.title()), status(site, page.key(), language, index, section)));
                }
            }
        }
        return entries;
    }

    /**
     * A heading as the school's page shows it: each {@code {name}} replaced by the school's setting of
     * that name in {@code language} (its English value when it has none), itself so resolved; a name
     * with no setting stays as written (the build reports it).
     */
    static String resolved(ResolvedSite site, String language, String title) {
        Map<String, LocalizedText> attributes = site.source().settings().attributes();
        String text = title;
        for (int depth = 0; depth < MAX_DEPTH && REFERENCE.matcher(text).find(); depth++) {
            Matcher reference = REFERENCE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (reference.find()) {
                LocalizedText value = attributes.get(reference.group(1));
                reference.appendReplacement(out, Matcher.quoteReplacement(value == null ? reference.group() : value.inOrEnglish(language)));
            }
            String next = reference.appendTail(out).toString();
            if (next.equals(text)) {
                break;
            }
            text = next;
        }
        return text;
    }

    public static void print(ResolvedSite site, PrintStream out) {
        out.println(site.id() + ": sections of " + site.template().map(t -> "the template " + t.id()).orElse("its own pages")
                + " (level, id, template= hash, what " + site.id() + " does with it)");
        String current = "";
        for (Entry entry : of(site)) {
            String heading = entry.page() + " (" + entry.language() + ")";
            if (!heading.equals(current)) {
                out.println("  " + heading);
                current = heading;
            }
            out.printf("    %s%-40s template=%s  %-9s %s%n", "  ".repeat(entry.level() - 1),
                    entry.id() == null ? "(no id: add [[id]] above the heading to adapt it)" : entry.id(),
                    entry.hash(), entry.status(), entry.title());
        }
    }

    /**
     * What the school does with {@code section}: its own change when it has one (inherited, replaced,
     * removed), else that of the nearest section around it that has one ("inherited" under an inherited
     * section, "within a replaced section" under a replaced one); "inherited" when none around it has
     * one, since the school then shows the template's text.
     */
    private static String status(ResolvedSite site, String page, String language, SectionIndex index, Section section) {
        if (site.template().isEmpty()) {
            return "own";
        }
        if (site.source().page(language, page).filter(own -> !own.adaptsTemplate()).isPresent()) {
            return "page replaced by the school's own";
        }
        Optional<SectionChange.Status> own = change(site, page, language, section);
        if (own.isPresent()) {
            return own.get().name().toLowerCase(Locale.ROOT);
        }
        return index.sections().stream()
                .filter(outer -> outer.level() < section.level() && outer.start() <= section.start() && section.end() <= outer.end())
                .sorted(Comparator.comparingInt(Section::level).reversed())
                .map(outer -> change(site, page, language, outer)).flatMap(Optional::stream).findFirst()
                .map(status -> status == SectionChange.Status.INHERITED ? "inherited"
                        : "within a " + status.name().toLowerCase(Locale.ROOT) + " section")
                .orElse("inherited");
    }

    private static Optional<SectionChange.Status> change(ResolvedSite site, String page, String language, Section section) {
        if (section.id() == null) {
            return Optional.empty();
        }
        return site.sectionChanges().stream()
                .filter(c -> c.pageKey().equals(page) && c.language().equals(language) && section.id().equals(c.sectionId())
                        && c.status() != SectionChange.Status.INSERTED)
                .map(SectionChange::status).findFirst();
    }
}
