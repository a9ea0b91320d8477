package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A parent withdrawing consent on Rumney's withdraw-consent page (issue 14): the reference (or none),
 * their name and the child's, the consent form; then, on the server's second page, the statements.
 * Clicks labels and buttons as a person does; works with and without JavaScript.
 */
final class WithdrawalSteps {

    static final String FORM = "consent-withdrawal";
    static final String PAGE = "withdraw-consent.html";

    private final WebDriver driver;

    WithdrawalSteps(WebDriver driver) {
        this.driver = driver;
    }

    /** The first page: reference (empty for none), names, and the images consent form. */
    void firstPage(String reference, String parent, String child) {
        Pages.byId(driver, FORM + "--reference").sendKeys(reference);
        Pages.byId(driver, FORM + "--parent-name").sendKeys(parent);
        Pages.byId(driver, FORM + "--pupil-names--1").sendKeys(child);
        WebElement consentForm = Pages.byId(driver, FORM + "--consent-form");
        driver.findElement(By.cssSelector("label[for='" + consentForm.getAttribute("id") + "']")).click();
        assertTrue(consentForm.isSelected());
        Pages.andWaitForNextPage(driver, () -> driver.findElement(
                By.cssSelector("form[data-form-id='" + FORM + "'] button[type=submit]:not([name=add-another])")).click());
        // issue 20: the second page has an address of its own (post/redirect/get, docs/adr/0052) that a reload keeps
        String second = driver.getCurrentUrl();
        assertTrue(Pages.path(driver).matches("/forms/rumney/" + FORM + "/statements/[A-Za-z0-9_-]{43}"), second);
        driver.navigate().refresh();
        assertEquals(second, driver.getCurrentUrl());
    }

    /** The second page's checkbox labels, in order ("all of them" first). */
    List<String> choices() {
        return driver.findElements(By.cssSelector(".checkboxes label")).stream().map(WebElement::getText).toList();
    }

    /** Ticks the statements (ids of the consent form's statements) and sends the withdrawal. */
    void withdraw(String... statements) {
        for (String statement : statements) {
            String id = FORM + "--withdraw--consent-" + statement;
            driver.findElement(By.cssSelector("label[for='" + id + "']")).click();
            assertTrue(driver.findElement(By.id(id)).isSelected(), id);
        }
        Pages.andWaitForNextPage(driver, () -> driver.findElement(
                By.cssSelector("form[data-form-id='" + FORM + "'] button[type=submit]:not([name=add-another])")).click());
        assertTrue(Pages.path(driver).startsWith("/forms/rumney/received/"), "sent: " + driver.getCurrentUrl());
    }

    /** The receipt's "consents withdrawn" row. */
    String withdrawnOnReceipt() {
        return driver.findElements(By.cssSelector(".receipt .summary-list__row")).stream()
                .filter(row -> row.findElement(By.tagName("dt")).getText().matches("Consents withdrawn|Caniatadau a dynnwyd yn ôl"))
                .map(row -> row.findElement(By.tagName("dd")).getText()).findFirst().orElse("");
    }

    static void assertLanguage(WebDriver driver, String language) {
        assertEquals(language, Pages.language(driver));
    }
}
