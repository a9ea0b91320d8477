package org.polisi.forms.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

/**
 * Welsh where the browser speaks: every Welsh page the server serves or writes (the sites' pages,
 * "page not found", sign-in and its error, a refused form with its "Gwall:" title, a receipt, the
 * staff pages) carries no English server message in what a browser or screen reader reads out:
 * the {@code <title>}, {@code aria-label}, {@code title}, {@code alt}, {@code placeholder}, button
 * texts and input buttons' values. (The generated sites' pages are checked the same way by the
 * build itself: the site's {@code SpokenText}.)
 */
class WelshInterfaceTextTest {
    private TestServer server;
    private TestServer.Browser browser;

    @BeforeEach
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
        browser = server.browser();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** English server message → key, for every message whose Welsh is worded differently. */
    private static Map<String, String> englishMessages() {
        Properties english = bundle("en");
        Properties welsh = bundle("cy");
        Map<String, String> messages = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key).strip();
            if (!text.equals(welsh.getProperty(key, "").strip()) && text.length() > 1 && !text.contains("{")) {
                messages.put(text.toLowerCase(Locale.ROOT), key);
            }
        }
        return messages;
    }

    private static Properties bundle(String language) {
        Properties bundle = new Properties();
        try (var in = WelshInterfaceTextTest.class.getResourceAsStream("/i18n/server_" + language + ".properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bundle;
    }

    /** What a browser or screen reader would speak in English on this Welsh page. */
    private static List<String> spokenEnglish(String path, String html) {
        Map<String, String> english = englishMessages();
        Document page = Jsoup.parse(html);
        List<String> spoken = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String title = page.title();
        texts.add(title);
        texts.addAll(List.of(title.split(" [–|-] |: ")));
        texts.add(title.split(" ")[0]);     // a prefix such as "Error:"
        for (Element element : page.select("[aria-label], [title], [alt], [placeholder], button, input[type=submit], input[type=button], input[type=reset]")) {
            if (english(element)) {
                continue;
            }
            for (String attribute : List.of("aria-label", "title", "alt", "placeholder")) {
                texts.add(element.attr(attribute));
            }
            texts.add(element.tagName().equals("button") ? element.text() : element.attr("value"));
        }
        for (String text : texts) {
            String key = english.get(text.strip().toLowerCase(Locale.ROOT));
            if (key != null) {
                spoken.add(path + ": '" + text.strip() + "' (" + key + ")");
            }
        }
        return spoken;
    }

    private static boolean english(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            if (at.hasAttr("lang")) {
                return at.attr("lang").startsWith("en");
            }
        }
        return false;
    }

    private static void assertWelsh(String path, HttpResponse<String> response, List<String> found) {
        assertTrue(response.body().contains("lang=\"cy\""), path + " is a Welsh page");
        found.addAll(spokenEnglish(path, response.body()));
    }

    @Test
    void noWelshPageTheServerServesOrWritesSpeaksEnglish() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> pages = Files.list(TestServer.fixture().resolve("site/testschool/cy"))) {
            for (Path page : pages.sorted().toList()) {
                String path = "/testschool/cy/" + page.getFileName();
                assertWelsh(path, browser.get(path), found);
            }
        }
        assertWelsh("404", browser.get("/testschool/cy/no-such-page.html"), found);
        HttpResponse<String> login = browser.get("/staff/login?lang=cy");
        assertWelsh("sign in", login, found);
        HttpResponse<String> wrongPassword = browser.post("/staff/login?lang=cy", form("csrf-token",
                TestServer.hiddenValue(login.body(), "csrf-token"), "email", "nobody@test.example", "password", "wrong"));
        assertWelsh("sign-in error", wrongPassword, found);
        assertTrue(Jsoup.parse(wrongPassword.body()).title().startsWith("Gwall:"), wrongPassword.body());

        HttpResponse<String> refused = browser.postAndFollow("/forms/testschool/images-consent",
                form(with(consent("cy", "Elin", "given", "given"), "consent.video", "")));
        assertEquals(200, refused.statusCode());
        assertWelsh("refused form", refused, found);
        assertTrue(Jsoup.parse(refused.body()).title().startsWith("Gwall:"), Jsoup.parse(refused.body()).title());

        HttpResponse<String> check = browser.postAndFollow("/forms/testschool/images-consent",
                form(with(consent("cy", "Elin", "given", "refused"), "check-answers", "yes")));
        assertWelsh("check your answers", check, found);
        assertWelsh("expired draft", browser.get("/forms/testschool/images-consent/check/" + "A".repeat(43) + "?lang=cy"),
                found);
        HttpResponse<String> sent = browser.post("/forms/testschool/images-consent", form(consent("cy", "Elin", "given", "refused")));
        assertWelsh("receipt", browser.get(sent.headers().firstValue("Location").orElseThrow()), found);

        server.addStaff("testschool", "Pennaeth", "head@test.example", "headteacher");
        browser.login("head@test.example", TestServer.PASSWORD);
        for (String page : List.of("/staff/?lang=cy", "/staff/submissions", "/staff/consents", "/staff/governors")) {
            assertWelsh(page, browser.get(page), found);
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theCheckFindsEnglishWhereItIsPlanted() {
        // The same check on a Welsh page with English in its title prefix, a button and a label.
        String planted = "<html lang=\"cy\"><head><title>Error: Ffurflen</title></head><body>"
                + "<nav aria-label=\"Staff pages\"></nav><button>Sign in</button>"
                + "<a lang=\"en\" aria-label=\"Staff pages\">English on purpose</a></body></html>";
        List<String> found = spokenEnglish("planted", planted);
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.contains("'Error:'") || f.contains("'Error'")), found.toString());
    }
}
