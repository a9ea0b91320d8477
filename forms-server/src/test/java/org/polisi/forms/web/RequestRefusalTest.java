package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polisi.forms.LogCapture;
import org.polisi.forms.RawHttp;
import org.polisi.forms.TestServer;

/**
 * Issue 23, fault 4: a request the server cannot parse gets a 4xx page in its language (or JSON for
 * a script) and exactly one log line, without a stack trace, with control characters escaped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestRefusalTest {

    TestServer server;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Sends the request, and checks it was refused with a 4xx and logged in one line; returns the response. */
    private RawHttp.Response refusedWithOneLogLine(String request, int expectedStatus) {
        try (LogCapture log = new LogCapture()) {
            RawHttp.Response response = RawHttp.send(server.port(), request);
            assertEquals(expectedStatus, response.status(), response.head());
            List<String> lines = log.lines().stream().filter(line -> !line.contains("AlertDelivery")).toList();
            assertEquals(1, lines.size(), "one log line: " + lines);
            assertFalse(log.text().contains("\tat "), "no stack trace");
            return response;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"klingon", "\"utf-7\"", "x y", "", "utf-8; charset=klingon"})
    void anUnsupportedCharsetIsRefusedOnAnyRoute(String charset) {
        for (String path : List.of("/staff/login", "/", "/testschool/en/parent-agreement.html")) {
            RawHttp.Response response = refusedWithOneLogLine(RawHttp.request("POST", path, "a=b",
                    "Content-Type: application/x-www-form-urlencoded; charset=" + charset), 400);
            assertTrue(response.body().contains("Request not understood"), response.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d.evil.example", "http://localhost:%d.evil.example",
        "http://localhost:%d@evil.example", "http://[::1", "http://%%00", "null"})
    void aForeignOrMalformedOriginIsRefusedNotAnError(String origin) {
        String request = RawHttp.request("POST", "/staff/login", "a=b",
                "Content-Type: application/x-www-form-urlencoded", "Origin: " + origin.formatted(server.port()));
        RawHttp.Response response = refusedWithOneLogLine(request, 403);
        assertTrue(response.body().contains("Form not accepted"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/staff/submissions/%zz", "/testschool/en/%", "/a/%2e%2e/%2e%2e/b", "/%c0%ae"})
    void aPathJettyCannotReadGetsTheServersOwnPageWithItsHeaders(String path) {
        RawHttp.Response response = refusedWithOneLogLine(RawHttp.get(path), 400);
        assertEquals("Request not understood", Jsoup.parse(response.body()).selectFirst("h1").text());
        for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                "Referrer-Policy")) {
            assertNotNull(response.header(header), header + " in " + response.head());
        }
        assertFalse(response.text().toLowerCase(java.util.Locale.ROOT).contains("jetty"), response.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/testschool/%u002e%u002e/x", "/%u002e", "/forms/testschool/received/%u0041",
        "/staff/submissions/%u0027"})
    void aBrokenEscapeInThePathIsABadRequestInTheRequestsLanguage(String path) {
        RawHttp.Response english = refusedWithOneLogLine(RawHttp.get(path), 400);
        assertEquals("Request not understood", Jsoup.parse(english.body()).selectFirst("h1").text());
        assertTrue(english.header("Content-Security-Policy") != null, "security headers");

        RawHttp.Response welsh = refusedWithOneLogLine(RawHttp.get(path, "Accept-Language: cy"), 400);
        assertEquals("Ni ddeallwyd y cais", Jsoup.parse(welsh.body()).selectFirst("h1").text());
        assertEquals("cy", Jsoup.parse(welsh.body()).selectFirst("html").attr("lang"));
    }

    @Test
    void aScriptGetsJson() {
        RawHttp.Response response = refusedWithOneLogLine(RawHttp.get("/%u002e", "Accept: application/json"), 400);
        assertTrue(response.header("Content-Type").startsWith("application/json"), response.head());
        assertTrue(response.body().contains("\"status\":400") && response.body().contains("\"error\":\"malformed\""),
                response.body());
        RawHttp.Response charset = refusedWithOneLogLine(RawHttp.request("POST", "/staff/login",
                "{}", "Content-Type: application/json; charset=klingon"), 400);
        assertTrue(charset.header("Content-Type").startsWith("application/json"), charset.head());
    }

    @Test
    void malformedJsonIsABadRequestWithJson() {
        for (String body : List.of("{bad", "[1,2", "{\"a\":", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}")) {
            RawHttp.Response response = RawHttp.send(server.port(), RawHttp.request("POST", "/forms/testschool/images-consent",
                    body, "Content-Type: application/json"));
            assertEquals(400, response.status(), body.substring(0, Math.min(20, body.length())) + response.head());
            assertTrue(response.header("Content-Type").startsWith("application/json"), response.head());
        }
    }

    @Test
    void aLineBreakOrTerminalEscapeInARequestCannotForgeALogLine() {
        try (LogCapture log = new LogCapture()) {
            RawHttp.send(server.port(), RawHttp.request("POST", "/forms/testschool/x%0aFAKE%20forged%20line", "a=b",
                    "Content-Type: application/x-www-form-urlencoded"));
            RawHttp.send(server.port(), RawHttp.get("/x%0d%0aFAKE%1b[2J%u002e"));
            RawHttp.send(server.port(), RawHttp.request("POST", "/forms/testschool/x%1b%5b2J%1b%5d0title%07", "a=b",
                    "Content-Type: application/x-www-form-urlencoded"));
            String text = log.text();
            assertFalse(text.lines().anyMatch(line -> line.startsWith("FAKE")), text);
            assertFalse(text.contains("\u001b"), "no raw escape character: " + text);
            assertTrue(text.contains("\\u001b"), "the escape character shown escaped: " + text);
        }
    }

    /** Jetty names a request it cannot parse "BAD /badMessage": the log says what was asked instead. */
    @Test
    void aRequestJettyCannotParseIsLoggedWithItsMethodAndPath() {
        List<String> requests = List.of(
                "GET /bad\u0001path?secret=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "DELETE /staff/x%0aFAKE HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n",
                "PUT /x\u001b[2J HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        List<String> expected = List.of("Refused GET /bad\\u0001path with 400", "Refused DELETE /staff/x%0aFAKE with 400",
                "Refused PUT /x\\u001b[2J with 400");
        for (int i = 0; i < requests.size(); i++) {
            try (LogCapture log = new LogCapture()) {
                RawHttp.Response response = RawHttp.send(server.port(), requests.get(i));
                assertEquals(400, response.status(), response.head());
                String text = log.text();
                assertEquals(1, log.lines().size(), text);
                assertTrue(text.contains(expected.get(i)), expected.get(i) + " in: " + text);
                assertFalse(text.contains("/badMessage") || text.contains("secret"), text);
                assertFalse(text.contains("\u001b"), "no raw escape character: " + text);
            }
        }
    }

    @Test
    void repeatedRefusalsAreRateLimitedInTheLog() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 200; i++) {
                assertEquals(400, RawHttp.send(server.port(), RawHttp.get("/%u002e")).status());
            }
            long refusals = log.lines().stream().filter(line -> line.contains("Refused GET /%u002e")).count();
            assertTrue(refusals >= 1 && refusals <= 20, refusals + " lines for 200 refusals");
        }
    }

    @Test
    void aBodyThatStopsArrivingGets408() {
        // announces 1,000 bytes and sends 10: the idle timeout (5 s) ends it, not 30 s of a held thread
        RawHttp.Response response = RawHttp.send(server.port(), "POST /forms/testschool/images-consent HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
                + "form-langu");
        assertEquals(408, response.status(), response.text());
        assertNotNull(response.header("Content-Security-Policy"));
    }

    @Test
    void aBodyOverTheLimitGets413() {
        // over max-body-bytes (64 KiB), the limit of every POST but a form's (whose limit its manifest sets)
        String body = "a=" + "x".repeat(70_000);
        RawHttp.Response response = RawHttp.send(server.port(), RawHttp.request("POST", "/staff/login", body,
                "Content-Type: application/x-www-form-urlencoded"));
        assertEquals(413, response.status(), response.head());
    }
}
