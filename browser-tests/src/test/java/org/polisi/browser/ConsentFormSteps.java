package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A parent filling in Rumney's digital and video images consent (appendix D), as the Welsh and the
 * no-script journeys both do: everything but one answer, then the missing answer.
 */
final class ConsentFormSteps {

    static final String FORM = "digital-images-consent";
    static final String PAGE = "appendix-d-digital-images-consent.html";
    /** The consent statements; the parent's promise (statement 2 of the paper form) is a checkbox to tick, not a consent. */
    static final List<String> STATEMENTS = List.of("learning-and-publicity",
            "local-or-national-paper", "individual-photo-website", "group-photo-website");
    /** The statement the parent forgets. */
    static final String FORGOTTEN = "group-photo-website";

    private final WebDriver driver;

    ConsentFormSteps(WebDriver driver) {
        this.driver = driver;
    }

    private WebElement field(String suffix) {
        return Pages.byId(driver, FORM + "--" + suffix);
    }

    /** Name, child, every statement but one (the third refused); the date of signing is the server's. */
    void fillAllButOneAnswer() {
        field("parent-name").sendKeys("Siân Jones");
        field("pupil-names--1").sendKeys("Gruffydd Jones");
        new org.openqa.selenium.support.ui.Select(field("year-group")).selectByValue("year-3");
        for (String statement : STATEMENTS) {
            if (statement.equals(FORGOTTEN)) {
                continue;
            }
            String suffix = statement.equals("local-or-national-paper") ? "--refused" : "";
            choose(field("consent--" + statement + suffix));
        }
    }

    /**
     * Types a recent date whose day and month are the same number (11/11, 3/3): the same keys work
     * whether the browser's date field is day-first or month-first. Returns the ISO value.
     */
    static String typeDate(WebElement dateField) {
        LocalDate date = LocalDate.now();
        while (date.getDayOfMonth() != date.getMonthValue()) {
            date = date.minusDays(1);
        }
        dateField.sendKeys("%02d%02d%04d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear()));
        assertEquals(date.toString(), dateField.getAttribute("value"), "the date field took the typed date");
        return date.toString();
    }

    /** Clicks a radio's label, as a person does. */
    void choose(WebElement radio) {
        driver.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).click();
        assertTrue(radio.isSelected(), radio.getAttribute("id") + " is chosen");
    }

    void send() {
        Pages.andWaitForNextPage(driver, () -> driver.findElement(
                By.cssSelector("form[data-form-id='" + FORM + "'] button[type=submit]:not([name=add-another])")).click());
    }

    /** The error summary has focus and links to the missing answer; everything typed is still there. */
    void assertErrorPage(String titlePrefix) {
        WebElement summary = driver.findElement(By.cssSelector(".error-summary"));
        WebElement focused = Pages.focused(driver);
        String missing = FORM + "--consent--" + FORGOTTEN;
        List<String> links = summary.findElements(By.tagName("a")).stream().map(a -> a.getDomAttribute("href")).toList();
        assertAll(
                () -> assertTrue(driver.getTitle().startsWith(titlePrefix), "title: " + driver.getTitle()),
                () -> assertEquals(summary, focused, "document.activeElement is the error summary, not "
                        + focused.getTagName() + "#" + focused.getAttribute("id") + "." + focused.getAttribute("class")),
                () -> assertEquals(List.of("#" + missing + "--legend"), links,
                        "the summary links to the one missing question's legend"),
                () -> assertEquals(missing, summary.findElement(By.tagName("a")).getDomAttribute("data-input"),
                        "and names its first answer, which the script focuses"),
                () -> assertTrue(driver.findElement(By.cssSelector("[data-field='consent." + FORGOTTEN + "']"))
                        .getAttribute("class").contains("form-group--error"), "the field is marked"),
                () -> assertEquals("Siân Jones", field("parent-name").getAttribute("value")),
                () -> assertEquals("Gruffydd Jones", field("pupil-names--1").getAttribute("value")),
                () -> assertEquals("year-3", field("year-group").getAttribute("value")),
                () -> assertTrue(driver.findElements(By.id(FORM + "--date")).isEmpty(), "no typed date: the server records it"),
                () -> assertTrue(field("consent--learning-and-publicity").isSelected()),
                () -> assertTrue(field("consent--local-or-national-paper--refused").isSelected()),
                () -> assertTrue(field("consent--individual-photo-website").isSelected()));
    }

    /** Everything answered, every statement given: a consent the parent may later withdraw part of. */
    void fillEverythingGiven(String child) {
        field("parent-name").sendKeys("Nia Morgan");
        field("pupil-names--1").sendKeys(child);
        new org.openqa.selenium.support.ui.Select(field("year-group")).selectByValue("year-4");
        for (String statement : STATEMENTS) {
            choose(field("consent--" + statement));
        }
    }

    /** Follows the summary's link to the missing answer: its question (the legend) is in view; then gives it. */
    void answerTheMissingQuestion() {
        driver.findElement(By.cssSelector(".error-summary a")).click();
        WebElement legend = Pages.byId(driver, FORM + "--consent--" + FORGOTTEN + "--legend");
        assertTrue(inView(driver, legend), "the question's legend is in view after following the summary link");
        choose(field("consent--" + FORGOTTEN));
    }

    /** Whether the whole of {@code element} is inside the viewport. */
    static boolean inView(WebDriver driver, WebElement element) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                        + "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", element));
    }

    /**
     * The check-your-answers page the valid form led to: every statement is listed with its answer and
     * a "Change" link, in the page's language; then "Send" (docs/adr/0052).
     */
    void checkAndSend() {
        List<WebElement> rows = driver.findElements(By.cssSelector(".summary-list--check .summary-list__row"));
        assertTrue(rows.stream().allMatch(row -> row.findElements(By.cssSelector(".summary-list__actions a")).size() == 1),
                "every answer has its Change link");
        assertEquals(STATEMENTS.size(), driver.findElements(By.cssSelector(".summary-list__actions a")).stream()
                .filter(link -> link.getDomAttribute("href").contains("#" + FORM + "--consent--")).count(),
                "each statement is listed with its answer");
        Pages.sendCheckedAnswers(driver);
    }

    /** The confirmation page: its reference number. */
    String assertConfirmation(String language) {
        assertTrue(Pages.path(driver).startsWith("/forms/rumney/received/"), "confirmation at " + driver.getCurrentUrl());
        assertEquals(language, Pages.language(driver));
        String reference = driver.findElement(By.cssSelector(".confirmation-panel .reference")).getText().strip();
        assertTrue(reference.matches("[A-Z0-9]{6,}"), "a reference number: " + reference);
        return reference;
    }
}
