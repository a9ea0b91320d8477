package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Journey 1: a parent reads Rumney's policy, switches to Welsh and gives consent in Welsh. */
@BrowserTest
class WelshConsentJourneyTest extends ServerAndBrowser {


    @Test
    void aParentSwitchesToWelshAndGivesConsentAfterCorrectingAMissingAnswer() {
        browser.get(server.url("/rumney/en/online-safety-policy.html"));
        assertEquals("en", Pages.language(browser));

        Pages.andWaitForNextPage(browser, () -> browser.findElement(
                By.cssSelector("nav.language-toggle a[hreflang='cy']")).click());
        assertEquals("/rumney/cy/online-safety-policy.html", Pages.path(browser), "the same page, in Welsh");
        assertEquals("cy", Pages.language(browser));

        Pages.andWaitForNextPage(browser, () -> browser.findElement(
                By.cssSelector("main a[href='" + ConsentFormSteps.PAGE + "']")).click());
        assertEquals("/rumney/cy/" + ConsentFormSteps.PAGE, Pages.path(browser));

        ConsentFormSteps form = new ConsentFormSteps(browser);
        form.fillAllButOneAnswer();
        form.send();
        form.assertErrorPage("Gwall: ");
        assertEquals("cy", Pages.language(browser), "the errors are in the language of the form");

        form.answerTheMissingQuestion();
        form.send();
        form.checkAndSend();
        String reference = form.assertConfirmation("cy");

        Map<String, String> stored = server.submission(reference).orElseThrow(
                () -> new AssertionError("no row in the database for " + reference));
        assertEquals("rumney", stored.get("school"));
        assertEquals(ConsentFormSteps.FORM, stored.get("form_id"));
        assertEquals("cy", stored.get("lang"));
        assertTrue(stored.get("fields_json").contains("Gruffydd Jones"), stored.get("fields_json"));
    }

    @Test
    void everyLinkOnTheReShownFormPageStillLeadsSomewhere() throws Exception {
        browser.get(server.url("/rumney/cy/" + ConsentFormSteps.PAGE));
        ConsentFormSteps form = new ConsentFormSteps(browser);
        form.fillAllButOneAnswer();
        form.send();

        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('a[href], link[href]'))"
                        + ".map(a => a.href).filter(h => h.startsWith(location.origin) && !h.includes('#'))");
        assertTrue(links.stream().anyMatch(link -> link.endsWith("/rumney/cy/" + ConsentFormSteps.PAGE.replace(".html", ".pdf"))),
                "the page's accessible PDF is among the links checked: " + links);
        HttpClient http = HttpClient.newHttpClient();
        List<String> broken = links.stream().distinct().filter(link -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() != 200;
            } catch (Exception e) {
                return true;
            }
        }).toList();
        assertTrue(broken.isEmpty(), "links on the page re-shown at " + Pages.path(browser)
                + " that lead nowhere (relative links resolved against /forms/rumney/):\n"
                + broken.stream().collect(Collectors.joining("\n")));
    }

    /**
     * Issue 14, fault 3: a parent who has lost the reference can still withdraw, in Welsh. The request
     * waits for the school, and the receipt says so instead of claiming the consent is withdrawn.
     */
    @Test
    void aParentWithoutTheReferenceAsksTheSchoolToWithdrawInWelsh() {
        browser.get(server.url("/rumney/cy/" + ConsentFormSteps.PAGE));
        ConsentFormSteps consent = new ConsentFormSteps(browser);
        consent.fillEverythingGiven("Bryn Morgan");
        consent.send();
        consent.checkAndSend();
        String consentReference = consent.assertConfirmation("cy");

        browser.get(server.url("/rumney/cy/" + WithdrawalSteps.PAGE));
        String label = browser.findElement(By.cssSelector("label[for='consent-withdrawal--reference']")).getText();
        assertEquals("Cyfeirnod y ffurflen ganiatâd (dewisol)", label, "honestly optional");
        WithdrawalSteps withdrawal = new WithdrawalSteps(browser);
        withdrawal.firstPage("", "Nia Morgan", "Bryn Morgan");
        WithdrawalSteps.assertLanguage(browser, "cy");
        assertEquals("Pob un ohonynt", withdrawal.choices().get(0));
        withdrawal.withdraw("group-photo-website");

        String pending = browser.findElement(By.cssSelector(".withdrawal-pending")).getText();
        assertTrue(pending.startsWith("Ni roesoch gyfeirnod"), pending);
        assertTrue(withdrawal.withdrawnOnReceipt().startsWith("Caiff yr ysgol ddefnyddio llun grŵp"),
                withdrawal.withdrawnOnReceipt());
        assertEquals("given", server.currentConsents(consentReference).get("group-photo-website"),
                "nothing changes until the school matches the request");
    }
}
