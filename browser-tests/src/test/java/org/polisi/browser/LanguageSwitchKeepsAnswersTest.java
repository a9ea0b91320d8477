package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Switching language on a form's page keeps what was typed (issue: answers were kept only once a
 * draft existed; the header's language link on the static page lost them without a word). Each form
 * has a "Fill in this form in Welsh / English" button that sends what was typed to a draft shown in
 * the other language, without JavaScript; with it, the header's language link presses that button once
 * something is typed, and is a plain link otherwise. Both directions, with and without JavaScript.
 */
@BrowserTest
class LanguageSwitchKeepsAnswersTest {
    private static final String FORM = ConsentFormSteps.FORM;
    private static final String NAME = "Siân Ŵyn-Jones";
    private static PolisiServer server;
    private static ChromeDriver scripted;
    private static ChromeDriver plain;

    @BeforeAll
    static void start() {
        server = PolisiServer.start(BakedSites.get());
        scripted = Chromium.options().start();
        plain = Chromium.options().withoutJavaScript().start();
    }

    @AfterAll
    static void stop() {
        ServerAndBrowser.stop(scripted, null);
        ServerAndBrowser.stop(plain, server);
    }

    private static String other(String language) {
        return language.equals("en") ? "cy" : "en";
    }

    /** Types into the form on the static page: a name, a child, a year group and one consent. */
    private static void typeSome(ChromeDriver browser, String language) {
        browser.get(server.url("/rumney/" + language + "/" + ConsentFormSteps.PAGE));
        assertEquals(language, Pages.language(browser));
        Pages.byId(browser, FORM + "--parent-name").sendKeys(NAME);
        Pages.byId(browser, FORM + "--pupil-names--1").sendKeys("Gruffydd");
        new ConsentFormSteps(browser).choose(Pages.byId(browser, FORM + "--consent--learning-and-publicity"));
    }

    /** The form in {@code language} on the server's draft page, with every answer typed. */
    private static void assertKeptIn(ChromeDriver browser, String language) {
        assertTrue(Pages.path(browser).matches("/forms/rumney/" + FORM + "/answers/[A-Za-z0-9_-]{43}"), browser.getCurrentUrl());
        assertEquals(language, Pages.language(browser));
        assertEquals(NAME, Pages.byId(browser, FORM + "--parent-name").getAttribute("value"));
        assertEquals("Gruffydd", Pages.byId(browser, FORM + "--pupil-names--1").getAttribute("value"));
        assertTrue(Pages.byId(browser, FORM + "--consent--learning-and-publicity").isSelected());
        assertTrue(browser.findElements(By.cssSelector(".error-summary a")).isEmpty(), "nothing is checked: no errors yet");
        assertEquals(language.equals("en") ? "Continue" : "Parhau", browser.findElement(By.cssSelector(
                "form[data-form-id='" + FORM + "'] button.button[type=submit]:not([name])")).getText());
    }

    @TestFactory
    List<DynamicTest> withoutJavaScriptTheFormsOwnButtonOpensItInTheOtherLanguageWithTheAnswers() {
        return List.of("en", "cy").stream().map(language -> DynamicTest.dynamicTest(language + " to " + other(language), () -> {
            plain.get("data:text/html,<title>before</title><script>document.title='after'</script>");
            assertEquals("before", plain.getTitle(), "this browser runs no script");
            typeSome(plain, language);
            var button = plain.findElement(By.cssSelector("form[data-form-id='" + FORM + "'] button[name=switch-language]"));
            assertEquals(other(language), button.getAttribute("lang"));
            assertEquals(language.equals("en") ? "Llenwi'r ffurflen hon yn Gymraeg: bydd eich atebion yn cael eu cadw"
                    : "Fill in this form in English: your answers are kept", button.getText());
            Pages.andWaitForNextPage(plain, button::click);
            assertKeptIn(plain, other(language));
        })).toList();
    }

    @TestFactory
    List<DynamicTest> withJavaScriptTheHeadersLanguageLinkKeepsTheAnswersOnceSomethingIsTyped() {
        return List.of("en", "cy").stream().map(language -> DynamicTest.dynamicTest(language + " to " + other(language), () -> {
            typeSome(scripted, language);
            Pages.andWaitForNextPage(scripted, () -> scripted.findElement(
                    By.cssSelector(".language-toggle a[hreflang='" + other(language) + "']")).click());
            assertKeptIn(scripted, other(language));
        })).toList();
    }

    @Test
    void withNothingTypedTheHeadersLanguageLinkIsAPlainLink() {
        scripted.get(server.url("/rumney/en/" + ConsentFormSteps.PAGE));
        Pages.andWaitForNextPage(scripted, () -> scripted.findElement(By.cssSelector(".language-toggle a[hreflang='cy']")).click());
        assertEquals("/rumney/cy/" + ConsentFormSteps.PAGE, Pages.path(scripted));
    }
}
