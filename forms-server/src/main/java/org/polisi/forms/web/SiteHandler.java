package org.polisi.forms.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.polisi.forms.intake.ReferenceGenerator;
import org.polisi.forms.i18n.Language;
import org.polisi.forms.i18n.Messages;
import java.util.List;
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
        if (withReference(ctx)) {
            return;
        }
        if (!site.serve(ctx, ctx.path())) {
            errors.notFound(ctx);
        }
    }

    /**
     * A form page asked for with {@code ?reference=} (the receipt's "withdraw this consent"
     * link, issue 20): the baked page with its {@code reference} box filled in, so the
     * person need not copy it. Only a well-formed reference, only into a page that has such a box;
     * nothing is looked up, so the page says nothing about whose the reference is.
     *
     * @return false when the request is not one of these (the file is served as it is)
     */
    private boolean withReference(Context ctx) {
        String reference = ReferenceGenerator.normalise(ctx.queryParam("reference"));   // one reading (ADR 0106)
        if (!ReferenceGenerator.plausible(reference)) {
            return false;
        }
        Optional<Path> file = site.page(ctx.path());
        if (file.isEmpty()) {
            return false;
        }
        try {
            Document page = Jsoup.parse(file.get().toFile(), "UTF-8");
            page.outputSettings().prettyPrint(false);
            Element box = page.selectFirst("form input[name=reference]");
            if (box == null) {
                return false;
            }
            box.attr("value", reference);
            ctx.header("Cache-Control", "no-store");
            Responses.html(ctx, 200, page.outerHtml());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.get(), e);
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
        List<School> schools = manifests.all().stream().map(manifest -> new School(Text.in(manifest.schoolName(), language),
                manifest.languages().stream().map(schoolLanguage -> new Table.Link("/" + manifest.school() + "/"
                        + schoolLanguage + "/", messages.get(schoolLanguage, "language.name"), schoolLanguage)).toList()))
                .toList();
        String html = layout.render("schools", layout.frame(language, title, messages.get(language, "server.name"), "/",
                "/?lang=" + Language.orEnglish(language).other()), new View(title, schools));
        ctx.header("Cache-Control", "no-cache");
        Responses.html(ctx, 200, html);
    }

    /** The view of {@code server/schools.ftl}: the schools served, each with its site in each of its languages. */
    record View(String title, List<School> schools) {
    }

    /** A school and its sites; each link's {@code lang} is the site's language. */
    record School(String name, List<Table.Link> sites) {
    }
}
