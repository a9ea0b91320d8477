package org.polisi.site.render;

import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A school's policy or appendix page as the render stage built it: its site, the page, and its HTML
 * file in the build's staging folder. These are the pages that get a PDF ({@code pdf.PolicyPdfs})
 * and a list of updates ({@code history.PageHistory}).
 */
public record BuiltPolicy(ResolvedSite site, ResolvedPage page, Path html) {
    private static final Set<String> KINDS = Set.of("policy", "appendix");

    /**
     * @param sites the sites built (a template preview's pages are left out: no school publishes them)
     * @param built the staging folder ({@link RenderedSite#built()}), {@code <site>/<language>/<key>.html}
     * @return every policy and appendix page of {@code sites} whose HTML file is in {@code built}, in
     *         site, language and page order
     */
    public static List<BuiltPolicy> in(List<ResolvedSite> sites, Path built) {
        List<BuiltPolicy> pages = new ArrayList<>();
        for (ResolvedSite site : sites) {
            if (site.id().endsWith(CatalogStage.TEMPLATE_PREVIEW_SUFFIX)) {
                continue;
            }
            for (String language : site.languages()) {
                for (ResolvedPage page : site.pages(language).values()) {
                    Path html = built.resolve(site.id()).resolve(language).resolve(page.key() + ".html");
                    if (KINDS.contains(page.kind()) && Files.isRegularFile(html)) {
                        pages.add(new BuiltPolicy(site, page, html));
                    }
                }
            }
        }
        return pages;
    }
}
