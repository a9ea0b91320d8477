package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The re-shown form's page: parsed once, copied for each request, read again when the site is rebuilt. */
class BakedFormPagesTest {

    private static Path page(Path site, String title) throws Exception {
        Path file = site.resolve("school/en/form.html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<!DOCTYPE html><html lang=en><head><title>" + title + "</title>"
                + "<link rel=stylesheet href=\"../../assets/polisi.css\"></head><body><main><form>"
                + "<input name=a id=a></form><a href=\"#a\">here</a><a href=\"other.html\">other</a></main></body></html>");
        return file;
    }

    @Test
    void eachRequestGetsItsOwnCopyWithRootRelativeLinks(@TempDir Path site) throws Exception {
        page(site, "Consent");
        BakedFormPages pages = new BakedFormPages(new SiteFiles(site));

        Document first = pages.page("/school/en/form.html").orElseThrow();
        assertEquals("/assets/polisi.css", first.selectFirst("link").attr("href"));
        assertEquals("/school/en/other.html", first.select("a").get(1).attr("href"));
        assertEquals("#a", first.select("a").get(0).attr("href"), "in-page links stay as they are");
        first.title("Error: Consent");
        first.getElementById("a").attr("value", "typed by the first parent");

        Document second = pages.page("/school/en/form.html").orElseThrow();
        assertEquals("Consent", second.title(), "a copy changed by one request is not the next one's");
        assertEquals("", second.getElementById("a").attr("value"));
    }

    @Test
    void aRebuiltPageIsReadAgain(@TempDir Path site) throws Exception {
        Path file = page(site, "Consent");
        BakedFormPages pages = new BakedFormPages(new SiteFiles(site));
        assertEquals("Consent", pages.page("/school/en/form.html").orElseThrow().title());

        page(site, "Consent, updated");
        assertEquals("Consent, updated", pages.page("/school/en/form.html").orElseThrow().title(), "new size");

        page(site, "Consent, changed");   // same length: only the modification time tells
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertEquals("Consent, changed", pages.page("/school/en/form.html").orElseThrow().title(), "new time");
    }

    @Test
    void aPageThatIsNotThereOrNotHtmlIsEmpty(@TempDir Path site) throws Exception {
        page(site, "Consent");
        Files.writeString(site.resolve("school/en/notes.txt"), "not a page");
        BakedFormPages pages = new BakedFormPages(new SiteFiles(site));
        assertTrue(pages.page("/school/en/missing.html").isEmpty());
        assertTrue(pages.page("/school/en/notes.txt").isEmpty());
        assertTrue(pages.page("/school/../../etc/passwd").isEmpty());
    }
}
