package org.polisi.site.fork;

import org.polisi.site.content.PerBody;
import org.polisi.site.content.SiteSource;
import org.polisi.site.content.SourceLine;
import org.polisi.site.content.SourcePage;
import org.polisi.site.problem.Problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stage 2: resolves a school over the cluster template it adopts. Every template page is
 * published with the school's attributes; a school page with the same key replaces it, or adapts
 * it section by section when it says {@code :adapts-template:}; a school page with a new key is added.
 */
public final class ForkResolver {
    private ForkResolver() {
    }

    public static ResolvedSite resolve(SiteSource school, Optional<SiteSource> template, Problems problems) {
        return resolve(school, template, problems, templateSections());
    }

    /**
     * Each template page's sections, found once for every school that adopts the template (their
     * hashes, once each, too): one per build, shared by its sites and safe for several threads
     * (docs/adr/0090).
     */
    public static PerBody<SectionIndex> templateSections() {
        return new PerBody<>(SectionIndex::of);
    }

    /**
     * @param sections {@link #templateSections()}, shared by the build's sites
     */
    public static ResolvedSite resolve(SiteSource school, Optional<SiteSource> template, Problems problems,
                                       PerBody<SectionIndex> sections) {
        Map<String, Map<String, ResolvedPage>> pages = new LinkedHashMap<>();
        List<SectionChange> changes = new ArrayList<>();
        Map<String, Map<String, List<Directive>>> adaptations = new LinkedHashMap<>();
        for (String language : school.settings().languages()) {
            Map<String, ResolvedPage> resolved = new TreeMap<>();
            Map<String, SourcePage> templatePages = template.map(t -> t.pages(language)).orElse(Map.of());
            templatePages.forEach((key, page) -> resolved.put(key, asIs(page, ResolvedPage.Origin.TEMPLATE)));
            for (SourcePage own : school.pages(language).values()) {
                SourcePage templatePage = templatePages.get(own.key());
                if (own.adaptsTemplate()) {
                    if (templatePage == null) {
                        problems.error("nothing-to-adapt", own.file(), own.titleLine(),
                                "says :adapts-template: but the template has no page '" + own.key() + "' in " + language);
                        continue;
                    }
                    List<Directive> directives = DirectiveParser.parse(own.body(), problems);
                    adaptations.computeIfAbsent(language, l -> new TreeMap<>()).put(own.key(), directives);
                    resolved.put(own.key(), adapt(templatePage, own, directives, changes, problems, sections));
                } else {
                    resolved.put(own.key(), asIs(own, ResolvedPage.Origin.SCHOOL));
                }
            }
            if (template.isPresent()) {
                recordInherited(templatePages, school.pages(language), language, changes, sections);
            }
            pages.put(language, resolved);
        }
        return new ResolvedSite(school, template, pages, List.copyOf(changes), adaptations);
    }

    private static ResolvedPage asIs(SourcePage page, ResolvedPage.Origin origin) {
        return new ResolvedPage(page.key(), page.language(), page.title(), page.header(), page.body(), page.file(), origin);
    }

