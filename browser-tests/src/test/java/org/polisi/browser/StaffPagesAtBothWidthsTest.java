package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;

/**
 * The headteacher's dashboard and the erasure's confirm page, drawn by the theme's templates
 * (issue 13), at a phone's width (390 px) and a desktop's (1280 px), in English and in Welsh: axe
 * finds nothing (WCAG 2.2 AA), nothing scrolls sideways (a staff table of three or more columns is
 * read row by row on the phone, ADR 0044), and the confirm page refused for a missing reason shows
 * its error summary, also clean. The dashboard shows the forms' counts (a table of six columns), and
 * from a roster, who has not returned a form.
 */
@BrowserTest
class StaffPagesAtBothWidthsTest extends ServerAndBrowser {

    private static final String HEAD = "head@rumney.example.org";

    private static final List<Viewport> VIEWPORTS = List.of(Viewport.DESKTOP, Viewport.PHONE);

    private static String consent;

    @BeforeAll
    static void aConsentAndARoster() {
        server.addStaff("rumney", "Huw Headteacher", HEAD, "headteacher");
        browser.get(server.url("/rumney/en/" + ConsentFormSteps.PAGE));
        ConsentFormSteps form = new ConsentFormSteps(browser);
        form.fillEverythingGiven("Gruffydd Jones");
        form.send();
        form.checkAndSend();   // check your answers comes before the record (ADR 0052)
        form.assertConfirmation("en");
        consent = browser.findElement(By.cssSelector(".reference")).getText().strip();
        Pages.signIn(browser, server, HEAD);
        browser.get(server.url("/staff/roster"));
        browser.findElement(By.id("roster--text")).sendKeys("Pupil,Class\nGruffydd Jones,Class 3\nNia Morgan,Class 4\n");
        Pages.andWaitForNextPage(browser, () -> browser.findElement(By.cssSelector("main form button[type=submit]")).click());
        assertEquals("/staff/roster", Pages.path(browser), "the roster was taken");
    }

    @Test
    void dashboardAndEraseConfirmAreCleanAtBothWidthsInBothLanguages() {
        List<Executable> checks = new ArrayList<>();
        for (Viewport viewport : VIEWPORTS) {
            viewport.apply(browser);
            for (String language : List.of("en", "cy")) {
                String where = viewport.name() + ", " + language + ": ";
                browser.get(server.url("/staff/?lang=" + language));
                assertEquals(language, Pages.language(browser), where + "the dashboard's language");
                assertTrue(browser.findElements(By.cssSelector("details.not-returned")).size() > 0,
                        where + "the roster's answers are on the dashboard");
                assertTrue(browser.findElements(By.cssSelector("h2#forms + table tbody tr")).size() > 0,
                        where + "the forms' counts are on the dashboard");
                check(checks, where + "the dashboard", viewport);

                browser.get(server.url("/staff/submissions/" + consent + "/erase?lang=" + language));
                assertEquals(1, browser.findElements(By.id("erase--reason")).size(), where + "the confirm page");
                check(checks, where + "the erasure's confirm page", viewport);

                Pages.andWaitForNextPage(browser, () -> browser.findElement(
                        By.cssSelector("main form button[type=submit]")).click());
                assertEquals(2, browser.findElements(By.cssSelector(".error-summary li")).size(),
                        where + "a reason and the tick are missing");
                assertEquals(language, Pages.language(browser), where + "refused in the page's language");
                check(checks, where + "the erasure's confirm page, refused", viewport);
            }
        }
        Viewport.reset(browser);
        assertTrue(server.submission(consent).isPresent(), "nothing was erased");
        assertAll(checks);
    }

    /** axe, and no sideways scrolling, on the page the browser shows. */
    private static void check(List<Executable> checks, String what, Viewport viewport) {
        String violations = Axe.violations(browser);
        checks.add(() -> assertTrue(violations.isEmpty(), "axe on " + what + ":\n" + violations));
        long overflow = ((Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
        checks.add(() -> assertEquals(0, overflow, what + " scrolls sideways at " + viewport.width() + " px"));
        if (viewport.mobile()) {
            long stacked = ((Number) browser.executeScript("return Array.from(document.querySelectorAll('main table'))"
                    + ".filter(t => t.querySelectorAll('thead th').length >= 3)"
                    + ".filter(t => getComputedStyle(t).display !== 'block').length;")).longValue();
            checks.add(() -> assertEquals(0, stacked, what + ": every table of three or more columns is read row by row"));
        }
    }
}
