package org.polisi.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A journey's fixture with a second Chromium that runs no JavaScript, for the forms that must work
 * without it (the server shows the form again for "add another", drafts and "Check your answers").
 */
abstract class ServerAndBrowsers extends ServerAndBrowser {
    static ChromeDriver noScript;

    @BeforeAll
    static void startNoScript() {
        noScript = Chromium.options().withoutJavaScript().start();
    }

    @AfterAll
    static void stopNoScript() {
        stop(noScript, null);
    }
}
