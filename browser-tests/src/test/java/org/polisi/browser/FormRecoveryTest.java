package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 20, faults 2 and 3, in both languages at a phone's width (390 px) and a desktop's: each error
 * names its own question, following a summary link puts the question in view and focuses its answer,
 * the focused summary keeps AA contrast (measured), and pupils are added one box at a time, with
 * JavaScript (here) and without it (the server shows the form again).
 */
@BrowserTest
class FormRecoveryTest extends ServerAndBrowsers {

    /** The contrast ratio (WCAG 2.2, relative luminance) of an element's text against the first opaque background behind it. */
    static final String CONTRAST = """
            function rgb(c) { return c.match(/[\\d.]+/g).map(Number); }
            function lum(c) { var v = rgb(c).slice(0, 3).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
              return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
            var el = arguments[0], fg = getComputedStyle(el).color, bg = 'rgb(255, 255, 255)';
            for (var n = el; n; n = n.parentElement) { var b = getComputedStyle(n).backgroundColor, a = rgb(b);
              if (a.length < 4 || a[3] > 0) { bg = b; break; } }
            var l1 = lum(fg), l2 = lum(bg);
            return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);""";

    @TestFactory
    List<DynamicTest> errorRecoveryInBothLanguagesAtBothWidths() {
        return List.of("en", "cy").stream().flatMap(language -> List.of(390, 1280).stream().map(width ->
                DynamicTest.dynamicTest(language + " at " + width + " px", () -> recover(language, width)))).toList();
    }

    private void recover(String language, int width) {
        PhoneWidthTest.width(browser, width);
        browser.get(server.url("/rumney/" + language + "/" + ConsentFormSteps.PAGE));
        ConsentFormSteps form = new ConsentFormSteps(browser);
        // Nothing answered at all: every statement missing, one message each.
        form.send();
        List<String> messages = browser.findElements(By.cssSelector(".error-summary__list a")).stream()
                .map(WebElement::getText).toList();
        assertEquals(messages.size(), new HashSet<>(messages).size(), "each message names its own question: " + messages);
        assertTrue(messages.size() >= 7, "name, pupil, year group and five statements: " + messages);

        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        assertEquals(summary, Pages.focused(browser), "the summary has focus");
        for (WebElement link : summary.findElements(By.tagName("a"))) {
            double ratio = ((Number) browser.executeScript(CONTRAST, link)).doubleValue();
            assertTrue(ratio >= 4.5, "the focused summary's link '" + link.getText() + "' has contrast " + ratio + ":1");
        }
        String violations = Axe.violations(browser);
        assertTrue(violations.isEmpty(), "axe on the re-shown form with its summary focused:\n" + violations);

        WebElement last = summary.findElements(By.tagName("a")).get(messages.size() - 1);
        String input = last.getDomAttribute("data-input");
        last.click();
        WebElement legend = Pages.byId(browser, last.getDomAttribute("href").substring(1));
        assertAll(() -> assertEquals("legend", legend.getTagName()),
                () -> assertTrue(ConsentFormSteps.inView(browser, legend), "the question is in view"),
                () -> assertEquals(input, Pages.focused(browser).getDomAttribute("id"), "its first answer has focus"),
                () -> assertTrue(ConsentFormSteps.inView(browser, Pages.focused(browser)), "and is in view"));
    }

    @Test
    void pupilsAreAddedOneBoxAtATimeWithJavaScript() {
        for (String language : List.of("en", "cy")) {
            PhoneWidthTest.width(browser, 390);
            browser.get(server.url("/rumney/" + language + "/" + ConsentFormSteps.PAGE));
            String url = browser.getCurrentUrl();
            By boxes = By.cssSelector("input[name='pupil-names']");
            assertEquals(1, browser.findElements(boxes).size(), "one box to start with");
            Pages.byId(browser, ConsentFormSteps.FORM + "--pupil-names--1").sendKeys("Gruffydd Jones");
            browser.findElement(By.cssSelector("button[name='add-another']")).click();
            assertEquals(url, browser.getCurrentUrl(), "added here, not by the server");
            assertEquals(2, browser.findElements(boxes).size());
            assertEquals(ConsentFormSteps.FORM + "--pupil-names--2", Pages.focused(browser).getDomAttribute("id"));
            assertEquals(language.equals("cy") ? "Disgybl 2" : "Pupil 2", browser.findElement(
                    By.cssSelector("label[for='" + ConsentFormSteps.FORM + "--pupil-names--2']")).getText());
            for (int n = 3; n <= 6; n++) {
                browser.findElement(By.cssSelector("button[name='add-another']")).click();
            }
            assertEquals(6, browser.findElements(boxes).size(), "up to the form's maximum");
            assertTrue(browser.findElements(By.cssSelector("button[name='add-another']")).isEmpty(), "then no button");
            String violations = Axe.violations(browser);
            assertTrue(violations.isEmpty(), violations);
        }
    }

    @Test
    void pupilsAreAddedOneBoxAtATimeWithoutJavaScript() {
        for (String language : List.of("en", "cy")) {
            noScript.get(server.url("/rumney/" + language + "/" + ConsentFormSteps.PAGE));
            Pages.byId(noScript, ConsentFormSteps.FORM + "--parent-name").sendKeys("Siân Jones");
            Pages.byId(noScript, ConsentFormSteps.FORM + "--pupil-names--1").sendKeys("Gruffydd Jones");
            Pages.andWaitForNextPage(noScript, () -> noScript.findElement(By.cssSelector("button[name='add-another']")).click());
            By boxes = By.cssSelector("input[name='pupil-names']");
            assertAll(language,
                    () -> assertEquals(2, noScript.findElements(boxes).size()),
                    () -> assertEquals("Gruffydd Jones", Pages.byId(noScript, ConsentFormSteps.FORM + "--pupil-names--1").getAttribute("value")),
                    () -> assertEquals("Siân Jones", Pages.byId(noScript, ConsentFormSteps.FORM + "--parent-name").getAttribute("value")),
                    () -> assertEquals(ConsentFormSteps.FORM + "--pupil-names--2", Pages.focused(noScript).getDomAttribute("id")),
                    () -> assertTrue(noScript.findElements(By.cssSelector(".error-summary")).isEmpty(), "no errors yet"),
                    () -> assertEquals(language, Pages.language(noScript)));
        }
    }
}
