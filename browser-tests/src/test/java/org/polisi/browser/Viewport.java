package org.polisi.browser;

import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A screen a page is measured on: a desktop (1280 px) or a phone (390 px, as the issues measured),
 * emulated through the DevTools protocol so that media queries and layout see that width.
 */
record Viewport(String name, int width, int height, boolean mobile) {

    static final Viewport DESKTOP = new Viewport("desktop", 1280, 900, false);
    static final Viewport PHONE = new Viewport("phone", 390, 844, true);

    /** Makes the browser lay pages out at this width until {@link #reset}. */
    void apply(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Back to the browser's own window size. */
    static void reset(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
