package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;

/** A policy prints: Chromium's PDF of the page holds its title and every section heading, and none of the site's chrome. */
@BrowserTest
class PrintTest extends ServerAndBrowser {


    private static String words(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u00AD', ' ').replaceAll("[\\s\\u00A0]+", " ")
                .replace("- ", "").strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rumney/en/online-safety-policy.html", "/rumney/cy/online-safety-policy.html"})
    void aPolicyPrintsWithItsHeadings(String page) throws IOException {
        browser.get(server.url(page));
        String title = browser.findElement(By.tagName("h1")).getText();
        List<String> headings = browser.findElements(By.cssSelector("main .body h2")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
        assertTrue(headings.size() >= 3, "the policy has sections: " + headings);
        String skipLink = browser.findElement(By.cssSelector(".skip-link")).getAttribute("textContent");

        Pdf pdf = browser.print(new PrintOptions());
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        Path folder = Path.of(System.getProperty("polisi.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Files.write(folder.resolve("print" + page.replace('/', '-').replace(".html", ".pdf")), bytes);
        String text;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            text = words(new PDFTextStripper().getText(document));
        }
        String printed = text;
        List<String> missing = headings.stream().map(PrintTest::words).filter(heading -> !printed.contains(heading)).toList();
        assertTrue(printed.contains(words(title)), "the PDF has the title " + title);
        assertTrue(missing.isEmpty(), "headings missing from the printed " + page + ": " + missing);
        assertTrue(!printed.contains(words(skipLink)), "the skip link is not printed");
    }
}
