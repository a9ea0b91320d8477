package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
        String reference = form.assertConfirmation("en");

        Map<String, String> stored = server.submission(reference).orElseThrow(
                () -> new AssertionError("no row in the database for " + reference));
        assertEquals("en", stored.get("lang"));
        assertEquals(ConsentFormSteps.FORM, stored.get("form_id"));
        assertNotEquals("1", stored.get("urgent"));
    }
}
