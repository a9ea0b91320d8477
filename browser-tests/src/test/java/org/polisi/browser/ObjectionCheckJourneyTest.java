package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 20: a notice of objection (Brynford's photographs, ADR 0057) went straight to the record. It
 * now goes through "Check your answers" like a consent (ADR 0052): "Continue", each question with the
 * answer as given and a "Change" link, then "Send" to the receipt. In English and Welsh, at 390 px and
 * 1,280 px, axe at 0 on the check page, nothing wider than the screen.
 */
@BrowserTest
class ObjectionCheckJourneyTest extends ServerAndBrowser {

    private static final String FORM = "photo-objection";

    @TestFactory
    List<DynamicTest> aNoticeIsCheckedBeforeItIsSent() {
        return PhoneWidthTest.inBothLanguagesAtBothWidths(browser, language -> journey(language));
    }

    private static void journey(String language) {
        browser.get(server.url("/brynford/" + language + "/online-safety-policy.html"));
        Pages.byId(browser, FORM + "--pupil-names--1").sendKeys("Alys Jones");
        Pages.byId(browser, FORM + "--parent-name").sendKeys("Rhian Jones");
        String box = FORM + "--not-agreed--work-online";
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                Pages.byId(browser, box));
        browser.findElement(By.cssSelector("label[for='" + box + "']")).click();
        WebElement button = browser.findElement(By.cssSelector(
                "form[data-form-id='" + FORM + "'] button[type=submit]:not([name=add-another])"));
        assertEquals(language.equals("en") ? "Continue" : "Parhau", button.getText());
        Pages.andWaitForNextPage(browser, button::click);

        assertTrue(Pages.path(browser).matches("/forms/brynford/" + FORM + "/check/[A-Za-z0-9_-]{43}"),
                browser.getCurrentUrl());
        assertEquals(language, Pages.language(browser));
        String answers = browser.findElement(By.cssSelector(".summary-list--check")).getText();
        assertTrue(answers.contains("Alys Jones") && answers.contains(language.equals("en")
                ? "My child's work appearing online" : "Gwaith fy mhlentyn"), answers);
        List<WebElement> rows = browser.findElements(By.cssSelector(".summary-list--check .summary-list__row"));
        assertTrue(rows.stream().allMatch(row -> row.findElements(By.cssSelector(".summary-list__actions a")).size() == 1),
                "every answer has its Change link");
        String violations = Axe.violations(browser);
        assertTrue(violations.isEmpty(), "axe on the notice's check page:\n" + violations);
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "no horizontal scrolling");

        Pages.sendCheckedAnswers(browser);
        assertTrue(Pages.path(browser).startsWith("/forms/brynford/received/"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.cssSelector(".withdraw-link a")).getText()
                .startsWith(language.equals("en") ? "Change this notice" : "Newid yr hysbysiad hwn"));
    }
}
