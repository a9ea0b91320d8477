package org.polisi.site.render;

import org.polisi.site.forms.manifest.RenderedForm;

import org.polisi.site.fork.ResolvedSite;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the render stage made: every page's HTML (and the theme's and sites' assets) under
 * {@code built}, every form rendered on them with its version, for the archive and the manifests,
 * and each page's build-cache key by URL ({@link RenderKeys}: equal keys, equal HTML), by which the
 * HTML checks keep their results.
 */
public record RenderedSite(Path built, List<RenderedForm> forms, Map<String, String> keys) {
    public RenderedSite {
        forms = List.copyOf(forms);
        keys = Map.copyOf(keys);
    }

    /** The forms rendered for the sites given (those a build may still publish). */
    public List<RenderedForm> formsOf(Collection<ResolvedSite> sites) {
        Set<String> ids = sites.stream().map(ResolvedSite::id).collect(Collectors.toSet());
        return forms.stream().filter(form -> ids.contains(form.school())).toList();
    }

    /** The forms rendered for one site. */
    public List<RenderedForm> formsOf(String siteId) {
        return forms.stream().filter(form -> form.school().equals(siteId)).toList();
    }
}
