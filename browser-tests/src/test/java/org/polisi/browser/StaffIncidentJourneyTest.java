package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Journey 4: a member of staff reports a child at immediate risk and is told what to do now; the
 * safeguarding lead signs in, finds the report, opens it and exports it; a signed-out browser cannot.
 */
@BrowserTest
class StaffIncidentJourneyTest {

    private static final String FORM = "incident-report";
    private static final String WHAT_HAPPENED = "A pupil was sent messages by an adult asking to meet.";
    private static final String COORDINATOR = "osc@rumney.example.org";
    private static final String LEAD = "lead@rumney.example.org";

    @TempDir
    static Path downloads;

    private static PolisiServer server;
    private static ChromeDriver reporter;
    private static ChromeDriver lead;

    @BeforeAll
    static void start() {
        server = PolisiServer.start(BakedSites.get());
        server.addStaffWithoutSecondFactor("rumney", "Mike Carne", COORDINATOR, "online-safety-coordinator");
        server.addStaffWithoutSecondFactor("rumney", "Gwen Safeguarding", LEAD, "safeguarding-lead");
        reporter = Chromium.options().start();
        lead = Chromium.options().downloadsTo(downloads).start();
    }

    @AfterAll
    static void stop() {
        for (ChromeDriver browser : new ChromeDriver[] {reporter, lead}) {
            if (browser != null) {
                browser.quit();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebElement field(String name) {
        return Pages.byId(reporter, FORM + "--" + name);
    }

    @Test
    /**
     * Rumney's policy: an online safety incident goes to the online safety co-ordinator, and the
     * headteacher is always informed (issue 14, fault 5). With no mail server (the default), the
     * reporter is told plainly that nobody was alerted and whom to tell now (fault 4). The co-ordinator
     * records what was done and closes the report (the chronology).
     */
    void anUrgentReportReachesTheOnlineSafetyCoordinatorWhoRecordsWhatWasDone() throws IOException {
        // A member of staff reports the incident from the policy's appendix.
        reporter.get(server.url("/rumney/en/appendix-g-reporting-log.html"));
        ConsentFormSteps.typeDate(field("date"));
        field("time").sendKeys("1030");
        if (field("time").getAttribute("value").isEmpty()) {
            field("time").sendKeys("A"); // a 12-hour field waits for AM or PM
        }
        assertEquals("10:30", field("time").getAttribute("value"));
        new Select(field("category")).selectByValue("grooming");
        reporter.findElement(By.cssSelector("label[for='" + FORM + "--urgent-concern--immediate-risk']")).click();
        field("incident").sendKeys(WHAT_HAPPENED);
        field("reported-by").sendKeys("Tom Teacher");
        Pages.andWaitForNextPage(reporter, () -> reporter.findElement(
                By.cssSelector("form[data-form-id='" + FORM + "'] button[type=submit]")).click());

        assertTrue(Pages.path(reporter).startsWith("/forms/rumney/received/"), "sent: " + reporter.getCurrentUrl());
        String reference = reporter.findElement(By.cssSelector(".reference")).getText().strip();
        WebElement urgent = reporter.findElement(By.cssSelector(".urgent-instructions"));
        assertEquals("alert", urgent.getAttribute("role"));
        assertTrue(urgent.isDisplayed());
        // the steps are Rumney's own flowchart's, word for word (ADR 0081), never the server's advice
        assertEquals(2, urgent.findElements(By.cssSelector("ol.urgent-steps li")).size(), urgent.getText());
        assertTrue(urgent.getText().contains("Report to Police using any number"), urgent.getText());
        assertTrue(urgent.getText().contains("Do not ask leading questions"), urgent.getText());
        assertFalse(urgent.getText().contains("999") || urgent.getText().contains("101"), urgent.getText());
        assertEquals("1", server.submission(reference).orElseThrow().get("urgent"), "stored as urgent");
        String status = reporter.findElement(By.cssSelector(".alert-status")).getText();
        assertEquals("Nobody has been alerted: this server does not send alerts. Tell them now, in person or by phone:"
                + " online safety co-ordinator, headteacher.", status);

        // The co-ordinator signs in, finds the report, opens it, records an action and exports the reports.
        lead.get(server.url("/staff/login"));
        lead.findElement(By.id("login--email")).sendKeys(COORDINATOR);
        lead.findElement(By.id("login--password")).sendKeys(PolisiServer.PASSWORD);
        Pages.andWaitForNextPage(lead, () -> lead.findElement(By.cssSelector("main button[type=submit]")).click());
        // her role reads incident reports, so she sets up her second factor first, from the key as text
        assertEquals("/staff/account", Pages.path(lead), "sent to set up a second factor");
        lead.get(server.url("/staff/submissions"));
        assertEquals("/staff/account", Pages.path(lead), "nothing else until it is set up");
        String key = lead.findElement(By.id("second-factor-key")).getText().replace(" ", "");
        lead.findElement(By.id("account--code")).sendKeys(server.codeFor(key, PolisiServer.step()));
        Pages.andWaitForNextPage(lead, () -> lead.findElement(By.cssSelector("main form button[type=submit]")).click());
        assertEquals(10, lead.findElements(By.cssSelector(".recovery-codes code")).size(), "recovery codes shown once");
        // the page she asked for before the set-up is where "continue" leads (ReturnPath, issue 20)
        Pages.andWaitForNextPage(lead, () -> lead.findElement(By.cssSelector("main a[href='/staff/submissions']")).click());
        assertEquals("/staff/submissions", Pages.path(lead), "back at the page asked for");
        lead.get(server.url("/staff/"));
        assertEquals("/staff/", Pages.path(lead), "signed in");

        Pages.andWaitForNextPage(lead, () -> lead.findElement(
                By.cssSelector("main a[href='/staff/submissions?form=" + FORM + "']")).click());
        Pages.andWaitForNextPage(lead, () -> lead.findElement(By.linkText(reference)).click());
        assertEquals("/staff/submissions/" + reference, Pages.path(lead));
        String record = lead.findElement(By.tagName("main")).getText();
        assertTrue(record.contains(WHAT_HAPPENED), record);
        assertTrue(lead.findElement(By.cssSelector(".urgent-flag")).isDisplayed(), "the record is flagged urgent");
        lead.findElement(By.id("incident--action")).sendKeys("Police called; device kept switched off in the office.");
        Pages.andWaitForNextPage(lead, () -> lead.findElement(
                By.xpath("//textarea[@id='incident--action']/ancestor::form//button")).click());
        lead.findElement(By.cssSelector("label[for='incident--status--closed']")).click();
        Pages.andWaitForNextPage(lead, () -> lead.findElement(
                By.xpath("//input[@id='incident--status--closed']/ancestor::form//button")).click());
        assertEquals("Status: Closed", lead.findElement(By.cssSelector(".incident-status")).getText());
        assertTrue(lead.findElement(By.id("main-content")).getText()
                .contains("Police called; device kept switched off in the office."));

        lead.get(server.url("/staff/submissions?form=" + FORM));
        lead.findElement(By.cssSelector("main a[href^='/staff/export.csv']")).click();
        Path csv = waitForDownload();
        String exported = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(exported.contains(reference) && exported.contains(WHAT_HAPPENED), "the CSV has the report:\n" + exported);

        // The reporter's browser is not signed in: it reaches neither the record nor the export.
        for (String path : List.of("/staff/submissions/" + reference, "/staff/submissions", "/staff/export.csv?form=" + FORM)) {
            reporter.get(server.url(path));
            assertEquals("/staff/login", Pages.path(reporter), path + " sends a signed-out browser to sign in");
            assertFalse(reporter.getPageSource().contains(WHAT_HAPPENED), path + " shows nothing of the report");
        }

        // A member of staff in a role the form does not name (here the safeguarding lead) cannot open it.
        reporter.get(server.url("/staff/login"));
        reporter.findElement(By.id("login--email")).sendKeys(LEAD);
        reporter.findElement(By.id("login--password")).sendKeys(PolisiServer.PASSWORD);
        Pages.andWaitForNextPage(reporter, () -> reporter.findElement(By.cssSelector("main button[type=submit]")).click());
        reporter.get(server.url("/staff/submissions/" + reference));
        assertFalse(reporter.getPageSource().contains(WHAT_HAPPENED), "the form names other roles");
    }

    private static Path waitForDownload() {
        return new WebDriverWait(lead, Duration.ofSeconds(15)).until(ignored -> {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done = files.filter(file -> file.toString().endsWith(".csv")).findFirst();
                return done.orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
