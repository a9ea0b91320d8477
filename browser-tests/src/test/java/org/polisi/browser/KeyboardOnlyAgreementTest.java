package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Journey 3: a pupil completes and sends their agreement with the keyboard alone: no clicks, no pointer. */
@BrowserTest
class KeyboardOnlyAgreementTest extends ServerAndBrowser {

    private static final String FORM = "pupil-agreement-year-3-6";


    private static void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Presses Tab until the element with this id has focus, checking that every stop shows where focus is. */
    private static WebElement tabTo(String id) {
        for (int stop = 0; stop < 150; stop++) {
            press(Keys.TAB);
            WebElement focused = Pages.focused(browser);
            assertFocusVisible(focused);
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static void assertFocusVisible(WebElement focused) {
        String outline = focused.getCssValue("outline-style");
        String shadow = focused.getCssValue("box-shadow");
        assertTrue(!"none".equals(outline) || !"none".equals(shadow),
                "focus is visible on " + focused.getTagName() + "#" + focused.getAttribute("id")
                        + " (outline " + outline + ", box-shadow " + shadow + ")");
    }

    @Test
    void aPupilSignsTheAgreementWithTheKeyboardAlone() {
        browser.get(server.url("/rumney/en/appendix-b-pupil-agreement-year-3-6.html"));

        press(Keys.TAB);
        assertEquals("skip-link", Pages.focused(browser).getAttribute("class"), "the first Tab reaches the skip link");

        WebElement name = tabTo(FORM + "--pupil-name");
        press("Dewi Pritchard");
        assertEquals("Dewi Pritchard", name.getAttribute("value"));

        WebElement year3 = tabTo(FORM + "--year-group");
        press(Keys.SPACE);
        assertTrue(year3.isSelected(), "Space chooses the focused radio");
        press(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        WebElement year5 = Pages.focused(browser);
        assertEquals(FORM + "--year-group--year-5", year5.getAttribute("id"), "arrow keys move within the radios");
        assertTrue(year5.isSelected());

        press(Keys.TAB);
        WebElement send = Pages.focused(browser);
        assertEquals("button", send.getTagName(), "after the radios, Tab reaches the send button (the honeypot is skipped)");
        assertFocusVisible(send);

        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertEquals(year5.getAttribute("id"), Pages.focused(browser).getAttribute("id"),
                "Shift+Tab goes back to the chosen radio");
        press(Keys.TAB);
        assertEquals("button", Pages.focused(browser).getTagName());

        Pages.andWaitForNextPage(browser, () -> press(Keys.ENTER));
        assertTrue(Pages.path(browser).contains("/check/"), "the answers to check first: " + browser.getCurrentUrl());
        // By keyboard through the check page: every "Change" link, then the button that sends.
        int changeLinks = 0;
        for (int presses = 0; presses < 60 && !"button".equals(Pages.focused(browser).getTagName()); presses++) {
            press(Keys.TAB);
            WebElement focused = Pages.focused(browser);
            if ("a".equals(focused.getTagName()) && focused.getDomAttribute("href").contains("/answers/")) {
                changeLinks++;
                assertFocusVisible(focused);
            }
        }
        assertEquals(browser.findElements(org.openqa.selenium.By.cssSelector(".summary-list__actions a")).size(),
                changeLinks, "Tab reaches each Change link");
        assertFocusVisible(Pages.focused(browser));
        Pages.andWaitForNextPage(browser, () -> press(Keys.ENTER));
        assertTrue(Pages.path(browser).startsWith("/forms/rumney/received/"), "sent: " + browser.getCurrentUrl());
        String reference = browser.findElement(org.openqa.selenium.By.cssSelector(".reference")).getText().strip();
        assertEquals(FORM, server.submission(reference).orElseThrow().get("form_id"));
        assertEquals("en", server.submission(reference).orElseThrow().get("lang"));
    }
}
