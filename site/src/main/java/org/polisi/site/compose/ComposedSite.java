package org.polisi.site.compose;

import org.polisi.site.forms.definition.FormsSchoolContext;

import java.util.List;
import java.util.Map;

/**
 * What the compose stage hands the renderer: every staged page of every site, and each site's forms
 * with the words and settings they are rendered with (by site id; a site without readable form
 * definitions is absent, and its {@code form::} lines were reported where they are written).
 */
public record ComposedSite(List<StagedPage> pages, Map<String, FormsSchoolContext> forms) {
    public ComposedSite {
        pages = List.copyOf(pages);
        forms = Map.copyOf(forms);
    }
}
