package org.polisi.forms.web;

import io.javalin.http.Context;
import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.Text;

/** {@code GET /} and every other GET: the baked site's files, or the list of schools, or 404. */
final class SiteHandler {

    private final SiteFiles site;
    private final ManifestCatalog manifests;
    private final PageLayout layout;
    private final Messages messages;
    private final ErrorPages errors;

    SiteHandler(SiteFiles site, ManifestCatalog manifests, PageLayout layout, Messages messages, ErrorPages errors) {
        this.site = site;
        this.manifests = manifests;
        this.layout = layout;
        this.messages = messages;
        this.errors = errors;
    }

    void file(Context ctx) {
        if (!site.serve(ctx, ctx.path())) {
            errors.notFound(ctx);
        }
    }

    /** Whether the site has a file (or page) at the request path: what a GET there would serve. */
    boolean exists(String requestPath) {
        return site.resolve(requestPath).isPresent();
    }

    /** The site's own index when the build made one, else a bilingual list of the schools served. */
    void root(Context ctx) {
        if (site.serve(ctx, "/index.html")) {
            return;
        }
        String language = RequestLanguage.of(ctx);
        String title = messages.get(language, "index.title");
        PageLayout.Page page = layout.page(language, title, messages.get(language, "server.name"), "/",
                "/?lang=" + Messages.other(language));
        Html.text(page.main(), "h1", title);
        Element list = Html.add(page.main(), "ul");
        for (Manifest manifest : manifests.all()) {
            Element item = Html.add(list, "li");
            item.appendText(Text.in(manifest.schoolName(), language) + ": ");
            for (String schoolLanguage : manifest.languages()) {
                Html.link(item, "/" + manifest.school() + "/" + schoolLanguage + "/",
                        messages.get(schoolLanguage, "language.name")).attr("hreflang", schoolLanguage)
                        .attr("lang", schoolLanguage);
                item.appendText(" ");
            }
        }
        ctx.header("Cache-Control", "no-cache");
        Responses.html(ctx, 200, page.html());
    }
}
