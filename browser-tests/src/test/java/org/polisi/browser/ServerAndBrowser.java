package org.polisi.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A journey's fixture: the real forms server over the real baked sites, and one Chromium,
 * started once per test class (both take seconds) and stopped after it.
 */
abstract class ServerAndBrowser {
    static PolisiServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void startServerAndBrowser() {
        server = PolisiServer.start(BakedSites.get());
        browser = Chromium.options().start();
    }

    @AfterAll
    static void stopServerAndBrowser() {
        stop(browser, server);
    }

    /** Stops a browser and a server that a test started itself (either may be null, if starting failed). */
    static void stop(ChromeDriver browser, PolisiServer server) {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }
}
