package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core, WCAG 2.0/2.1/2.2 A and AA, finds no violation on any generated page of any school in any
 * language, nor on the server's own pages: the re-shown form with errors, the confirmation (plain and
 * urgent), 404, staff sign-in, the staff dashboard, list and record, a consent record with its history,
 * and "find everything about a person" with its results.
 */
@BrowserTest
class AccessibilityTest {

    /** Rumney's incident reports go to the online safety co-ordinator (its policy; issue 14). */
    private static final String LEAD = "osc@rumney.example.org";
    private static final String HEAD = "head@rumney.example.org";

    private static PolisiServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        server = PolisiServer.start(BakedSites.get());
        server.addStaff("rumney", "Mike Carne", LEAD, "online-safety-coordinator");
        server.addStaff("rumney", "Huw Headteacher", HEAD, "headteacher");
        browser = Chromium.options().start();
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

    private static void assertNoViolations(String what) {
        String violations = Axe.violations(browser);
        assertTrue(violations.isEmpty(), "axe-core violations on " + what + " (" + browser.getCurrentUrl() + "):\n" + violations);
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedPageOfEverySchool() {
        return BakedSites.get().pages().stream().map(page -> DynamicTest.dynamicTest(page, () -> {
            browser.get(server.url(page));
            assertNoViolations(page);
        }));
    }

    @TestFactory
    List<DynamicTest> theServersOwnPages() {
        List<DynamicTest> tests = new ArrayList<>();
        String[] reference = new String[1];
        for (String language : List.of("en", "cy")) {
            tests.add(DynamicTest.dynamicTest("form with errors (" + language + ")", () -> {
                browser.get(server.url("/rumney/" + language + "/" + ConsentFormSteps.PAGE));
                ConsentFormSteps form = new ConsentFormSteps(browser);
                form.fillAllButOneAnswer();
                form.send();
                assertEquals(1, browser.findElements(By.cssSelector(".error-summary")).size());
                assertNoViolations("the re-shown form");
                form.answerTheMissingQuestion();
                form.send();
                form.checkAndSend();
                form.assertConfirmation(language);
                assertNoViolations("the confirmation");
            }));
        }
        tests.add(DynamicTest.dynamicTest("urgent confirmation", () -> {
            browser.get(server.url("/rumney/en/appendix-g-reporting-log.html"));
            ConsentFormSteps.typeDate(browser.findElement(By.id("incident-report--date")));
            browser.findElement(By.cssSelector("label[for='incident-report--urgent-concern--immediate-risk']")).click();
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("incident-report--category")))
                    .selectByValue("other");
            browser.findElement(By.id("incident-report--incident")).sendKeys("Something worrying happened.");
            browser.findElement(By.id("incident-report--reported-by")).sendKeys("Tom Teacher");
            browser.findElement(By.id("incident-report--time")).sendKeys("0915");
            if (browser.findElement(By.id("incident-report--time")).getAttribute("value").isEmpty()) {
                browser.findElement(By.id("incident-report--time")).sendKeys("A");
            }
            Pages.andWaitForNextPage(browser, () -> browser.findElement(
                    By.cssSelector("form[data-form-id='incident-report'] button[type=submit]")).click());
            assertEquals(1, browser.findElements(By.cssSelector(".urgent-instructions")).size(), browser.getCurrentUrl());
            reference[0] = browser.findElement(By.cssSelector(".reference")).getText().strip();
            assertNoViolations("the urgent confirmation");
        }));
        for (String language : List.of("en", "cy")) {
            tests.add(DynamicTest.dynamicTest("withdrawal, second page and receipt (" + language + ")", () -> {
                browser.get(server.url("/rumney/" + language + "/" + WithdrawalSteps.PAGE));
                WithdrawalSteps withdrawal = new WithdrawalSteps(browser);
                withdrawal.firstPage("", "Nia Morgan", "Bryn Morgan");
                assertEquals(5, withdrawal.choices().size(), "all of them, and the four consent statements (the promise is not a consent)");
                assertNoViolations("the withdrawal's second page");
                withdrawal.withdraw("group-photo-website");
                assertNoViolations("the withdrawal's receipt");
            }));
        }
        tests.add(DynamicTest.dynamicTest("not found", () -> {
            browser.get(server.url("/rumney/en/no-such-page.html"));
            assertNoViolations("the 404 page");
        }));
        for (String language : List.of("en", "cy")) {
            tests.add(DynamicTest.dynamicTest("staff sign-in (" + language + ")", () -> {
                browser.get(server.url("/staff/login?lang=" + language));
                assertNoViolations("staff sign-in");
            }));
        }
        tests.add(DynamicTest.dynamicTest("staff sign-in with an error", () -> {
            browser.get(server.url("/staff/login"));
            browser.findElement(By.id("login--email")).sendKeys(LEAD);
            browser.findElement(By.id("login--password")).sendKeys("not the password");
            Pages.andWaitForNextPage(browser, () -> browser.findElement(By.cssSelector("main button[type=submit]")).click());
            assertNoViolations("staff sign-in, refused");
        }));
        tests.add(DynamicTest.dynamicTest("staff dashboard, list and record", () -> {
            browser.get(server.url("/staff/login"));
            browser.findElement(By.id("login--email")).sendKeys(LEAD);
            browser.findElement(By.id("login--password")).sendKeys(PolisiServer.PASSWORD);
            Pages.andWaitForNextPage(browser, () -> browser.findElement(By.cssSelector("main button[type=submit]")).click());
            assertNoViolations("the second factor's code page");
            browser.findElement(By.id("login--code")).sendKeys(server.secondFactorCode(LEAD));
            Pages.andWaitForNextPage(browser, () -> browser.findElement(By.cssSelector("main button[type=submit]")).click());
            assertEquals("/staff/", Pages.path(browser));
            assertNoViolations("the staff dashboard");
            browser.get(server.url("/staff/submissions"));
            assertNoViolations("the staff list");
            browser.get(server.url("/staff/submissions/" + reference[0]));
            assertEquals(1, browser.findElements(By.id("chronology")).size(), "the incident's own page");
            assertNoViolations("the staff record, with its chronology");
            browser.get(server.url("/staff/consents"));
            assertNoViolations("the consents page");
            browser.get(server.url("/staff/governors"));
            assertNoViolations("the governors' summary");
            browser.get(server.url("/staff/people"));
            assertNoViolations("find everything about a person");
            browser.findElement(By.id("person--name")).sendKeys("tom teacher");
            Pages.andWaitForNextPage(browser, () -> browser.findElement(By.id("person--name"))
                    .sendKeys(org.openqa.selenium.Keys.ENTER));
            assertTrue(browser.findElement(By.cssSelector("main table")).getText().contains(reference[0]),
                    "the urgent report names Tom Teacher");
            assertNoViolations("find everything about a person, with results");
        }));
        tests.add(DynamicTest.dynamicTest("staff consent record with its history", () -> {
            browser.manage().deleteAllCookies();
            Pages.signIn(browser, server, HEAD);
            browser.get(server.url("/staff/account"));
            assertNoViolations("the account page");
            browser.get(server.url("/staff/consents"));
            String record = browser.findElement(By.cssSelector("main table tbody tr td a")).getAttribute("href");
            browser.get(record);
            assertEquals(1, browser.findElements(By.cssSelector("main h2 + table")).size(), browser.getCurrentUrl());
            assertNoViolations("a consent record with its history");
            browser.get(browser.findElement(By.cssSelector("main a[href^='/agreed-texts/']")).getAttribute("href"));
            assertNoViolations("the text a consent was given to");
            browser.get(server.url("/staff/signatures"));
            assertNoViolations("who must sign again");
        }));
        return tests;
    }
}
