package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.LogCapture;
import org.polisi.forms.RawHttp;
import org.polisi.forms.Submissions;
import org.polisi.forms.TestServer;

/**
 * Every refused request logs exactly one line: a tester's request with two {@code Host} headers
 * logged two (Jetty's parser warned, then the refusal), and a page that does not exist logged none.
 * Each request below, refused at a different layer (Jetty's parser, the guards, a route, a handler, a
 * service, the form intake, Javalin's own 404), is sent to a real server and must leave one line,
 * without a stack trace or a raw control character. OPTIONS gets 204 with {@code Allow} and one line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalLogTest {

    TestServer server;
    String incidentReference;

    @BeforeAll
    void start(@TempDir Path folder) {
        server = TestServer.start(folder);
        server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
        incidentReference = reference(server.browser().post("/forms/testschool/incident-report",
                form(incident("en", "none", "Unkind messages"))));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** What one request logged, leaving out the alert delivery's background lines. */
    static List<String> logged(Runnable request) {
        try (LogCapture log = new LogCapture()) {
            request.run();
            return log.lines().stream().filter(line -> !line.contains("AlertDelivery")).toList();
        }
    }

    private static void oneLine(String what, List<String> lines) {
        assertEquals(1, lines.size(), what + " logged " + lines);
        String line = lines.get(0);
        assertFalse(line.contains("\tat ") || line.contains("Exception"), what + ": " + line);
        assertTrue(line.chars().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)), what + ": " + line);
    }

    /**
     * Tester 2, finding 11: a bad percent escape was logged as "not valid in its charset". Each way a
     * field cannot be read is logged as what it is, on its one line.
     */
    @Test
    void anUnreadableFieldIsLoggedWithItsOwnCause() {
        String version = Submissions.version("en", 3);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a percent escape not followed by two hex digits", "form-id=incident-report&form-lang=en&form-version="
                + version + "&reporter-name=%zz&urgent-concern=none&what-happened=x&category=other&website=");
        bodies.put("bytes not valid in its charset", "form-id=incident-report&form-lang=en&form-version="
                + version + "&reporter-name=Si%C3%28n&urgent-concern=none&what-happened=x&category=other&website=");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            HttpResponse<String>[] response = new HttpResponse[1];
            List<String> lines = logged(() -> response[0] = server.browser().post("/forms/testschool/incident-report",
                    body.getValue()));
            assertEquals(400, response[0].statusCode(), body.getKey());
            oneLine(body.getKey(), lines);
            assertTrue(lines.get(0).contains("unreadable (" + body.getKey() + ")"), lines.get(0));
            String other = body.getKey().startsWith("bytes") ? "percent escape" : "charset";
            assertFalse(lines.get(0).contains(other), lines.get(0));
        }
    }

    @Test
    void twoHostHeadersAreRefusedWithOneLine() {
        for (String extra : List.of("Host: evil.example", "host: localhost", "HOST: a\r\nHost: b")) {
            RawHttp.Response[] response = new RawHttp.Response[1];
            List<String> lines = logged(() -> response[0] = RawHttp.send(server.port(), RawHttp.get("/", extra)));
            assertEquals(400, response[0].status(), extra);
            oneLine(extra, lines);
            assertTrue(lines.get(0).contains("Refused GET / with 400"), lines.get(0));
            assertFalse(lines.get(0).contains("evil.example"), "the refusal names no header value: " + lines.get(0));
        }
    }

    @Test
    void everyRefusedRequestLogsExactlyOneLine() {
        TestServer.Browser office = server.loggedIn("office@test.example");
        Map<String, Supplier<Integer>> requests = new LinkedHashMap<>();
        requests.put("a page that does not exist", () -> RawHttp.send(server.port(), RawHttp.get("/nothing.html")).status());
        requests.put("HEAD of one", () -> RawHttp.send(server.port(), RawHttp.request("HEAD", "/nothing", "")).status());
        requests.put("a method nothing knows", () -> RawHttp.send(server.port(), RawHttp.request("FOO", "/", "")).status());
        requests.put("PROPFIND", () -> RawHttp.send(server.port(), RawHttp.request("PROPFIND", "/staff/", "")).status());
        requests.put("a method the path does not take", () -> RawHttp.send(server.port(),
                RawHttp.request("DELETE", "/staff/login", "")).status());
        requests.put("PUT /", () -> RawHttp.send(server.port(), RawHttp.request("PUT", "/", "")).status());
        requests.put("a staff POST without a session", () -> server.browser().post("/staff/people",
                form("name", "Nia")).statusCode());
        requests.put("a login without its token", () -> server.browser().post("/staff/login",
                form("email", "a@b.example", "password", "x")).statusCode());
        requests.put("a wrong password", () -> server.browser().login("office@test.example", "wrong password").statusCode());
        requests.put("an unknown school's form", () -> server.browser().post("/forms/nowhere/x",
                form("a", "b")).statusCode());
        // a browser's form with a missing answer goes to its draft page (303, ADR 0052); a script's is refused
        requests.put("a script's form with a missing answer", () -> server.browser().postJson(
                "/forms/testschool/incident-report", "{\"form-id\":\"incident-report\",\"form-lang\":\"en\"}").statusCode());
        requests.put("a form with an unreadable answer", () -> server.browser().post("/forms/testschool/incident-report",
                form(incident("en", "none", "x")).replace("what-happened=", "what-happened=%zz")).statusCode());
        requests.put("a record the role may not read", () -> office.get("/staff/submissions/" + incidentReference)
                .statusCode());
        requests.put("a record that does not exist", () -> office.get("/staff/submissions/ZZZZ2345").statusCode());
        requests.put("a staff page the role may not open", () -> office.get("/staff/governors").statusCode());
        requests.put("a staff POST with a forged token", () -> office.post("/staff/people",
                form("csrf-token", "forged", "name", "Nia")).statusCode());
        requests.put("an unsupported charset", () -> RawHttp.send(server.port(), RawHttp.request("POST", "/staff/login",
                "a=b", "Content-Type: application/x-www-form-urlencoded; charset=klingon")).status());
        requests.put("a broken escape", () -> RawHttp.send(server.port(), RawHttp.get("/staff/submissions/%u0041")).status());
        requests.put("a path Jetty refuses", () -> RawHttp.send(server.port(), RawHttp.get("/a/%2e%2e/%2e%2e/b")).status());
        requests.put("a header too large", () -> RawHttp.send(server.port(), RawHttp.get("/",
                "X-Big: " + "a".repeat(20_000))).status());
        requests.put("a control character in a header", () -> RawHttp.send(server.port(), RawHttp.get("/",
                "X-Forwarded-For: \u001b[2J")).status());
        requests.put("a body over the limit", () -> RawHttp.send(server.port(), RawHttp.request("POST", "/staff/login",
                "a=" + "x".repeat(70_000), "Content-Type: application/x-www-form-urlencoded")).status());
        requests.put("an expectation nobody meets", () -> RawHttp.send(server.port(), RawHttp.request("POST",
                "/staff/login", "a=b", "Expect: 200-ok")).status());
        requests.put("a foreign origin", () -> RawHttp.send(server.port(), RawHttp.request("POST", "/staff/login", "a=b",
                "Content-Type: application/x-www-form-urlencoded", "Origin: http://evil.example")).status());
        requests.put("a receipt that does not exist", () -> RawHttp.send(server.port(),
                RawHttp.get("/forms/testschool/received/ZZZZ2345")).status());
        requests.put("an agreed text that does not exist", () -> RawHttp.send(server.port(),
                RawHttp.get("/agreed-texts/testschool/parent-agreement/000000000000")).status());
        List<String> wrong = new ArrayList<>();
        requests.forEach((what, request) -> {
            int[] status = new int[1];
            List<String> lines = logged(() -> status[0] = request.get());
            if (status[0] < 400 || status[0] >= 500) {
                wrong.add(what + ": status " + status[0]);
            } else if (lines.size() != 1) {
                wrong.add(what + " (" + status[0] + "): " + lines.size() + " lines " + lines);
            } else {
                oneLine(what, lines);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void optionsAnswersEveryPathWithAllowAndOneLine() {
        Map<String, String> allowOf = new LinkedHashMap<>();
        allowOf.put("/", "GET, HEAD, OPTIONS");
        allowOf.put("*", "GET, HEAD, POST, OPTIONS");
        allowOf.put("/staff/login", "GET, HEAD, POST, OPTIONS");
        allowOf.put("/staff/", "GET, HEAD, OPTIONS");
        allowOf.put("/forms/testschool/images-consent", "POST, OPTIONS");
        allowOf.put("/testschool/en/parent-agreement.html", "GET, HEAD, OPTIONS");
        allowOf.put("/assets/polisi.css", "GET, HEAD, OPTIONS");
        allowOf.forEach((path, allow) -> {
            RawHttp.Response[] response = new RawHttp.Response[1];
            List<String> lines = logged(() -> response[0] = RawHttp.send(server.port(), RawHttp.request("OPTIONS", path, "")));
            assertEquals(204, response[0].status(), "OPTIONS " + path + "\n" + response[0].head());
            assertEquals(allow, response[0].header("Allow"), "OPTIONS " + path);
            assertNotNull(response[0].header("Content-Security-Policy"), "OPTIONS " + path);
            assertEquals(null, response[0].header("Access-Control-Allow-Origin"), "no CORS: a preflight still fails");
            oneLine("OPTIONS " + path, lines);
        });
        RawHttp.Response[] missing = new RawHttp.Response[1];
        List<String> lines = logged(() -> missing[0] = RawHttp.send(server.port(), RawHttp.request("OPTIONS", "/nothing", "")));
        assertEquals(404, missing[0].status());
        oneLine("OPTIONS of a path that does not exist", lines);
    }

    @Test
    void aSuccessfulPageLogsNothing() {
        List<String> lines = logged(() -> {
            HttpResponse<String> page = server.browser().get("/testschool/en/parent-agreement.html");
            assertEquals(200, page.statusCode());
        });
        assertEquals(List.of(), lines);
    }
}
