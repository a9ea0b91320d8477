package org.polisi.site.report;

import org.polisi.site.content.SiteSource;
import org.polisi.site.content.SourcePage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.Section;
import org.polisi.site.fork.SectionChange;
import org.polisi.site.fork.SectionIndex;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./polisi report --sections SCHOOL}: every section of every page of the school's template
 * (of its own pages, for a school that stands alone), at every level, with its id, the hash a
 * {@code replace} or {@code remove} records as {@code template=}, and what the school does with it.
 */
public final class SectionListing {
    /** One section of one page in one language. {@code id} is null when the heading has no explicit id. */
    public record Entry(String page, String language, int level, String id, String hash, String title, String status) {
    }

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
                            section.title(), status(site, page.key(), language, section)));
                }
            }
        }
        return entries;
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

    private static String status(ResolvedSite site, String page, String language, Section section) {
        if (site.template().isEmpty()) {
            return "own";
        }
        if (site.source().page(language, page).filter(own -> !own.adaptsTemplate()).isPresent()) {
            return "page replaced by the school's own";
        }
        if (section.id() == null) {
            return "-";
        }
        return site.sectionChanges().stream()
                .filter(c -> c.pageKey().equals(page) && c.language().equals(language) && section.id().equals(c.sectionId())
                        && c.status() != SectionChange.Status.INSERTED)
                .map(c -> c.status().name().toLowerCase()).findFirst().orElse("within a changed section");
    }
}
