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

        String text = madeAndReadBack(source, folder.resolve("page.pdf"));
        assertTrue(text.contains("ar y dudalen hon o wefan yr ysgol"), text);
        assertTrue(text.contains("rumney.example.org"), text);
    }

    /** Makes {@code source} into a real PDF at {@code file}, checks it with veraPDF, and returns its text, spaces run together. */
    private static String madeAndReadBack(Document source, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            new PdfWriter().write(source, file.getParent().toUri().toString(), out);
        }
        assertEquals(List.of(), PdfUa.failures(file));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    @Test
    void withoutAnAddressTheSentenceSaysOnlyThatItIsOnline() {
        Map<String, String> english = bundle("en");
        Document source = PdfSource.of(Jsoup.parse(PAGE.formatted("en", "")), english);
        assertEquals(english.get("pdf.form-online.no-address"), source.selectFirst("p.notice").text());
        assertTrue(english.get("pdf.form-online").contains("{address}"));
    }

    private static final String AGREEMENT = """
            <!DOCTYPE html><html lang="%s"><head><title>Appendix E</title></head>
            <body><main><h1>Appendix E</h1><div class="body"><p>The rules above apply.</p></div>
            <section class="polisi-form"><h2>Staff agreement</h2>
            <form method="post" action="/forms/rumney/staff-volunteer-agreement">
            <input type="hidden" name="form-version" value="aa04ccc598dc">
            <div class="form-group"><label for="n">Your full name</label><input id="n" name="n"></div>
            <div class="declaration"><p>I have read and understand the above and agree to use the systems within these guidelines.</p></div>
            <div class="consent" role="group"><h3 class="heading">Your consent</h3>
            <div class="form-group"><fieldset class="fieldset"><legend class="legend">The school may use my child's photo in the newsletter.</legend>
            <div class="radios"><input type="radio" id="a" name="c"><label for="a">I give consent</label>
            <input type="radio" id="b" name="c"><label for="b">I do not give consent</label></div></fieldset></div>
            <div class="form-group"><fieldset class="fieldset"><legend class="legend">The school may film my child for the website.</legend></fieldset></div>
            </div>
            <div class="form-group" data-field="promise"><fieldset class="fieldset"><legend class="legend">Your own images (optional)</legend>
            <div class="checkboxes"><div class="checkboxes__item"><input type="checkbox" id="p" name="promise">
            <label class="label checkboxes__label" for="p">I agree to keep to these guidelines with my own images.</label></div></div></fieldset></div>
            <div class="form-group" data-field="kinds"><fieldset class="fieldset"><legend class="legend">What happened</legend>
            <div class="checkboxes"><input type="checkbox" id="k1" name="kinds"><label for="k1">Bullying</label>
            <input type="checkbox" id="k2" name="kinds"><label for="k2">Other</label></div></fieldset></div>
            <button>Continue</button></form></section></main></body></html>""";

    @Test
    void whatIsAgreedToAndTheFormsVersionStayOnPaper(@TempDir Path folder) throws Exception {
        Map<String, String> english = bundle("en");
        Document source = PdfSource.of(Jsoup.parse(AGREEMENT.formatted("en")), english);
        assertEquals(0, source.select("form, input, button, label").size());
        assertEquals("I have read and understand the above and agree to use the systems within these guidelines.",
                source.selectFirst("div.declaration").text());
        assertEquals(List.of("The school may use my child's photo in the newsletter.", "The school may film my child for the website."),
                source.select("div.consent li").eachText());
        assertEquals("Your consent", source.selectFirst("div.consent h3").text());
        assertEquals(List.of("Your own images (optional)", "I agree to keep to these guidelines with my own images."),
                source.select("div.promise p").eachText());
        assertEquals(1, source.select("div.promise").size(), "a choice of several boxes is not something agreed to");
        assertTrue(source.text().indexOf("Bullying") < 0, source.text());
        assertTrue(source.selectFirst("p.notice").text().endsWith(english.get("pdf.form-version").replace("{version}", "aa04ccc598dc")),
                source.selectFirst("p.notice").text());

        String text = madeAndReadBack(source, folder.resolve("agreement.pdf"));
        assertTrue(text.contains("agree to use the systems within these guidelines."), text);
        assertTrue(text.contains("The school may film my child for the website."), text);
        assertTrue(text.contains("aa04ccc598dc"), text);
    }

    private static Map<String, String> bundle(String language) {
        return Messages.load(Fixtures.projectRoot().resolve("themes/default/i18n"), language).all();
    }
}
