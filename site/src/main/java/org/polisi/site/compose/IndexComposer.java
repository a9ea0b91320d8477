package org.polisi.site.compose;

import org.jsoup.nodes.Entities;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.theme.Messages;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Composes the pages that belong to no school: the cluster index at the site root, listing every
 * published school and its policies in each of its languages, and the not-found page. Both are
 * bilingual, each part marked with its own {@code lang}, because a visitor arriving there has not
 * chosen yet. The index is composed after the schools' pages are rendered and checked: it lists
 * each page by its title as rendered ({@code titles}, by URL), and a school not published by this
 * build (not asked for, or held back by an error) as the previous index listed it ({@code kept},
 * its {@code <li>} by school id), so that a partial or failed build never drops a school from it.
 */
public final class IndexComposer {
    private final List<String> order;
    private final Map<String, ResolvedSite> sites;
    private final Map<String, String> titles;
    private final Map<String, String> kept;
    private final Map<String, Messages> messages;

    public IndexComposer(List<String> order, List<ResolvedSite> published, Map<String, String> titles,
                         Map<String, String> kept, Map<String, Messages> messages) {
        this.order = order;
        this.sites = new java.util.LinkedHashMap<>();
        published.forEach(site -> this.sites.put(site.id(), site));
        this.titles = titles;
        this.kept = kept;
        this.messages = messages;
    }

    public List<StagedPage> compose() {
        return List.of(clusterIndex(), notFound());
    }

    private StagedPage clusterIndex() {
        Messages english = messages.get("en");
        StringBuilder html = new StringBuilder();
        for (String language : messages.keySet()) {
            Messages text = messages.get(language);
            if (!language.equals("en")) {
                html.append("<p lang=\"").append(language).append("\">").append(escape(text.get("site.index.intro"))).append("</p>\n");
            }
        }
        html.append("<ul class=\"school-list\">\n");
        for (String id : order) {
            ResolvedSite site = sites.get(id);
            if (site == null) {
                if (kept.containsKey(id)) {
                    html.append(kept.get(id)).append('\n');
                }
                continue;
            }
            html.append(entry(site)).append('\n');
        }
        html.append("</ul>\n");
        return passthrough("index", PageKind.CLUSTER_INDEX, english.get("site.index.title"), english.get("site.index.intro"), html.toString());
    }

    /**
     * The site's entry in the root index, as this composer writes it: an {@code <li>} with a section
     * per language listing its pages by their rendered titles (without the line break after it).
     * A build that keeps the site as published keeps this text (docs/adr/0067-per-school-builds.md).
     */
    public String entry(ResolvedSite site) {
        StringBuilder html = new StringBuilder("<li class=\"school\">\n");
        for (String language : site.languages()) {
            Messages text = messages.get(language);
            html.append("<section lang=\"").append(language).append("\" aria-labelledby=\"school-")
                    .append(site.id()).append('-').append(language).append("\">\n");
            html.append("<h2 id=\"school-").append(site.id()).append('-').append(language).append("\">")
                    .append("<a href=\"").append(site.id()).append('/').append(language).append("/index.html\">")
                    .append(escape(site.source().settings().name().inOrEnglish(language)))
                    .append(site.languages().size() > 1 ? " <span class=\"lang-label\">(" + escape(text.get("language.name")) + ")</span>" : "")
                    .append("</a></h2>\n");
            if (site.source().kind() == org.polisi.site.content.SiteSource.Kind.CLUSTER) {
                // a template's preview is not a school: say so where it is listed
                html.append("<p class=\"preview-label\"><strong>").append(escape(text.get("site.preview.label")))
                        .append("</strong></p>\n");
            }
            html.append("<ul>\n");
            site.pages(language).values().stream()
                    .filter(p -> !PageKind.APPENDIX.is(p.kind()))
                    .sorted(Comparator.comparingInt(ResolvedPage::order).thenComparing(ResolvedPage::key))
                    .forEach(p -> {
                        String url = site.id() + '/' + language + '/' + p.key() + ".html";
                        html.append("<li><a href=\"").append(url).append("\">")
                                .append(escape(titles.getOrDefault("/" + url, p.title()))).append("</a></li>\n");
                    });
            html.append("</ul>\n</section>\n");
        }
        html.append("</li>");
        return html.toString();
    }

    private StagedPage notFound() {
        StringBuilder html = new StringBuilder();
        for (String language : messages.keySet()) {
            Messages text = messages.get(language);
            html.append("<section lang=\"").append(language).append("\">\n<h2>").append(escape(text.get("notfound.title"))).append("</h2>\n")
                    .append("<p>").append(escape(text.get("notfound.body"))).append("</p>\n")
                    .append("<p><a href=\"/index.html\">").append(escape(text.get("notfound.home"))).append("</a></p>\n</section>\n");
        }
        Messages english = messages.get("en");
        return passthrough("404", PageKind.NOT_FOUND, english.get("notfound.title"), "", html.toString());
    }

    private StagedPage passthrough(String key, PageKind kind, String title, String intro, String html) {
        AttributeBlock attributes = new AttributeBlock();
        attributes.put("jbake-type", kind.jbakeType()).put("jbake-status", "published").put("lang", "en")
                .put("polisi-lang", "en").put("polisi-root", "").put("polisi-key", key)
                .put("polisi-description", intro);
        for (Map.Entry<String, String> message : messages.get("en").family(Messages.SITE).entrySet()) {
            attributes.put("t-" + message.getKey().replace('.', '-'), message.getValue());
        }
        String asciidoc = "= " + title + "\n" + attributes.render() + "\n"
                + (intro.isBlank() ? "" : intro + "\n\n")
                + "++++\n" + html + "++++\n";
        return new StagedPage("", "en", key, key, asciidoc, List.of());
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
