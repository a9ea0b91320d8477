package org.polisi.site.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.Fixtures;
import org.polisi.site.theme.Messages;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A form cannot be sent from a PDF, so in the PDF each form is one sentence, in the page's
 * language, saying that it is filled in online and where (tester 3's fault 16: the PDF said "the
 * form below" and had no form and no address). Made into a real PDF, read back and checked with
 * veraPDF.
 */
class PdfFormNoticeTest {
    private static final String PAGE = """
            <!DOCTYPE html><html lang="%s"><head><title>Appendix D</title>%s</head>
            <body><header><a class="site-header__name" href="index.html">Rumney Primary School</a></header>
            <main><h1>Appendix D</h1><div class="body"><div class="sect1"><h2 id="consent">Consent</h2>
            <p>In the form below, say whether you give consent.</p>
            <form method="post" action="/forms/rumney/digital-images-consent"><label for="n">Name</label><input id="n" name="n">
            <button>Send</button></form></div></div></main></body></html>""";

    @Test
    void eachFormBecomesOneSentenceWithThePagesAddressInItsLanguage(@TempDir Path folder) throws Exception {
        String address = "https://rumney.example.org/rumney/cy/appendix-d-digital-images-consent.html";
        Map<String, String> welsh = bundle("cy");
        Document source = PdfSource.of(Jsoup.parse(PAGE.formatted("cy", "<link rel=\"canonical\" href=\"" + address + "\">")), welsh);

        assertEquals(0, source.select("form, input, button").size());
        String expected = welsh.get("pdf.form-online").replace("{address}", address);
        assertEquals(expected, source.selectFirst("p.notice").text());
        assertEquals(address, source.selectFirst("p.notice a").attr("href"));

        Path file = folder.resolve("page.pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            new PdfWriter().write(source, folder.toUri().toString(), out);
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("ar y dudalen hon o wefan yr ysgol"), text);
            assertTrue(text.contains("rumney.example.org"), text);
        }
        assertEquals(List.of(), PdfUa.failures(file));
    }

    @Test
    void withoutAnAddressTheSentenceSaysOnlyThatItIsOnline() {
        Map<String, String> english = bundle("en");
        Document source = PdfSource.of(Jsoup.parse(PAGE.formatted("en", "")), english);
        assertEquals(english.get("pdf.form-online.no-address"), source.selectFirst("p.notice").text());
        assertTrue(english.get("pdf.form-online").contains("{address}"));
    }

    private static Map<String, String> bundle(String language) {
        return Messages.load(Fixtures.projectRoot().resolve("themes/default/i18n"), language).all();
    }
}
