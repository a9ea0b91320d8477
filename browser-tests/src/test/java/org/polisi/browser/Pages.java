package org.polisi.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Small things every journey does with a page. */
final class Pages {

    private Pages() {
    }

    static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Runs the action (a click, a key press) and waits until the browser has loaded the next page. */
    static void andWaitForNextPage(WebDriver driver, Runnable action) {
        WebElement before = driver.findElement(By.tagName("html"));
        action.run();
        waiting(driver).until(ExpectedConditions.stalenessOf(before));
        waiting(driver).until(ready -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) ready).executeScript("return document.readyState")));
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
}
