package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 20, "a receipt that lasts" (docs/adr/0060): where a mail server is set, a consent's receipt
 * offers a copy by e-mail, the reason given; an address that is not one is refused with the GOV.UK
 * error and what was typed kept; a good one leads back to the receipt, which says the copy waits to
 * be sent and puts no address in its URL. In English and Welsh, at 390 px and 1,280 px, axe at 0.
 * (The copy's sending and its words are tested with a real SMTP server in the forms server's
 * ReceiptCopiesTest; here nothing listens on the mail port, and no round runs.)
 */
@BrowserTest
class ReceiptCopyJourneyTest {

    private static PolisiServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        int nothingListens;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        server = PolisiServer.start(BakedSites.get(), Map.of("alerts.smtp-host", "127.0.0.1",
                "alerts.smtp-port", nothingListens, "alerts.smtp-starttls", false,
                "alerts.from", "polisi@rumney.example", "alerts.interval-seconds", 3600));
        browser = Chromium.options().start();
    }

    @AfterAll
    static void stop() {
        ServerAndBrowser.stop(browser, server);
    }

    @TestFactory
    List<DynamicTest> aCopyByEmailFromTheReceipt() {
        return PhoneWidthTest.inBothLanguagesAtBothWidths(browser, language -> journey(language));
    }

    private static void journey(String language) {
        browser.get(server.url("/rumney/" + language + "/" + ConsentFormSteps.PAGE));
        ConsentFormSteps form = new ConsentFormSteps(browser);
        form.fillEverythingGiven("Gruffydd Morgan");
        form.send();
        form.checkAndSend();
        form.assertConfirmation(language);

        WebElement copy = browser.findElement(By.id("receipt-copy"));
        assertEquals(language.equals("cy") ? "Cael copi drwy e-bost" : "Get a copy by email",
                copy.findElement(By.tagName("h2")).getText());
        assertTrue(Pages.byId(browser, "receipt-copy-hint").getText().startsWith(
                language.equals("cy") ? "Er mwyn i chi gael copi" : "So that you have a copy"));
        axe("the receipt with its offer of a copy");
        assertFitsTheWidth();

        WebElement address = Pages.byId(browser, "receipt-copy-email");
        address.sendKeys("not an address");
        Pages.andWaitForNextPage(browser, () -> copy.findElement(By.cssSelector("button")).click());
        assertTrue(browser.getTitle().startsWith(language.equals("cy") ? "Gwall:" : "Error:"), browser.getTitle());
        assertEquals("not an address", Pages.byId(browser, "receipt-copy-email").getAttribute("value"),
                "what was typed is kept");
        browser.findElement(By.cssSelector(".error-summary__list a")).click();
        assertEquals("receipt-copy-email", Pages.focused(browser).getAttribute("id"),
                "the summary's link goes to the field");
        axe("the receipt with a refused address");

        WebElement again = Pages.byId(browser, "receipt-copy-email");
        again.clear();
        again.sendKeys("rhiant@example.org");
        Pages.andWaitForNextPage(browser, () -> browser.findElement(By.cssSelector("#receipt-copy button")).click());
        assertFalse(browser.getCurrentUrl().contains("example.org"), browser.getCurrentUrl());
        assertEquals(language.equals("cy") ? "Mae copi yn aros i’w anfon drwy e-bost i’r cyfeiriad a roesoch."
                : "A copy is waiting to be emailed to the address you gave.",
                browser.findElement(By.cssSelector(".receipt-copy__state")).getText());
        browser.navigate().refresh();
        assertEquals(1, browser.findElements(By.cssSelector(".receipt-copy__state")).size(),
                "a reload shows the same state and asks for nothing again");
        axe("the receipt with a copy waiting");
    }

    private static void axe(String what) {
        String violations = Axe.violations(browser);
        assertTrue(violations.isEmpty(), "axe on " + what + ":\n" + violations);
    }

    private static void assertFitsTheWidth() {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "no horizontal scrolling");
    }
}
