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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * "Which school?" (issue 25 fault 2, docs/adr/0080, 0087) in Chromium: a person with memberships
 * at two schools signs in once and answers the question by keyboard alone, in English and in Welsh;
 * axe finds nothing on the question, on it refused (nothing chosen) or on the staff page that
 * changes school; and the change lands on the other school's dashboard.
 */
@BrowserTest
class SchoolChoicePageTest extends ServerAndBrowser {

    private static final String CARYS = "carys@cluster.example.org";

    @BeforeAll
    static void aPersonAtTwoSchools() {
        server.addStaff("rumney", "Carys Cluster", CARYS, "headteacher");
        server.addStaff("holy-trinity", "Carys Cluster", CARYS, "office");
    }

    @Test
    void theQuestionIsAnsweredByKeyboardInBothLanguagesAndIsClean() {
        List<Executable> checks = new ArrayList<>();
        browser.get(server.url("/staff/login"));
        browser.findElement(By.id("login--email")).sendKeys(CARYS);
        browser.findElement(By.id("login--password")).sendKeys(PolisiServer.PASSWORD);
        Pages.andWaitForNextPage(browser, () -> browser.findElement(By.id("login--password")).sendKeys(Keys.ENTER));
        browser.findElement(By.id("login--code")).sendKeys(server.secondFactorCode(CARYS));
        Pages.andWaitForNextPage(browser, () -> browser.findElement(By.id("login--code")).sendKeys(Keys.ENTER));
        assertEquals("Which school?", browser.findElement(By.cssSelector("main legend h1")).getText());
        check(checks, "the question in English");

        Pages.andWaitForNextPage(browser, () -> browser.findElement(By.cssSelector("a[hreflang=cy], a[lang=cy]")).click());
        assertEquals("cy", Pages.language(browser));
        assertEquals("Pa ysgol?", browser.findElement(By.cssSelector("main legend h1")).getText());
        assertEquals(2, browser.findElements(By.cssSelector("main input[type=radio]")).size());
        check(checks, "the question in Welsh");

        // nothing chosen: the error summary, in Welsh, linked to the first radio
        Pages.andWaitForNextPage(browser, () -> browser.findElement(By.cssSelector("main button[type=submit]"))
                .sendKeys(Keys.ENTER));
        assertEquals(1, browser.findElements(By.cssSelector(".error-summary li")).size());
        assertEquals("cy", Pages.language(browser));
        check(checks, "the question refused, in Welsh");

        // by keyboard: the second school's radio chosen with the space bar, the form sent with Enter
        List<WebElement> radios = browser.findElements(By.cssSelector("main input[type=radio]"));
        radios.get(1).sendKeys(Keys.SPACE);
        assertTrue(radios.get(1).isSelected());
        Pages.andWaitForNextPage(browser, () -> radios.get(1).sendKeys(Keys.ENTER));
        assertEquals("/staff/", Pages.path(browser));
        assertTrue(browser.findElement(By.tagName("header")).getText().contains("Holy Trinity")
                || browser.getTitle().contains("Trinity"), browser.getTitle());

        // the staff page that changes school, in both languages
        for (String language : List.of("en", "cy")) {
            browser.get(server.url("/staff/school?lang=" + language));
            assertEquals(language, Pages.language(browser));
            assertTrue(browser.findElement(By.cssSelector("main input[type=radio]:checked")).isSelected());
            check(checks, "the change of school, " + language);
        }
        List<WebElement> schools = browser.findElements(By.cssSelector("main input[type=radio]"));
        schools.get(0).sendKeys(Keys.SPACE);
        Pages.andWaitForNextPage(browser, () -> schools.get(0).sendKeys(Keys.ENTER));
        assertEquals("/staff/", Pages.path(browser));
        assertTrue(browser.getTitle().contains("Rumney") || browser.findElement(By.tagName("header")).getText()
                .contains("Rumney"), browser.getTitle());
        assertAll(checks);
    }

    private static void check(List<Executable> checks, String what) {
        String violations = Axe.violations(browser);
        checks.add(() -> assertTrue(violations.isEmpty(), "axe on " + what + ":\n" + violations));
    }
}
