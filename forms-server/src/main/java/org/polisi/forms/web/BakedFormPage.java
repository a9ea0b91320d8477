package org.polisi.forms.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.polisi.contract.FormDefinition;

/**
 * The site's baked page that holds a form, in one language, as a copy the caller may change, with
 * its relative links made root-relative ({@link FormPageFiller#keepLinksRelativeTo}), because the
 * server shows it again at an address of its own. Each page is parsed once and copied per request
 * ({@link BakedFormPages}). Empty when the site has no such page (not built yet).
 */
final class BakedFormPage {

    private final BakedFormPages pages;

    BakedFormPage(SiteFiles site) {
        this.pages = new BakedFormPages(site);
    }

    /** @throws UncheckedIOException when the page exists but cannot be read */
    Optional<Document> read(FormDefinition form, String language) {
        String sitePath = form.pages().get(language);
        if (sitePath == null) {
            return Optional.empty();
        }
        try {
            return pages.page(sitePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baked page " + sitePath, e);
        }
    }
}
