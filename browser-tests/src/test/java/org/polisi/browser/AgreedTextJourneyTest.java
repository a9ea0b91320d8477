package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Journey: a member of staff signs the staff agreement; the school changes one sentence of it and
 * rebuilds; a colleague signs the new wording. The headteacher opens each record and follows "the text
 * this person agreed to": the first record still opens the old sentence, the second the new one.
 * A real build (the site generator in its own process, over a small real school), the real server,
 * real SQLite and Chromium.
 */
@BrowserTest
class AgreedTextJourneyTest {

    private static final String PAGE = "/hillside/en/staff-agreement.html";
    private static final String FORM = "staff-agreement";
    private static final String OLD_WORDING = "Staff keep their passwords to themselves.";
    private static final String NEW_WORDING = "Staff keep their passwords to themselves and lock their screens.";
    private static final String HEAD = "head@hillside.example.org";

    @TempDir
    static Path folder;

    private static Path siteRoot;
    private static PolisiServer server;
    private static ChromeDriver signer;
    private static ChromeDriver head;

    @BeforeAll
    static void start() throws IOException {
        Path project = BakedSites.findProjectRoot();
        siteRoot = folder.resolve("school");
        BakedSites.copy(project.resolve("site/src/test/resources/fixtures/agreement/content"), siteRoot.resolve("content"));
        BakedSites.copy(project.resolve("themes"), siteRoot.resolve("themes"));
        build();
        server = PolisiServer.start(folder.resolve("public"), folder.resolve("public-manifests"), folder.resolve("agreed-texts"));
        server.addStaff("hillside", "Rhian Head", HEAD, "headteacher");
        signer = Chromium.options().start();
        head = Chromium.options().start();
    }

    @AfterAll
    static void stop() {
        for (ChromeDriver browser : new ChromeDriver[] {signer, head}) {
            if (browser != null) {
                browser.quit();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anOlderRecordStillOpensItsOwnTextAfterTheWordingChanges() throws Exception {
        String first = sign("Ffion Morgan");
        String firstText = textLinkOf(first);

        Path english = siteRoot.resolve("content/schools/hillside/en/staff-agreement.adoc");
        Files.writeString(english, Files.readString(english).replace(OLD_WORDING, NEW_WORDING), StandardCharsets.UTF_8);
        build();

        signer.get(server.url(PAGE));
        assertTrue(signer.findElement(By.tagName("main")).getText().contains(NEW_WORDING), "the site shows the new wording");
        String second = sign("Gareth Price");
        String secondText = textLinkOf(second);
        assertNotEquals(firstText, secondText, "a new submission records the new form version");

        head.get(server.url(firstText));
        String old = head.findElement(By.tagName("main")).getText();
        assertTrue(old.contains(OLD_WORDING), old);
        assertFalse(old.contains(NEW_WORDING), "the first record's text is the one its signer saw");
        assertTrue(old.contains("I have read the agreement above and I agree to follow it."), "with the form's declaration");
        assertEquals("", Axe.violations(head), "the archived text passes axe");

        head.get(server.url(secondText));
        assertTrue(head.findElement(By.tagName("main")).getText().contains(NEW_WORDING));
        String raw = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.url(firstText))).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        List<String> errors = HtmlValidityTest.errorsIn(raw);
        assertTrue(errors.isEmpty(), "Nu Html Checker errors in the archived text:\n" + String.join("\n", errors));

        // Who must sign again: the first signer signed only the older wording.
        head.get(server.url("/staff/signatures"));
        WebElement ffion = head.findElement(By.xpath("//tr[td[1][normalize-space()='Ffion Morgan']]"));
        assertEquals("Must sign again", ffion.findElements(By.tagName("td")).get(1).getText());
        WebElement gareth = head.findElement(By.xpath("//tr[td[1][normalize-space()='Gareth Price']]"));
        assertEquals("Signed the current version", gareth.findElements(By.tagName("td")).get(1).getText());
        assertEquals("", Axe.violations(head), "the list of who must sign again passes axe");
    }

    /** Signs the agreement in the signer's browser; returns the reference on the receipt. */
    private static String sign(String name) {
        signer.get(server.url(PAGE));
        Pages.byId(signer, FORM + "--staff-name").sendKeys(name);
        Pages.andWaitForNextPage(signer, () -> signer.findElement(
                By.cssSelector("form[data-form-id='" + FORM + "'] button[type=submit]")).click());
        Pages.sendCheckedAnswers(signer);
        assertTrue(Pages.path(signer).startsWith("/forms/hillside/received/"), signer.getCurrentUrl());
        return signer.findElement(By.cssSelector(".reference")).getText().strip();
    }

    /** Opens the record as the headteacher and returns where "the text this person agreed to" leads. */
    private static String textLinkOf(String reference) {
        if (!head.getCurrentUrl().contains("/staff/")) {
            Pages.signIn(head, server, HEAD);
        }
        head.get(server.url("/staff/submissions/" + reference));
        WebElement row = head.findElement(By.xpath("//dt[normalize-space()='The text this person agreed to']/.."));
        WebElement link = row.findElement(By.tagName("a"));
        assertTrue(row.getText().contains("on this website since"), row.getText());
        return link.getAttribute("href").replaceFirst("^https?://[^/]+", "");
    }

    private static void build() {
        BakedSites.build(BakedSites.findProjectRoot(), siteRoot, folder.resolve("public"), folder.resolve("agreed-texts"));
    }
}
