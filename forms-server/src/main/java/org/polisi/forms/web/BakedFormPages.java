package org.polisi.forms.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.polisi.contract.FormDefinition;

/**
 * The baked pages a form is re-shown in (with its errors, or with one more "add another" box),
 * each parsed once and copied for every request: parsing the page was a third of the cost of a
 * 422 (issue 23's intake profile, docs/benchmarks.md), and a copy is a fraction of that. A page is
 * parsed again when its file's modification time or size changes (the site was rebuilt), and at
 * most {@link #KEPT} pages are kept, the least recently used dropped first.
 *
 * <p>Each copy is the page exactly as on disk, with its relative links already made root-relative
 * ({@link FormPageFiller#keepLinksRelativeTo}); the caller may change it freely. One instance
 * serves the refused post and the draft pages alike (docs/adr/0052), so each page is parsed once.
 */
final class BakedFormPages {

    /** Pages kept parsed: a school's forms in two languages, several schools. */
    static final int KEPT = 32;

    private final SiteFiles site;
    private final Map<String, Parsed> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > KEPT;
        }
    };

    BakedFormPages(SiteFiles site) {
        this.site = site;
    }

    /** A parsed page as it was on disk when it was read. Copied under its own lock: Jsoup's nodes keep caches. */
    private record Parsed(FileTime modified, long size, Document page) {
        Document copy() {
            synchronized (page) {
                return page.clone();
            }
        }
    }

    /**
     * A copy of the baked page at a site path ({@code /rumney/en/consent.html}).
     *
     * @return empty when the site has no such HTML page
     * @throws IOException when the page exists but cannot be read
     */
    Optional<Document> page(String sitePath) throws IOException {
        Optional<Path> file = site.page(sitePath);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class);
        Parsed found;
        synchronized (parsed) {
            found = parsed.get(sitePath);
        }
        if (found == null || !found.modified().equals(attributes.lastModifiedTime()) || found.size() != attributes.size()) {
            Document page = Jsoup.parse(file.get().toFile(), StandardCharsets.UTF_8.name());
            FormPageFiller.keepLinksRelativeTo(page, sitePath);
            found = new Parsed(attributes.lastModifiedTime(), attributes.size(), page);
            synchronized (parsed) {
                parsed.put(sitePath, found);
            }
        }
        return Optional.of(found.copy());
    }

    /**
     * A copy of the baked page that holds {@code form} in {@code language}.
     *
     * @return empty when the site has no such page (not built yet)
     * @throws UncheckedIOException when the page exists but cannot be read
     */
    Optional<Document> read(FormDefinition form, String language) {
        String sitePath = form.pages().get(language);
        if (sitePath == null) {
            return Optional.empty();
        }
        try {
            return page(sitePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baked page " + sitePath, e);
        }
    }
}
