package org.polisi.site.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kinds of markup a policy page carries that PDF/UA-1 is strict about, each made into a real
 * PDF and checked with veraPDF: a header-only table (a blank log), a table with head, body and
 * foot, links to the web and by e-mail, links to other pages of the site, and Welsh letters.
 */
class PdfSourceTest {
    private static final String PAGE = """
            <!DOCTYPE html><html lang="cy"><head><title>Polisi diogelwch ar-lein – Ysgol Gynradd Rhymni</title></head>
            <body><header><a class="site-header__name" href="index.html">Ysgol Gynradd Rhymni</a></header>
            <nav class="breadcrumbs"><a href="index.html">Hafan</a></nav>
            <main><h1>Polisi diogelwch ar-lein</h1>
            <nav class="contents"><h2 class="contents__title">Cynnwys</h2><a href="#cofnod">Cofnod</a></nav>
            <div class="body">
            <div class="sect1"><h2 id="cofnod">Cofnod digwyddiadau</h2>
            <p>Mae'r ŵyn a'r ŷd yn y <a href="atodiad-b.html">tabl isod</a>; gweler <a href="https://www.gov.wales/">Llywodraeth Cymru</a>
            neu <a href="mailto:swyddfa@example.org">swyddfa@example.org</a>.</p>
            <table><thead><tr><th>Dyddiad</th><th>Digwyddiad</th></tr></thead></table>
            <h3 id="crynodeb">Crynodeb</h3>
            <table><thead><tr><th>Grŵp</th><th>Nifer</th></tr></thead><tbody><tr><td>Disgyblion</td><td>3</td></tr></tbody>
            <tfoot><tr><td>Cyfanswm</td><td>3</td></tr></tfoot></table>
            </div></div>
            <form method="post" action="/forms/x"><button>Anfon</button></form>
            <p class="back-link"><a href="index.html">Yn ôl</a></p>
            </main></body></html>
            """;

    @Test
    void theSourceKeepsThePageAndLeavesOutWhatOnlyWorksInABrowser() {
        Document source = PdfSource.of(Jsoup.parse(PAGE));
        assertEquals("cy", source.selectFirst("html").attr("lang"));
        assertEquals("Polisi diogelwch ar-lein – Ysgol Gynradd Rhymni", source.title());
        assertEquals("Ysgol Gynradd Rhymni", source.selectFirst("body > p.school").text());
        assertNull(source.selectFirst("form, nav, .back-link, button"));
        assertNull(source.selectFirst("a[href=atodiad-b.html]"), "a link to another page of the site is unwrapped");
        assertTrue(source.body().text().contains("tabl isod"), "its text stays");
        assertEquals("Llywodraeth Cymru", source.selectFirst("a[href=https://www.gov.wales/]").attr("title"));
        assertNotNull(source.selectFirst("a[href^=mailto:]"));
        assertNotNull(source.selectFirst("table:not(:has(thead)) > tbody > tr > th"), "the blank log's header row is its body's");
        assertNotNull(source.selectFirst("table > thead + tbody + tfoot"), "a whole table is kept as it is");
        List<String> bookmarks = source.select("head bookmarks > bookmark").eachAttr("name");
        assertEquals(List.of("Cofnod digwyddiadau"), bookmarks);
        assertEquals("Crynodeb", source.selectFirst("bookmark > bookmark").attr("name"));
    }

    @Test
    void itsPdfPassesVeraPdfAndDescribesItsLinks(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("polisi.pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            new PdfWriter().write(PdfSource.of(Jsoup.parse(PAGE)), folder.toUri().toString(), out);
        }
        assertEquals(List.of(), PdfUa.failures(file));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Mae'r ŵyn a'r ŷd"), "Welsh letters as real text: " + text);
            assertFalse(text.contains("Anfon"));
            List<String> contents = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    contents.add(annotation.getContents());
                }
            }
            assertEquals(List.of("Llywodraeth Cymru", "swyddfa@example.org"), contents);
        }
    }
}
