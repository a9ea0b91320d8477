package org.polisi.site.render;

import org.polisi.site.compose.StagedPage;
import org.polisi.site.forms.manifest.RenderedForm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a long-running {@code ./polisi preview} keeps between builds: for each page published, the
 * key of everything its HTML depends on and the forms on it ({@link RenderStage} asks and updates
 * it). A page whose key is unchanged renders to the same HTML, so the next build copies it instead
 * of converting it again. The key ({@link RenderKeys}) covers the page's composed AsciiDoc (its body
 * with includes, and all its chrome), the theme's templates and message bundles, the definitions of
 * the site's forms, and the school's and its template's settings files: an edit to any of them
 * renders the page again.
 */
public final class RenderCache {
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, List<RenderedForm>> forms = new HashMap<>();

    /** The pages that must be rendered: new ones and those whose key changed. */
    public synchronized List<StagedPage> changed(List<StagedPage> pages, Function<StagedPage, String> key) {
        return pages.stream().filter(page -> !key.apply(page).equals(keys.get(page.url()))).toList();
    }

    /** Forms on pages that were not rendered again, as the previous build rendered them. */
    public synchronized List<RenderedForm> formsOn(List<StagedPage> unchanged) {
        List<RenderedForm> kept = new ArrayList<>();
        unchanged.forEach(page -> kept.addAll(forms.getOrDefault(page.url(), List.of())));
        return kept;
    }

    /**
     * Remembers the published pages of the sites {@code sites}; what the cache knew of those sites'
     * other pages is forgotten, and other sites (not published by this build) are kept as they were.
     */
    public synchronized void remember(Set<String> sites, List<StagedPage> pages, List<RenderedForm> rendered,
                                      Function<StagedPage, String> key) {
        Set<String> prefixes = sites.stream().map(site -> "/" + site + "/").collect(Collectors.toSet());
        keys.keySet().removeIf(url -> prefixes.stream().anyMatch(url::startsWith));
        forms.keySet().removeIf(url -> prefixes.stream().anyMatch(url::startsWith));
        pages.stream().filter(page -> sites.contains(page.site())).forEach(page -> keys.put(page.url(), key.apply(page)));
        rendered.stream().filter(form -> sites.contains(form.school()))
                .forEach(form -> forms.computeIfAbsent(form.pageUrl(), url -> new ArrayList<>()).add(form));
    }
}
