package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Journey 5: a phone-width (390 px) and a desktop viewport, in each language: the policy, an appendix
 * with a form, the form's error state and its confirmation. Full-page screenshots are kept in
 * {@code browser-tests/target/screenshots/} for people to look at; the test checks that no page
 * needs sideways scrolling.
 */
@BrowserTest
class ScreenshotTest {

    private static final List<Viewport> VIEWPORTS = List.of(Viewport.PHONE, Viewport.DESKTOP);

    private static PolisiServer server;
    private static ChromeDriver browser;
    private static Path folder;

    @BeforeAll
    static void start() throws IOException {
        server = PolisiServer.start(BakedSites.get());
        browser = Chromium.options().start();
        folder = Path.of(System.getProperty("polisi.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
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
    void pagesFitPhoneAndDesktopInBothLanguages() throws IOException {
        List<String> overflowing = new ArrayList<>();
        for (Viewport viewport : VIEWPORTS) {
            viewport.apply(browser);
            for (String language : List.of("en", "cy")) {
                String prefix = viewport.name() + "-" + language + "-";
                browser.get(server.url("/rumney/" + language + "/online-safety-policy.html"));
                capture(prefix + "1-policy", overflowing);

                browser.get(server.url("/rumney/" + language + "/" + ConsentFormSteps.PAGE));
                capture(prefix + "2-appendix-with-form", overflowing);

                ConsentFormSteps form = new ConsentFormSteps(browser);
                form.fillAllButOneAnswer();
                form.send();
                assertTrue(browser.findElements(By.cssSelector(".error-summary")).size() == 1, "error state");
                capture(prefix + "3-error", overflowing);

                form.answerTheMissingQuestion();
                form.send();
                form.checkAndSend();
                form.assertConfirmation(language);
                capture(prefix + "4-confirmation", overflowing);
            }
        }
        Viewport.reset(browser);
        assertTrue(overflowing.isEmpty(), "pages wider than the viewport (they scroll sideways):\n"
                + String.join("\n", overflowing));
    }

    private static void capture(String name, List<String> overflowing) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(folder.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        Object widths = browser.executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        List<?> pair = (List<?>) widths;
        long scroll = ((Number) pair.get(0)).longValue();
        long client = ((Number) pair.get(1)).longValue();
        if (scroll > client) {
            overflowing.add(name + " (" + Pages.path(browser) + "): " + scroll + " px of content in " + client + " px");
        }
    }
}
