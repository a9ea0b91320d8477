package org.polisi.site.render;

import org.polisi.site.compose.StagedPage;
import org.polisi.site.forms.RenderedForm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a long-running {@code ./polisi preview} keeps between builds: what the previous build
 * rendered, each page's composed document and the forms on it. A page whose composed document is unchanged renders to the same
 * HTML, so the next build copies it instead of converting it again. The composed document holds
 * everything a page shows (its body and all its chrome: titles of linked appendices, toggle,
 * notices), so a change anywhere that affects a page changes its document.
 */
public final class RenderCache {
    private final Map<String, String> documents = new HashMap<>();
    private final Map<String, List<RenderedForm>> forms = new HashMap<>();

    /** The pages that must be rendered: new ones and those whose document changed. */
    public synchronized List<StagedPage> changed(List<StagedPage> pages) {
        return pages.stream().filter(page -> !page.asciidoc().equals(documents.get(page.url()))).toList();
    }

    /** Forms on pages that were not rendered again, as the previous build rendered them. */
    public synchronized List<RenderedForm> formsOn(List<StagedPage> unchanged) {
        List<RenderedForm> kept = new ArrayList<>();
        unchanged.forEach(page -> kept.addAll(forms.getOrDefault(page.url(), List.of())));
        return kept;
    }

    /** Remembers a published build; pages that no longer exist are forgotten. */
    public synchronized void remember(List<StagedPage> pages, List<RenderedForm> rendered) {
        Set<String> urls = pages.stream().map(StagedPage::url).collect(Collectors.toSet());
        documents.keySet().retainAll(urls);
        forms.clear();
        pages.forEach(page -> documents.put(page.url(), page.asciidoc()));
        rendered.forEach(form -> forms.computeIfAbsent(form.pageUrl(), url -> new ArrayList<>()).add(form));
    }
}