    private static ResolvedPage adapt(SourcePage templatePage, SourcePage own, List<Directive> directives,
                                      List<SectionChange> changes, Problems problems, PerBody<SectionIndex> sections) {
        SectionIndex index = sections.of(templatePage.body());
        Map<Integer, List<SourceLine>> before = new TreeMap<>();
        Map<Integer, List<SourceLine>> after = new TreeMap<>();
        Map<Integer, Directive> replacedFrom = new TreeMap<>();
        Map<Integer, Integer> skipTo = new TreeMap<>();
        List<SourceLine> appended = new ArrayList<>();
        for (Directive directive : directives) {
            if (directive.operation() == Directive.Operation.APPEND) {
                appended.addAll(blankLineAround(directive.content()));
                recordInserted(own, directive, changes);
                continue;
            }
            Optional<Section> target = index.find(directive.sectionId());
            if (target.isEmpty()) {
                problems.error("unknown-section", directive.line().file(), directive.line().number(),
                        "the template page '" + templatePage.key() + "' has no section with id '" + directive.sectionId() + "'");
                continue;
            }
            Section section = target.get();
            switch (directive.operation()) {
                case INSERT_BEFORE -> {
                    before.computeIfAbsent(section.start(), k -> new ArrayList<>()).addAll(blankLineAround(directive.content()));
                    recordInserted(own, directive, changes);
                }
                case INSERT_AFTER -> {
                    after.computeIfAbsent(section.end(), k -> new ArrayList<>()).addAll(blankLineAround(directive.content()));
                    recordInserted(own, directive, changes);
                }
                case REPLACE, REMOVE -> {
                    if (overlaps(skipTo, section)) {
                        problems.error("overlapping-changes", directive.line().file(), directive.line().number(),
                                "section '" + section.id() + "' is already inside another replaced or removed section");
                        continue;
                    }
                    skipTo.put(section.start(), section.end());
                    replacedFrom.put(section.start(), directive);
                    SectionChange.Status status = directive.operation() == Directive.Operation.REPLACE
                            ? SectionChange.Status.REPLACED : SectionChange.Status.REMOVED;
                    changes.add(new SectionChange(own.key(), own.language(), section.id(), section.title(), status,
                            directive.recordedHash(), index.hash(section), directive.line().file(), directive.line().number()));
                }
                default -> throw new IllegalStateException(directive.operation().toString());
            }
        }
        List<SourceLine> body = new ArrayList<>();
        List<SourceLine> template = templatePage.body();
        int i = 0;
        while (i <= template.size()) {
            if (after.containsKey(i)) {
                body.addAll(after.get(i));
            }
            if (before.containsKey(i)) {
                body.addAll(before.get(i));
            }
            if (i == template.size()) {
                break;
            }
            if (skipTo.containsKey(i)) {
                Directive directive = replacedFrom.get(i);
                if (directive.operation() == Directive.Operation.REPLACE) {
                    body.addAll(blankLineAround(directive.content()));
                }
                i = skipTo.get(i);
                continue;
            }
            body.add(template.get(i));
            i++;
        }
        body.addAll(appended);
        Map<String, String> header = new LinkedHashMap<>(templatePage.header());
        header.putAll(own.header());
        header.remove("adapts-template");
        String title = own.title().isBlank() ? templatePage.title() : own.title();
        return new ResolvedPage(own.key(), own.language(), title, Map.copyOf(header), List.copyOf(body), own.file(),
                ResolvedPage.Origin.ADAPTED);
    }

    private static boolean overlaps(Map<Integer, Integer> ranges, Section section) {
        return ranges.entrySet().stream()
                .anyMatch(r -> section.start() < r.getValue() && r.getKey() < section.end());
    }

    private static List<SourceLine> blankLineAround(List<SourceLine> content) {
        List<SourceLine> lines = new ArrayList<>();
        SourceLine anchor = content.isEmpty() ? null : content.get(0);
        lines.add(new SourceLine("", anchor == null ? null : anchor.file(), anchor == null ? 0 : anchor.number()));
        lines.addAll(content);
        lines.add(new SourceLine("", anchor == null ? null : anchor.file(), 0));
        return lines;
    }

    private static void recordInserted(SourcePage own, Directive directive, List<SectionChange> changes) {
        SectionIndex inserted = SectionIndex.of(directive.content());
        for (Section section : inserted.sections()) {
            changes.add(new SectionChange(own.key(), own.language(), section.id(), section.title(),
                    SectionChange.Status.INSERTED, null, null, directive.line().file(),
                    directive.content().get(section.headingLine()).number()));
        }
    }

    private static void recordInherited(Map<String, SourcePage> templatePages, Map<String, SourcePage> ownPages,
                                        String language, List<SectionChange> changes, PerBody<SectionIndex> sections) {
        for (SourcePage templatePage : templatePages.values()) {
            SourcePage own = ownPages.get(templatePage.key());
            if (own != null && !own.adaptsTemplate()) {
                continue;   // the whole page is the school's own
            }
            SectionIndex index = sections.of(templatePage.body());
            for (Section section : index.sections()) {
                boolean changed = changes.stream().anyMatch(c -> c.pageKey().equals(templatePage.key())
                        && c.language().equals(language) && section.id() != null && section.id().equals(c.sectionId())
                        && c.status() != SectionChange.Status.INSERTED);
                boolean insideChanged = changes.stream().anyMatch(c -> c.pageKey().equals(templatePage.key())
                        && c.language().equals(language) && c.status() != SectionChange.Status.INSERTED
                        && index.find(c.sectionId()).map(s -> s.start() <= section.start() && section.end() <= s.end()).orElse(false));
                if (!changed && !insideChanged && section.id() != null) {
                    changes.add(new SectionChange(templatePage.key(), language, section.id(), section.title(),
                            SectionChange.Status.INHERITED, null, index.hash(section), templatePage.file(),
                            templatePage.body().get(section.headingLine()).number()));
                }
            }
        }
    }
}
