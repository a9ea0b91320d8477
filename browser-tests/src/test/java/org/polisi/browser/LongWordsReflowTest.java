package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;

/**
 * WCAG 1.4.10 Reflow at 360 CSS px: a long unbroken word never makes a page scroll sideways (issue: a
 * name of 100 × 'ŵ' overflowed the check page and the receipt, as a long word did in policy text and
 * tables). The one theme's CSS breaks a word that does not fit its line, wherever it is: typed answers on
 * the server's pages, and every kind of block of the site's pages, in both languages. A header cell keeps
 * its words whole by design (ADR 0044; {@link PhoneWidthTest} checks that), so none is lengthened here.
 */
@BrowserTest
class LongWordsReflowTest extends ServerAndBrowser {
    private static final int WIDTH = 360;
    private static final String LONG = "ŵ".repeat(100);
    private static final String FORM = "photo-objection";
    /** Appends the long word to every block of text a page can hold: text, lists, cells, headings, code, notices. */
    private static final String LENGTHEN = """
            var word = arguments[0];
            var blocks = document.querySelectorAll('main h1, main h2, main h3, main p, main li, main td, main dd, main dt,'
                + ' main pre, main caption, main .summary-list__value, main .summary-list__key, .site-footer p, .breadcrumbs li');
            var lengthened = 0;
            blocks.forEach(function (block) {
              if (block.closest('th')) { return; }   // a header cell keeps its words whole (ADR 0044)
              block.appendChild(document.createTextNode(' ' + word));
              lengthened++;
            });
            return lengthened;""";

    private static long overflow() {
        return ((Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
    }

    @TestFactory
    List<DynamicTest> aLongTypedNameNeverMakesTheCheckPageOrTheReceiptScrollSideways() {
        return List.of("en", "cy").stream().map(language -> DynamicTest.dynamicTest(language, () -> {
            PhoneWidthTest.width(browser, WIDTH);
            browser.get(server.url("/brynford/" + language + "/online-safety-policy.html"));
            Pages.byId(browser, FORM + "--pupil-names--1").sendKeys(LONG);
            Pages.byId(browser, FORM + "--parent-name").sendKeys(LONG);
            String box = FORM + "--not-agreed--work-online";
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", Pages.byId(browser, box));
            browser.findElement(By.cssSelector("label[for='" + box + "']")).click();
            Pages.andWaitForNextPage(browser, () -> browser.findElement(By.cssSelector(
                    "form[data-form-id='" + FORM + "'] button[type=submit]:not([name=add-another])")).click());

            assertTrue(browser.findElement(By.cssSelector(".summary-list--check")).getText().contains(LONG),
                    "the check page shows the name as typed: " + browser.getCurrentUrl());
            assertEquals(WIDTH, ((Number) browser.executeScript("return document.documentElement.clientWidth;")).intValue());
            assertEquals(0L, overflow(), "the check page is no wider than the screen");

            Pages.sendCheckedAnswers(browser);
            assertTrue(Pages.path(browser).startsWith("/forms/brynford/received/"), browser.getCurrentUrl());
            assertTrue(browser.findElement(By.tagName("main")).getText().contains(LONG), "the receipt shows the name");
            assertEquals(0L, overflow(), "the receipt is no wider than the screen");
        })).toList();
    }

    @Test
    void aLongWordInAnyBlockOfAPolicyNeverMakesThePageScrollSideways() {
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/rumney/en/online-safety-policy.html", "/rumney/cy/online-safety-policy.html",
                "/rumney/en/appendix-d-digital-images-consent.html", "/brynford/cy/online-safety-policy.html",
                "/holy-trinity/en/index.html")) {
            PhoneWidthTest.width(browser, WIDTH);
            browser.get(server.url(page));
            assertEquals(0L, overflow(), page + " before any word is lengthened");
            long blocks = ((Number) browser.executeScript(LENGTHEN, LONG)).longValue();
            assertTrue(blocks > 5, page + ": only " + blocks + " blocks found");
            long wider = overflow();
            if (wider > 0) {
                problems.add(page + ": " + wider + " px wider than the screen with a long word in each of " + blocks + " blocks");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theTestCanFailAnElementWiderThanTheScreenIsSeen() {
        PhoneWidthTest.width(browser, WIDTH);
        browser.get(server.url("/rumney/en/online-safety-policy.html"));
        browser.executeScript("var d = document.createElement('div'); d.style.width = '2000px'; d.textContent = 'x';"
                + "document.querySelector('main').appendChild(d);");
        assertTrue(overflow() > 0, "an element 2,000 px wide is measured as overflow");
    }
}
