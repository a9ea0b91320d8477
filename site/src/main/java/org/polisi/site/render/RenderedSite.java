package org.polisi.site.render;

import org.polisi.site.forms.manifest.RenderedForm;

import java.nio.file.Path;
import java.util.List;

/**
 * What the render stage made: every page's HTML (and the theme's and sites' assets) under
 * {@code built}, and every form rendered on them with its version, for the archive and the manifests.
 */
public record RenderedSite(Path built, List<RenderedForm> forms) {
    public RenderedSite {
        forms = List.copyOf(forms);
    }

    /** The forms rendered for one site. */
    public List<RenderedForm> formsOf(String siteId) {
        return forms.stream().filter(form -> form.school().equals(siteId)).toList();
    }
}
