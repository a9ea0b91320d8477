package org.polisi.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Small things every journey does with a page. */
final class Pages {

    private Pages() {
    }

    static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /**
     * Runs the action (a click, a key press) and waits until the browser has loaded the next page.
     * The old page is marked on its window object; a new document has no mark. (Waiting for an old
     * element to go stale is racy in Chromium: it may report the node as belonging to another
     * document instead of as stale.)
     */
    static void andWaitForNextPage(WebDriver driver, Runnable action) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        script.executeScript("window.polisiPreviousPage = true;");
        action.run();
        waiting(driver).until(ready -> {
            try {
                Object state = script.executeScript(
                        "return window.polisiPreviousPage === true ? 'old' : document.readyState;");
                return "complete".equals(state);
            } catch (WebDriverException stillNavigating) {
                return false;
            }
        });
    }

    static String language(WebDriver driver) {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    static String path(WebDriver driver) {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The element that has focus: what {@code document.activeElement} is. */
    static WebElement focused(WebDriver driver) {
        return driver.switchTo().activeElement();
    }

    static WebElement byId(WebDriver driver, String id) {
        return driver.findElement(By.id(id));
    }

    /**
     * On the check-your-answers page a consent or agreement form leads to (docs/adr/0052): presses its
     * "Send" button and waits for the receipt. Fails if the browser is not on such a page.
     */
    static void sendCheckedAnswers(WebDriver driver) {
        org.junit.jupiter.api.Assertions.assertTrue(path(driver).matches("/forms/[^/]+/[^/]+/check/[A-Za-z0-9_-]{43}"),
                "on the check-your-answers page: " + driver.getCurrentUrl());
        andWaitForNextPage(driver, () -> driver.findElement(By.cssSelector("main form[method=post] button[type=submit]")).click());
    }

    /**
     * Signs in through the staff sign-in page and its second factor's code page, as a member of
     * staff would: an account made with {@link PolisiServer#addStaff} (its password, a code from its
     * second factor). Ends on the page the server sends them to (the dashboard).
     */
    static void signIn(WebDriver driver, PolisiServer server, String email) {
        driver.get(server.url("/staff/login"));
        driver.findElement(By.id("login--email")).sendKeys(email);
        driver.findElement(By.id("login--password")).sendKeys(PolisiServer.PASSWORD);
        andWaitForNextPage(driver, () -> driver.findElement(By.cssSelector("main button[type=submit]")).click());
        driver.findElement(By.id("login--code")).sendKeys(server.secondFactorCode(email));
        andWaitForNextPage(driver, () -> driver.findElement(By.cssSelector("main button[type=submit]")).click());
    }
}
