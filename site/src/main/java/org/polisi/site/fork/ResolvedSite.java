package org.polisi.site.fork;

import org.polisi.site.content.SiteSource;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A site ready to render: a school (or a cluster template's own preview) with every page it
 * publishes in every language, and a record of how it relates to its template: the section
 * changes, and each adapting page's directives by language and page key (so that the translation
 * stage can check that every language makes the same adaptation).
 */
public record ResolvedSite(
        SiteSource source,
        Optional<SiteSource> template,
        Map<String, Map<String, ResolvedPage>> pagesByLanguage,
        List<SectionChange> sectionChanges,
        Map<String, Map<String, List<Directive>>> adaptations) {

    /** The directives of the page {@code key} in {@code language}, empty when that page does not adapt the template. */
    public List<Directive> adaptation(String language, String key) {
        return adaptations.getOrDefault(language, Map.of()).getOrDefault(key, List.of());
    }

    public String id() {
        return source.id();
    }

    public List<String> languages() {
        return source.settings().languages();
    }

    public Map<String, ResolvedPage> pages(String language) {
        return pagesByLanguage.getOrDefault(language, Map.of());
    }

    public Optional<ResolvedPage> page(String language, String key) {
        return Optional.ofNullable(pages(language).get(key));
    }

    public Collection<ResolvedPage> allPages() {
        return pagesByLanguage.values().stream().flatMap(m -> m.values().stream()).toList();
    }
}
