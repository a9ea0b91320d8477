package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polisi.forms.RawHttp;
import org.polisi.forms.TestServer;

/**
 * Issue 23, fault 8: links and redirects never leave the site whatever the path; HEAD answers as
 * GET does; a method override header changes nothing; Jetty's own answers carry the security headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpSemanticsTest {

    TestServer server;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "///evil.example/x", "//evil.example", "/%2F%2Fevil.example/x",
        "//evil.example/testschool/en/x.html?lang=en&a=b", "//evil.example/forms/testschool/received/X"})
    void theLanguageToggleStaysOnThisSite(String path) {
        RawHttp.Response response = RawHttp.send(server.port(), RawHttp.get(path));
        assertTrue(response.status() >= 400 && response.status() < 500, response.head());
        URI page = URI.create(server.url("/")).resolve(path.replace("%2F", "/").replaceFirst("^/+", "/"));
        for (Element link : Jsoup.parse(response.body()).select("a[href]")) {
            URI target = URI.create(server.url("/x")).resolve(link.attr("href"));
            assertEquals("localhost", target.getHost(), link.outerHtml() + " on " + page);
        }
        Element toggle = Jsoup.parse(response.body()).selectFirst("nav.language-toggle a");
        assertNotNull(toggle);
        assertTrue(toggle.attr("href").startsWith("?lang=cy"), toggle.outerHtml());
    }

    @ParameterizedTest
    @ValueSource(strings = {"//testschool", "///testschool", "//testschool/en"})
    void aFolderRedirectStaysOnThisSite(String path) {
        RawHttp.Response response = RawHttp.send(server.port(), RawHttp.get(path));
        if (response.status() == 303) {
            String location = response.header("Location");
            assertFalse(location.startsWith("//"), location);
            assertEquals("localhost", URI.create(server.url("/")).resolve(location).getHost(), location);
        }
    }

    @Test
    void headAnswersWhatGetAnswersWithoutABody() {
        for (String path : List.of("/nothing-here", "/testschool/en/parent-agreement.html", "/testschool/en/nope.html",
                "/staff/", "/staff/login", "/", "/forms/testschool/received/NOPE", "/assets/polisi.css", "/%u002e")) {
            RawHttp.Response get = RawHttp.send(server.port(), RawHttp.get(path));
            RawHttp.Response head = RawHttp.send(server.port(), RawHttp.request("HEAD", path, ""));
            assertEquals(get.status(), head.status(), "HEAD " + path);
            assertEquals(get.header("Content-Type"), head.header("Content-Type"), "HEAD " + path);
            assertEquals("", head.body(), "HEAD " + path + " has no body");
        }
    }

    @Test
    void aMethodOverrideHeaderIsIgnored() {
        for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            // a POST that says it is a GET is still a POST: the login refuses it for its missing token
            RawHttp.Response post = RawHttp.send(server.port(), RawHttp.request("POST", "/staff/login", "a=b",
                    "Content-Type: application/x-www-form-urlencoded", header + ": GET"));
            assertEquals(403, post.status(), header + " " + post.head());
            // a GET that says it is a POST is still a GET: the login page
            RawHttp.Response get = RawHttp.send(server.port(), RawHttp.get("/staff/login", header + ": POST"));
            assertEquals(200, get.status(), header + " " + get.head());
            assertTrue(get.body().contains("name=\"password\""), "the login form");
        }
    }

    @Test
    void jettysOwnAnswersCarryTheSecurityHeaders() {
        List<String> requests = List.of(
                "GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
                "GET / HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /a/%2e%2e/%2e%2e/b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        for (String request : requests) {
            RawHttp.Response response = RawHttp.send(server.port(), request);
            assertTrue(response.status() >= 400 && response.status() < 500, response.head());
            for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                    "Referrer-Policy", "Permissions-Policy")) {
                assertNotNull(response.header(header), header + " missing in " + response.head());
            }
            assertFalse(response.head().toLowerCase(java.util.Locale.ROOT).contains("jetty"), response.head());
        }
    }

    /** Issue 23 follow-up: a method a known path does not take is 405 with Allow, not 404; one log line each. */
    @Test
    void aMethodAPathDoesNotTakeIs405WithAllow() {
        Map<String, String> allowOf = Map.of(
                "/staff/login", "GET, HEAD, POST",
                "/staff/consents", "GET, HEAD",
                "/forms/testschool/parent-agreement", "POST",
                "/staff/logout", "POST",
                "/testschool/en/parent-agreement.html", "GET, HEAD");
        allowOf.forEach((path, allow) -> {
            for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE")) {
                RawHttp.Response response = RawHttp.send(server.port(), RawHttp.request(method, path, ""));
                assertEquals(405, response.status(), method + " " + path + "\n" + response.head());
                assertEquals(allow, response.header("Allow"), method + " " + path);
                assertNotNull(response.header("Content-Security-Policy"), method + " " + path);
            }
            RawHttp.Response options = RawHttp.send(server.port(), RawHttp.request("OPTIONS", path, ""));
            assertEquals(204, options.status(), "OPTIONS " + path + "\n" + options.head());
            assertEquals(allow + ", OPTIONS", options.header("Allow"), "OPTIONS " + path);
        });
        assertEquals(405, RawHttp.send(server.port(), RawHttp.get("/staff/logout")).status());
        assertEquals("POST", RawHttp.send(server.port(), RawHttp.get("/staff/logout")).header("Allow"));
        assertEquals(405, server.browser().post("/staff/consents", TestServer.form("a", "b")).statusCode());
        // a path nothing answers stays "not found", whatever the method
        for (String method : List.of("PUT", "DELETE", "OPTIONS", "GET")) {
            assertEquals(404, RawHttp.send(server.port(), RawHttp.request(method, "/testschool/en/nope.html", ""))
                    .status(), method);
        }
        RawHttp.Response welsh = RawHttp.send(server.port(), RawHttp.request("DELETE", "/staff/consents?lang=cy", ""));
        assertTrue(welsh.body().contains("Ni chaniateir hyn yma"), welsh.body());
    }
}
