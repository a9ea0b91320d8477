package org.polisi.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, headless, started with explicit paths so that Selenium Manager
 * never downloads anything. Each browser gets a fresh profile in a temporary folder.
 */
public final class Chromium {

    public static final String INSTALL_HINT = "apt-get install chromium chromium-driver";

    static final Path BROWSER = Path.of(System.getProperty("polisi.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("polisi.chromedriver", "/usr/bin/chromedriver"));

    /** Held so that the level sticks: java.util.logging forgets the settings of loggers nobody references. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        System.setProperty("SE_AVOID_STATS", "true");
        SELENIUM_LOG.setLevel(Level.SEVERE); // "Unable to find CDP implementation": we use no versioned DevTools API
    }

    private Chromium() {
    }

    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** In CI ({@code -Dpolisi.browser.required=true}) a missing browser fails the build instead of skipping. */
    public static boolean required() {
        return Boolean.getBoolean("polisi.browser.required");
    }

    public static Options options() {
        return new Options();
    }

    /** What differs between the tests' browsers. */
    public static final class Options {
        private boolean javascript = true;
        private int width = 1280;
        private int height = 900;
        private Path downloads;

        public Options withoutJavaScript() {
            javascript = false;
            return this;
        }

        public Options size(int newWidth, int newHeight) {
            width = newWidth;
            height = newHeight;
            return this;
        }

        public Options downloadsTo(Path folder) {
            downloads = folder;
            return this;
        }

        public ChromeDriver start() {
            if (!installed()) {
                throw new IllegalStateException("Chromium is required here (polisi.browser.required=true) but "
                        + BROWSER + " or " + DRIVER + " is missing: " + INSTALL_HINT);
            }
            Path profile;
            try {
                profile = Files.createTempDirectory("polisi-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions chrome = new ChromeOptions();
            chrome.setBinary(BROWSER.toFile());
            chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--disable-extensions", "--hide-scrollbars",
                    "--force-device-scale-factor=1", "--lang=en-GB",
                    "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
            Map<String, Object> prefs = new HashMap<>();
            if (!javascript) {
                prefs.put("profile.managed_default_content_settings.javascript", 2);
            }
            if (downloads != null) {
                prefs.put("download.default_directory", downloads.toString());
                prefs.put("download.prompt_for_download", false);
            }
            chrome.setExperimentalOption("prefs", prefs);
            // The console's messages (a blocked inline style, a failed request) are read by the tests.
            chrome.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogOutput(OutputStream.nullOutputStream())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, chrome);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> BakedSites.deleteQuietly(profile)));
            return driver;
        }
    }
}
