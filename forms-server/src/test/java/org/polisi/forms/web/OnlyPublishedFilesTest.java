package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.LogCapture;
import org.polisi.forms.TestServer;

/**
 * Tester 7: the server served an {@code .html} page or a script from any place in the site folder
 * (a school's {@code assets/}, which a build now fills with pictures only, but where a file put by
 * hand or left by an older build stays), from the origin of the staff pages. It now serves only
 * what a build publishes, by place and type (docs/adr/0101): a real server on a free port over a
 * site laid out as {@code ./polisi build} writes it, and every file that does not belong there,
 * each a 404 with one log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlyPublishedFilesTest {

    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><main>x</main>"
            + "<script>alert(document.cookie)</script></body></html>";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    private static final byte[] ICON = {0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0};
    private static final String SCRIPTED_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";

    TestServer server;
    Path site;

    @BeforeAll
    void start(@TempDir Path folder) throws IOException {
        site = built(folder.resolve("site"));
        server = TestServer.start(TestServer.settings(folder).set("site-dir", site).load(), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** The fixture site with every kind of file a real build writes (site/target/public after ./polisi build). */
    private static Path built(Path folder) throws IOException {
        Path site = TestServer.copyOfFixture("site", folder);
        Files.writeString(site.resolve("404.html"), PAGE);
        Files.write(site.resolve("favicon.ico"), ICON);
        Files.writeString(site.resolve("robots.txt"), "User-agent: *\nAllow: /\n");
        Files.writeString(site.resolve("sitemap.xml"), "<?xml version=\"1.0\"?><sitemapindex/>");
        Files.writeString(site.resolve("assets/polisi.js"), "document.documentElement.className = 'js';\n");
        Files.write(site.resolve("assets/favicon.ico"), ICON);
        Path school = site.resolve("testschool");
        Files.writeString(school.resolve("sitemap.xml"), "<?xml version=\"1.0\"?><urlset/>");
        Files.writeString(school.resolve("en/index.html"), PAGE);
        Files.writeString(school.resolve("en/parent-agreement.pdf"), "%PDF-1.7\n");
        Files.writeString(school.resolve("en/parent-agreement.changes-425253ce847c.html"), PAGE);
        Files.writeString(school.resolve("en/parent-agreement.version-425253ce847c.html"), PAGE);
        Files.createDirectories(school.resolve("assets/photos"));
        Files.write(school.resolve("assets/logo.png"), PNG);
        Files.write(school.resolve("assets/photos/Trip.JPG"), JPEG);
        Files.copy(site.resolve("assets/crest.svg"), school.resolve("assets/crest.svg"));
        return site;
    }

    /** What a build publishes, with the type it is served as. */
    private static Map<String, String> published() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("/", "text/html");
        files.put("/index.html", "text/html");
        files.put("/404.html", "text/html");
        files.put("/favicon.ico", "image/x-icon");
        files.put("/robots.txt", "text/plain");
        files.put("/sitemap.xml", "application/xml");
        files.put("/assets/polisi.css", "text/css");
        files.put("/assets/polisi.js", "text/javascript");
        files.put("/assets/favicon.ico", "image/x-icon");
        files.put("/assets/crest.svg", "image/svg+xml");
        files.put("/testschool/sitemap.xml", "application/xml");
        files.put("/testschool/en/", "text/html");
        files.put("/testschool/en/parent-agreement.html", "text/html");
        files.put("/testschool/cy/parent-agreement.html", "text/html");
        files.put("/testschool/en/parent-agreement.pdf", "application/pdf");
        files.put("/testschool/en/parent-agreement.changes-425253ce847c.html", "text/html");
        files.put("/testschool/en/parent-agreement.version-425253ce847c.html", "text/html");
        files.put("/testschool/assets/logo.png", "image/png");
        files.put("/testschool/assets/photos/Trip.JPG", "image/jpeg");
        files.put("/testschool/assets/crest.svg", "image/svg+xml");
        return files;
    }

    @Test
    void everyKindOfFileABuildPublishesIsServedWithItsTypeAndNosniff() {
        for (Map.Entry<String, String> file : published().entrySet()) {
            HttpResponse<String> response = server.browser().get(file.getKey());
            assertEquals(200, response.statusCode(), file.getKey());
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith(file.getValue()), file.getKey() + ": " + type);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), file.getKey());
        }
        assertEquals(303, server.browser().get("/testschool/").statusCode(), "a school's folder leads to its home");
        assertEquals(303, server.browser().get("/testschool/en").statusCode());
    }

    /** Files put where a build never writes them: each is a 404 with one log line, and its body is never sent. */
    @Test
    void aFileABuildDoesNotPublishThereIsNotFound() throws IOException {
        Path school = site.resolve("testschool");
        List<String> hostile = new ArrayList<>();
        for (String name : List.of("evil.html", "evil.htm", "evil.xhtml", "evil.shtml", "evil.js", "evil.mjs", "evil.css",
                "evil.json", "evil.pdf", "evil", "evil.png.html", "EVIL.HTML", "evil.html.", "evil.wasm", "evil.ico")) {
            for (Path place : List.of(school.resolve("assets"), school.resolve("assets/photos"))) {
                Files.writeString(place.resolve(name), PAGE);
                hostile.add("/" + site.relativize(place.resolve(name)).toString().replace('\\', '/'));
            }
        }
        for (String name : List.of("evil.js", "evil.mjs", "evil.htm", "evil.xhtml", "evil.svg", "evil.png", "evil.txt",
                "evil.xml", "evil", "page.HTML", "page.PDF", "Page.html", "page.html.js", "page_x.html", "evil.css")) {
            Files.writeString(school.resolve("en").resolve(name), PAGE);
            hostile.add("/testschool/en/" + name);
        }
        for (String name : List.of("evil.html", "evil.js", "evil.svg", "index.html", "evil.pdf")) {
            Files.writeString(school.resolve(name), PAGE);
            hostile.add("/testschool/" + name);
        }
        for (String name : List.of("evil.html", "evil.htm", "evil.html.js", "evil.js.map", "evil.pdf", "evil", "evil.txt")) {
            Files.writeString(site.resolve("assets").resolve(name), PAGE);
            hostile.add("/assets/" + name);
        }
        for (String name : List.of("evil.html", "evil.js", "evil.css", "evil.svg", "notes.txt", "feed.xml")) {
            Files.writeString(site.resolve(name), PAGE);
            hostile.add("/" + name);
        }
        Files.createDirectories(site.resolve("assets/theme"));
        Files.writeString(site.resolve("assets/theme/extra.js"), PAGE);
        hostile.add("/assets/theme/extra.js");
        Files.createDirectories(school.resolve("en/older"));
        Files.writeString(school.resolve("en/older/page.html"), PAGE);
        hostile.add("/testschool/en/older/page.html");
        Files.createDirectories(school.resolve("fr"));
        Files.writeString(school.resolve("fr/page.html"), PAGE);
        hostile.add("/testschool/fr/page.html");
        Files.createDirectories(site.resolve("Other_School/en"));
        Files.writeString(site.resolve("Other_School/en/page.html"), PAGE);
        hostile.add("/Other_School/en/page.html");
        Files.writeString(site.resolve("Other_School/en/index.html"), PAGE);
        hostile.add("/Other_School/");   // no school of a build's naming: not led to a home that is not served
        hostile.add("/Other_School/en/");
        // a page (or a folder's index) in assets/, asked for by its folder
        Files.writeString(school.resolve("assets/photos/index.html"), PAGE);
        hostile.add("/testschool/assets/photos/");
        hostile.add("/testschool/assets/photos");
        hostile.add("/testschool/assets/photos/index.html");
        // named as a picture, a page inside: the build checks a picture's first bytes, and so does the server
        for (String name : List.of("page.png", "page.html.png", "page.JPG", "page.gif", "page.webp")) {
            Files.writeString(school.resolve("assets").resolve(name), PAGE);
            hostile.add("/testschool/assets/" + name);
        }
        // encoded dots and case: the name is the name; the decoded request is checked like any other
        hostile.add("/testschool/assets/evil%2ehtml");
        hostile.add("/testschool/assets/evil%2Ejs");
        hostile.add("/testschool/assets/%2e%2e/en/evil.js");
        hostile.add("/testschool/en/evil%2Ehtm");
        hostile.add("/TESTSCHOOL/en/parent-agreement.html");
        hostile.add("/testschool/EN/parent-agreement.html");

        for (String path : hostile) {
            try (LogCapture log = new LogCapture()) {
                HttpResponse<String> response = server.browser().get(path);
                assertEquals(404, response.statusCode(), path);
                assertTrue(!response.body().contains("alert(document.cookie)"), path);
                List<String> lines = log.lines().stream().filter(line -> !line.contains("AlertDelivery")).toList();
                assertEquals(1, lines.size(), path + " logged " + lines);
            }
        }
        assertEquals(404, server.browser().head("/testschool/assets/evil.html").statusCode());
    }

    /** A link is never followed, even to a published file: a build writes none. */
    @Test
    void aSymbolicLinkIsNotFollowed() throws IOException {
        Path school = site.resolve("testschool");
        Files.createSymbolicLink(school.resolve("en/linked.html"), school.resolve("en/parent-agreement.html"));
        Files.createSymbolicLink(school.resolve("assets/linked.png"), school.resolve("assets/logo.png"));
        Files.createSymbolicLink(school.resolve("assets/linked"), school.resolve("assets/photos"));
        Files.createSymbolicLink(school.resolve("cy-link"), school.resolve("cy"));
        for (String path : List.of("/testschool/en/linked.html", "/testschool/assets/linked.png",
                "/testschool/assets/linked/Trip.JPG", "/testschool/cy-link/parent-agreement.html")) {
            assertEquals(404, server.browser().get(path).statusCode(), path);
        }
    }

    /** An SVG is a picture: served, but in a sandbox, so a script in one put there by hand never runs (ADR 0097). */
    @Test
    void anSvgWithAScriptIsServedOnlyInASandbox() throws IOException {
        Files.writeString(site.resolve("testschool/assets/scripted.svg"), SCRIPTED_SVG);
        for (String path : List.of("/testschool/assets/scripted.svg", "/testschool/assets/crest.svg")) {
            HttpResponse<String> response = server.browser().get(path);
            assertEquals(200, response.statusCode(), path);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("sandbox") && policy.contains("default-src 'none'"), path + ": " + policy);
        }
        assertTrue(new String(Files.readAllBytes(site.resolve("testschool/assets/scripted.svg")), StandardCharsets.UTF_8)
                .contains("<script>"));
    }
}
