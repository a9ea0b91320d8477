package org.polisi.forms.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.polisi.contract.FormDefinition;

/**
 * The site's baked page that holds a form, in one language, read fresh for each request and with its
 * relative links made root-relative ({@link FormPageFiller#keepLinksRelativeTo}), because the server
 * shows it again at an address of its own. Empty when the site has no such page (not built yet).
 */
final class BakedFormPage {

    private final SiteFiles site;

    BakedFormPage(SiteFiles site) {
        this.site = site;
    }

    Optional<Document> read(FormDefinition form, String language) {
        String sitePath = form.pages().get(language);
        Optional<Path> page = sitePath == null ? Optional.empty() : site.page(sitePath);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        try {
            Document document = Jsoup.parse(page.get().toFile(), StandardCharsets.UTF_8.name());
            FormPageFiller.keepLinksRelativeTo(document, sitePath);
            return Optional.of(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baked page " + page.get(), e);
        }
    }
}
