package org.polisi.site.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Everything under {@code content/}: the output of loading, the input of fork resolution. */
public record ContentTree(Path root, Map<String, SiteSource> clusters, Map<String, SiteSource> schools) {

    public Optional<SiteSource> cluster(String id) {
        return Optional.ofNullable(clusters.get(id));
    }
}
