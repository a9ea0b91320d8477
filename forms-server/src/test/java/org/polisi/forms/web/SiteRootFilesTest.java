package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.LogCapture;
import org.polisi.forms.RawHttp;
import org.polisi.forms.TestServer;

/**
 * What a browser or a crawler asks for at the root of {@code ./polisi serve} (a tester saw 404s for
 * {@code /sitemap.xml} and {@code /favicon.ico}): the build's root files are served with their
 * types, and a school's folder, which holds a site per language, sends the reader to its home
 * page in their language instead of redirecting to a 404.
 */
class SiteRootFilesTest {

    private static final byte[] ICON = {0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0};

    /** A copy of the fixture site with the root files and home pages a real build writes. */
    private static Path site(Path folder) throws IOException {
        Path site = TestServer.copyOfFixture("site", folder.resolve("site"));
        Files.write(site.resolve("favicon.ico"), ICON);
        Files.writeString(site.resolve("sitemap.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap>"
                + "<loc>http://localhost/testschool/sitemap.xml</loc></sitemap></sitemapindex>\n");
        Files.writeString(site.resolve("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: http://localhost/testschool/sitemap.xml\n");
        for (String language : List.of("en", "cy")) {
            Files.writeString(site.resolve("testschool").resolve(language).resolve("index.html"),
                    "<!doctype html><html lang=\"" + language + "\"><title>Home</title></html>");
        }
        return site;
    }

    private static HttpResponse<byte[]> get(TestServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theRootFilesAreServedWithTheirTypes(@TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("site-dir", site(folder)).load(),
                java.time.Clock.systemUTC())) {
            HttpResponse<byte[]> icon = get(server, "/favicon.ico");
            assertEquals(200, icon.statusCode());
            assertArrayEquals(ICON, icon.body());
            assertTrue(icon.headers().firstValue("Content-Type").orElseThrow().startsWith("image/x-icon"));
            HttpResponse<byte[]> sitemap = get(server, "/sitemap.xml");
            assertEquals(200, sitemap.statusCode());
            assertEquals("application/xml; charset=utf-8", sitemap.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(new String(sitemap.body(), StandardCharsets.UTF_8).contains("<sitemapindex"));
            HttpResponse<byte[]> robots = get(server, "/robots.txt");
            assertEquals(200, robots.statusCode());
            assertTrue(new String(robots.body(), StandardCharsets.UTF_8).contains("Sitemap: "));
        }
    }

    @Test
    void aSchoolsFolderLeadsToItsHomePageInTheReadersLanguage(@TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("site-dir", site(folder)).load(),
                java.time.Clock.systemUTC())) {
            for (String[] asked : new String[][] {{"/testschool", "", "/testschool/en/"},
                {"/testschool/", "", "/testschool/en/"}, {"/testschool/", "cy", "/testschool/cy/"},
                {"/testschool?lang=cy", "", "/testschool/cy/"}, {"//testschool/", "", "/testschool/en/"},
                {"/testschool/en", "", "/testschool/en/"}}) {
                RawHttp.Response response = RawHttp.send(server.port(), asked[1].isEmpty() ? RawHttp.get(asked[0])
                        : RawHttp.get(asked[0], "Accept-Language: " + asked[1]));
                assertEquals(303, response.status(), asked[0] + "\n" + response.head());
                assertEquals(asked[2], response.header("Location"), asked[0] + " " + asked[1]);
            }
            assertEquals(200, get(server, "/testschool/en/").statusCode(), "the redirect leads to a page");
            try (LogCapture log = new LogCapture()) {
                assertEquals(404, RawHttp.send(server.port(), RawHttp.get("/assets/")).status(),
                        "a folder with no home page is not found");
                assertEquals(1, log.lines().stream().filter(line -> !line.contains("AlertDelivery")).count(), log.text());
            }
        }
    }
}
