package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Issue 20, faults 2 and 3 (docs/adr/0052), in both languages at a phone's width (390 px) and a
 * desktop's, with axe at 0 on every page: the form shown again with its errors has an address that
 * survives a reload and a reopening; its language link leads to the same form in the other language
 * with the answers kept and the errors in that language; a valid consent leads to "Check your
 * answers", whose "Change" link puts the question in view, and only "Send" records it. The same
 * journey without JavaScript.
 */
@BrowserTest
class FormDraftJourneyTest extends ServerAndBrowsers {

    @TestFactory
    List<DynamicTest> reloadSwitchLanguageCheckAndSend() {
        return List.of("en", "cy").stream().flatMap(language -> List.of(390, 1280).stream().map(width ->
                DynamicTest.dynamicTest(language + " at " + width + " px", () -> {
                    PhoneWidthTest.width(browser, width);
                    journey(browser, language, true);
                }))).toList();
    }

    @TestFactory
    List<DynamicTest> theSameWithoutJavaScript() {
        return List.of("en", "cy").stream().map(language ->
                DynamicTest.dynamicTest(language, () -> journey(noScript, language, false))).toList();
    }

    private static void journey(WebDriver driver, String language, boolean axe) {
        String other = language.equals("en") ? "cy" : "en";
        driver.get(server.url("/rumney/" + language + "/" + ConsentFormSteps.PAGE));
        ConsentFormSteps form = new ConsentFormSteps(driver);
        form.fillAllButOneAnswer();
        form.send();

        // 1. The form again, at a GET address of its own, which a reload and a reopened tab both show.
        String answers = driver.getCurrentUrl();
        assertTrue(Pages.path(driver).matches("/forms/rumney/" + ConsentFormSteps.FORM + "/answers/[A-Za-z0-9_-]{43}"),
                answers);
        List<String> errors = errorMessages(driver);
        assertEquals(1, errors.size(), errors.toString());
        driver.navigate().refresh();
        assertEquals(answers, driver.getCurrentUrl());
        assertEquals(errors, errorMessages(driver), "a reload shows the same errors");
        driver.get("about:blank");
        driver.get(answers);
        assertStillTyped(driver, language);
        assertEquals(errors, errorMessages(driver), "a reopened address shows the same errors");
        axe(driver, axe, "the form again with its errors");
        assertValidAsSent(answers);

        // 2. The language link: the same form in the other language, the answers kept, the error in that language.
        Pages.andWaitForNextPage(driver, () -> driver.findElement(
                By.cssSelector("nav.language-toggle a[hreflang='" + other + "']")).click());
        assertStillTyped(driver, other);
        List<String> translated = errorMessages(driver);
        assertEquals(1, translated.size());
        assertNotEquals(errors, translated, "the error is in " + other);
        assertTrue(driver.getTitle().startsWith(other.equals("cy") ? "Gwall:" : "Error:"), driver.getTitle());
        axe(driver, axe, "the form again in the other language");

        // 3. Corrected: the answers to check, in the language of the page sent; nothing recorded yet.
        form.answerTheMissingQuestion();
        form.send();
        assertTrue(Pages.path(driver).contains("/check/"), driver.getCurrentUrl());
        assertEquals(other, Pages.language(driver));
        String check = driver.getCurrentUrl();
        assertTrue(driver.findElement(By.cssSelector(".summary-list--check")).getText().contains("Gruffydd Jones"));
        assertFitsTheWidth(driver);
        axe(driver, axe, "check your answers");
        assertValidAsSent(check);

        // "Change" the refused statement: its question is in view, the answer kept; change it and continue.
        WebElement change = driver.findElement(By.cssSelector(
                ".summary-list__actions a[href$='--consent--local-or-national-paper--question']"));
        Pages.andWaitForNextPage(driver, () -> change.click());
        WebElement question = Pages.byId(driver, ConsentFormSteps.FORM + "--consent--local-or-national-paper--question");
        assertTrue(topInView(driver, question), "the question to change is in view: its top at "
                + ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return arguments[0].getBoundingClientRect().top + ' of ' + window.innerHeight;", question));
        WebElement refused = Pages.byId(driver, ConsentFormSteps.FORM + "--consent--local-or-national-paper--refused");
        assertTrue(refused.isSelected(), "the answer given is kept");
        form.choose(Pages.byId(driver, ConsentFormSteps.FORM + "--consent--local-or-national-paper"));
        form.send();
        assertEquals(check, driver.getCurrentUrl(), "the same draft, checked again");

        form.checkAndSend();
        String reference = form.assertConfirmation(other);
        Map<String, String> stored = server.submission(reference).orElseThrow();
        assertAll(() -> assertEquals(other, stored.get("lang"), "recorded in the language of the page sent"),
                () -> assertTrue(stored.get("fields_json").contains("\"consent.local-or-national-paper\":\"given\""),
                        stored.get("fields_json")),
                () -> assertTrue(stored.get("fields_json").contains("Siân Jones"), stored.get("fields_json")));
        driver.get(check);
        assertEquals(check, driver.getCurrentUrl(), "the check page of a sent form stays where it is (issue 20)");
        String said = driver.findElement(By.tagName("main")).getText();
        assertTrue(said.contains(reference), "it says the form was sent, with its reference: " + said);
        assertTrue(!said.contains("Gruffydd Jones") && driver.findElements(By.cssSelector("a[href*='/received/']")).isEmpty(),
                "no answers and no receipt link: " + said);
        axe(driver, axe, "the page of a sent draft");
    }

    /**
     * The page as the server sends it, fetched by another client with no cookie (the address alone
     * opens it, as a reopened tab does), is valid HTML (the Nu checker).
     */
    private static void assertValidAsSent(String url) {
        try {
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), url);
            List<String> invalid = HtmlValidityTest.errorsIn(page.body());
            assertTrue(invalid.isEmpty(), "Nu Html Checker errors in " + url + ":\n" + String.join("\n", invalid));
        } catch (Exception e) {
            throw new AssertionError("cannot check " + url, e);
        }
    }

    private static List<String> errorMessages(WebDriver driver) {
        return driver.findElements(By.cssSelector(".error-summary__list a")).stream().map(WebElement::getText).toList();
    }

    private static void assertStillTyped(WebDriver driver, String language) {
        assertAll(() -> assertEquals(language, Pages.language(driver)),
                () -> assertEquals("Siân Jones", Pages.byId(driver, ConsentFormSteps.FORM + "--parent-name").getAttribute("value")),
                () -> assertEquals("Gruffydd Jones", Pages.byId(driver, ConsentFormSteps.FORM + "--pupil-names--1").getAttribute("value")),
                () -> assertEquals("year-3", Pages.byId(driver, ConsentFormSteps.FORM + "--year-group").getAttribute("value")),
                () -> assertTrue(Pages.byId(driver, ConsentFormSteps.FORM + "--consent--local-or-national-paper--refused").isSelected()));
    }

    private static void axe(WebDriver driver, boolean run, String what) {
        if (run) {   // once per page is enough: the no-script journey shows the same pages
            String violations = Axe.violations(driver);
            assertTrue(violations.isEmpty(), "axe on " + what + ":\n" + violations);
        }
    }

    private static void assertFitsTheWidth(WebDriver driver) {
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "nothing runs off the side of the screen");
    }

    private static boolean topInView(WebDriver driver, WebElement element) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                // a fragment puts the target's top at the viewport's top, give or take a sub-pixel rounding
                "var r = arguments[0].getBoundingClientRect(); return r.top > -2 && r.top < window.innerHeight;", element));
    }
}
