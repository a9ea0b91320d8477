package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * "Updates to this policy", its earlier versions and comparisons, in both languages, pass axe and the
 * Nu Html Checker, and read without JavaScript. A real git repository (git's own command) holds three
 * commits to a small real school's policies, so the comparisons have sections added, removed and
 * changed. (The real content's history pages are among every page AccessibilityTest and
 * HtmlValidityTest check.)
 */
@BrowserTest
class PolicyHistoryPagesTest {

    @TempDir
    static Path folder;

    private static PolisiServer server;
    private static ChromeDriver browser;
    private static List<String> historyPages;

    @BeforeAll
    static void start() throws Exception {
        Path project = BakedSites.findProjectRoot();
        Path siteRoot = folder.resolve("school");
        BakedSites.copy(project.resolve("site/src/test/resources/fixtures/good/content"), siteRoot.resolve("content"));
        BakedSites.copy(project.resolve("themes"), siteRoot.resolve("themes"));
        git(siteRoot, "2026-01-10T12:00:00+00:00", "init", "-q", "-b", "main");
        commit(siteRoot, "2026-01-10T12:00:00+00:00");
        edit(siteRoot.resolve("content/schools/solo/en/policy.adoc"), Map.of(
                ":page-order: 1\n", ":page-order: 1\n:change-note: A section on devices; the rules section is gone.\n",
                "kindly and safely.", "kindly, safely and fairly.\n\n[[devices]]\n== Devices\n\nPupils keep school tablets in the classroom.",
                "Pupils follow the rules of the policy:missing-doc[missing document] as well as this one.", "",
                "[[rules]]\n== Rules\n", ""));
        edit(siteRoot.resolve("content/schools/adopter/cy/policy.adoc"), Map.of(
                ":translated-from: 69d5b45112f9\n", ":translated-from: 69d5b45112f9\n\n// polisi: change-note Mae cwynion yn mynd at y pennaeth.\n",
                "gydag athro'r dosbarth yn gyntaf", "gyda'r pennaeth yn gyntaf"));
        commit(siteRoot, "2026-03-03T12:00:00+00:00");
        edit(siteRoot.resolve("content/schools/solo/en/policy.adoc"), Map.of("every pupil", "each pupil",
                ":change-note: A section on devices; the rules section is gone.", ":change-note: minor: typing error"));
        commit(siteRoot, "2026-06-01T12:00:00+00:00");
        BakedSites.build(project, siteRoot, folder.resolve("public"), folder.resolve("agreed-texts"));
        server = PolisiServer.start(folder.resolve("public"), folder.resolve("public-manifests"), folder.resolve("agreed-texts"));
        browser = Chromium.options().start();
        historyPages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder.resolve("public"))) {
            files.map(f -> "/" + folder.resolve("public").relativize(f).toString().replace('\\', '/'))
                    .filter(p -> p.matches("/(solo|adopter)/(en|cy)/policy(\\.(version|changes)-[0-9a-f]{12})?\\.html"))
                    .sorted().forEach(historyPages::add);
        }
    }

    @AfterAll
    static void stop() {
        ServerAndBrowser.stop(browser, server);
    }

    @Test
    void theComparisonsShowAdditionsAndRemovalsInBothLanguages() {
        assertEquals(9, historyPages.size(), "three policy pages, and a version and a comparison of each: " + historyPages);
        String english = historyPages.stream().filter(p -> p.startsWith("/solo/en/policy.changes-")).findFirst().orElseThrow();
        browser.get(server.url(english));
        assertFalse(browser.findElements(By.cssSelector("main ins")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector("main del")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("main del")).getText().startsWith("removed:")
                || browser.findElement(By.cssSelector("main del")).getAttribute("textContent").startsWith("removed:"));
        String welsh = historyPages.stream().filter(p -> p.startsWith("/adopter/cy/policy.changes-")).findFirst().orElseThrow();
        browser.get(server.url(welsh));
        assertEquals("cy", Pages.language(browser));
        assertTrue(browser.findElement(By.cssSelector("main ins")).getAttribute("textContent").startsWith("ychwanegwyd: "));
    }

    /**
     * The fixture's Welsh "about" page records the hash of an English text that is not the English
     * page's now, nor any committed version of it: it says, in Welsh and English and without a day,
     * that the English has been updated, and links to the English page; axe and the Nu checker pass it.
     */
    @Test
    void aWelshPageWhoseEnglishChangedSaysSoAndPassesAxeAndTheChecker() throws Exception {
        String page = "/adopter/cy/about.html";
        browser.get(server.url(page));
        List<org.openqa.selenium.WebElement> links = browser.findElements(By.cssSelector(".notice--stale[role=note] p a[hreflang=en]"));
        assertEquals(2, links.size(), "one link in the Welsh paragraph, one in the English");
        assertTrue(links.get(0).getAttribute("href").endsWith("/adopter/en/about.html"), links.get(0).getAttribute("href"));
        assertEquals("Darllenwch y fersiwn Saesneg", links.get(0).getText());
        assertEquals("en", browser.findElements(By.cssSelector(".notice--stale p")).get(1).getAttribute("lang"));
        assertEquals("", Axe.violations(browser), "axe-core violations on " + page);
        List<String> errors = HtmlValidityTest.errorsIn(Files.readString(folder.resolve("public").resolve(page.substring(1)),
                StandardCharsets.UTF_8));
        assertTrue(errors.isEmpty(), "Nu Html Checker errors in " + page + ":\n" + String.join("\n", errors));
    }

    @TestFactory
    Stream<DynamicTest> everyHistoryPagePassesAxe() {
        return historyPages.stream().map(page -> DynamicTest.dynamicTest(page, () -> {
            browser.get(server.url(page));
            assertEquals("", Axe.violations(browser), "axe-core violations on " + page);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyHistoryPageIsValidHtml() {
        return historyPages.stream().map(page -> DynamicTest.dynamicTest(page, () -> {
            String html = Files.readString(folder.resolve("public").resolve(page.substring(1)), StandardCharsets.UTF_8);
            List<String> errors = HtmlValidityTest.errorsIn(html);
            assertTrue(errors.isEmpty(), "Nu Html Checker errors in " + page + ":\n" + String.join("\n", errors));
        }));
    }

    private static void edit(Path file, Map<String, String> replacements) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            assertTrue(text.contains(replacement.getKey()), file + " has no '" + replacement.getKey() + "'");
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void commit(Path root, String date) throws Exception {
        git(root, date, "add", "-A");
        git(root, date, "-c", "user.name=Policy Author", "-c", "user.email=author@example.org", "commit", "-q", "-m", "policies on " + date);
    }

    private static void git(Path root, String date, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_AUTHOR_DATE", date);
        builder.environment().put("GIT_COMMITTER_DATE", date);
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process git = builder.start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0, "git " + command + ": " + output);
    }
}
