package org.polisi.site.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything under {@code content/}: the output of loading, the input of fork resolution.
 * {@code unreadable} holds the ids of schools whose folder exists but whose settings could not be
 * read (a YAML slip, or a template whose own settings cannot be read), {@code unreadableClusters}
 * those of such cluster templates: they are not built, and their last good output stays published
 * (a build counts and names them as held back, like any site with an error).
 */
public record ContentTree(Path root, Map<String, SiteSource> clusters, Map<String, SiteSource> schools, Set<String> unreadable,
                          Set<String> unreadableClusters) {

    public Optional<SiteSource> cluster(String id) {
        return Optional.ofNullable(clusters.get(id));
    }
}
