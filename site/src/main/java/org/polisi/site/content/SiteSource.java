package org.polisi.site.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What one folder of {@code content/} holds: a cluster template or a school, with its settings,
 * its pages per language (language → key → page) and its forms folder.
 */
public record SiteSource(
        Kind kind,
        Settings settings,
        Path dir,
        Map<String, Map<String, SourcePage>> pagesByLanguage,
        Path formsDir) {

    public enum Kind { CLUSTER, SCHOOL }

    public String id() {
        return settings.id();
    }

    public Map<String, SourcePage> pages(String language) {
        return pagesByLanguage.getOrDefault(language, Map.of());
    }

    public Optional<SourcePage> page(String language, String key) {
        return Optional.ofNullable(pages(language).get(key));
    }
}
