package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** Journey 2: the same consent in English, in a browser whose JavaScript is switched off. */
@BrowserTest
class NoScriptConsentJourneyTest {

    private static PolisiServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        server = PolisiServer.start(BakedSites.get());
        browser = Chromium.options().withoutJavaScript().start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theBrowserReallyRunsNoScript() {
        browser.get("data:text/html,<title>before</title><script>document.title='after'</script>");
        assertEquals("before", browser.getTitle());
    }

    @Test
    void aParentGivesConsentInEnglishWithoutJavaScript() {
        browser.get(server.url("/rumney/en/online-safety-policy.html"));
        assertEquals("en", Pages.language(browser));
        Pages.andWaitForNextPage(browser, () -> browser.findElement(
                By.cssSelector("main a[href='" + ConsentFormSteps.PAGE + "']")).click());
        assertEquals("/rumney/en/" + ConsentFormSteps.PAGE, Pages.path(browser));

        ConsentFormSteps form = new ConsentFormSteps(browser);
        form.fillAllButOneAnswer();
        form.send();
        form.assertErrorPage("Error: ");
        assertEquals("en", Pages.language(browser));

        form.answerTheMissingQuestion();
        form.send();
        form.checkAndSend();
        String reference = form.assertConfirmation("en");

        Map<String, String> stored = server.submission(reference).orElseThrow(
                () -> new AssertionError("no row in the database for " + reference));
        assertEquals("en", stored.get("lang"));
        assertEquals(ConsentFormSteps.FORM, stored.get("form_id"));
        assertNotEquals("1", stored.get("urgent"));
    }

    /**
     * Issue 14, fault 1: a parent who withdraws only the newspaper photo has exactly that withdrawn; the
     * other three stay given. Two pages, no script: reference and child, then the statements.
     */
    @Test
    void aParentWithdrawsOnlyTheNewspaperPhotoWithoutJavaScript() {
        browser.get(server.url("/rumney/en/" + ConsentFormSteps.PAGE));
        ConsentFormSteps consent = new ConsentFormSteps(browser);
        consent.fillEverythingGiven("Alys Morgan");
        consent.send();
        consent.checkAndSend();
        String consentReference = consent.assertConfirmation("en");

        browser.get(server.url("/rumney/en/" + WithdrawalSteps.PAGE));
        WithdrawalSteps withdrawal = new WithdrawalSteps(browser);
        withdrawal.firstPage(consentReference, "Nia Morgan", "alys morgan");
        assertEquals(List.of("All of them",
                "I understand that the images will only be used to support learning activities or in publicity that"
                        + " reasonably celebrates success and promotes the work of the school."),
                withdrawal.choices().subList(0, 2));
        withdrawal.withdraw("local-or-national-paper");

        String withdrawn = withdrawal.withdrawnOnReceipt();
        assertTrue(withdrawn.startsWith("The school may use my child's photo for a publicity shot"), withdrawn);
        assertFalse(withdrawn.contains("website"), "only the statement chosen: " + withdrawn);
        assertTrue(browser.getPageSource().contains("Alys Morgan") || browser.getPageSource().contains("alys morgan"));
        Map<String, String> now = server.currentConsents(consentReference);
        assertEquals("withdrawn", now.get("local-or-national-paper"));
        assertEquals(List.of("given", "given", "given"), ConsentFormSteps.STATEMENTS.stream()
                .filter(statement -> !statement.equals("local-or-national-paper")).map(now::get).toList(), now.toString());
    }
}
