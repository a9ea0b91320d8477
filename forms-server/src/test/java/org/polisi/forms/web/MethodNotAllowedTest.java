package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.RawHttp;
import org.polisi.forms.TestServer;

/**
 * Issue 20 (left-over): a method the path does not take answered 404 when its token was not one
 * Javalin knows ({@code PROPFIND}, {@code QUERY}, {@code get}...), which says the page is missing
 * when the method is what is wrong. Every token now gets 405 with {@code Allow} on a path that exists,
 * with the themed page (or JSON) and one log line naming the method as sent; a path that does not
 * exist stays 404, and a staff record's path answers the same whether the record exists or not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodNotAllowedTest {

    /** Tokens no route takes: WebDAV's, the draft QUERY, a lower-case GET, invented ones. */
    static final List<String> TOKENS = List.of("PROPFIND", "MKCOL", "QUERY", "get", "Post", "FOO", "M-SEARCH", "LINK",
            "PUT", "DELETE", "PATCH", "TRACE");
    static final Map<String, String> ALLOW = Map.of(
            "/staff/login", "GET, HEAD, POST",
            "/staff/consents", "GET, HEAD",
            "/staff/export.csv", "GET, HEAD",
            "/forms/testschool/parent-agreement", "POST",
            "/staff/logout", "POST",
            "/", "GET, HEAD",
            "/testschool/en/parent-agreement.html", "GET, HEAD");

    TestServer server;
    String reference;

    @BeforeAll
    void start(@TempDir Path folder) {
        server = TestServer.start(folder);
        reference = reference(server.browser().post("/forms/testschool/parent-agreement", form(agreement("en"))));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyTokenAPathDoesNotTakeIs405WithAllowAThemedPageAndOneLine() {
        ALLOW.forEach((path, allow) -> {
            for (String method : TOKENS) {
                RawHttp.Response[] answer = new RawHttp.Response[1];
                List<String> lines = RefusalLogTest.logged(() -> answer[0] = RawHttp.send(server.port(), RawHttp.request(method, path, "")));
                RawHttp.Response response = answer[0];
                assertEquals(405, response.status(), method + " " + path + "\n" + response.head());
                assertEquals(allow, response.header("Allow"), method + " " + path);
                assertNotNull(response.header("Content-Security-Policy"), method + " " + path);
                Document page = Jsoup.parse(response.body());
                assertEquals("Not allowed here", page.selectFirst("main h1").text(), method + " " + path);
                assertEquals(1, lines.size(), method + " " + path + " logged " + lines);
                assertTrue(lines.get(0).contains("Refused " + method + " " + path + " with 405"), lines.get(0));
            }
        });
    }

    @Test
    void aPathThatDoesNotExistStays404WhateverTheToken() {
        for (String path : List.of("/nope", "/testschool/en/nope.html", "/staff/nope", "/forms/testschool")) {
            for (String method : TOKENS) {
                RawHttp.Response response = RawHttp.send(server.port(), RawHttp.request(method, path, ""));
                assertEquals(404, response.status(), method + " " + path + "\n" + response.head());
                assertNull(response.header("Allow"), method + " " + path);
            }
        }
    }

    /** A staff record's path answers any token alike whether the reference exists or not (ExistenceOracleTest). */
    @Test
    void aRecordsPathSaysNothingOfWhetherTheRecordExists() {
        for (String template : List.of("/staff/submissions/REF", "/staff/submissions/REF/erase",
                "/forms/testschool/received/REF")) {
            for (String method : TOKENS) {
                RawHttp.Response real = RawHttp.send(server.port(),
                        RawHttp.request(method, template.replace("REF", reference), ""));
                RawHttp.Response never = RawHttp.send(server.port(),
                        RawHttp.request(method, template.replace("REF", "NEVER2345"), ""));
                assertEquals(never.status(), real.status(), method + " " + template);
                assertEquals(never.header("Allow"), real.header("Allow"), method + " " + template);
                assertEquals(never.body().replace("NEVER2345", "REF"), real.body().replace(reference, "REF"),
                        method + " " + template);
            }
        }
    }

    @Test
    void aScriptGetsJsonAndAWelshReaderWelsh() throws Exception {
        for (String method : List.of("PROPFIND", "PUT")) {
            RawHttp.Response json = RawHttp.send(server.port(), RawHttp.request(method, "/staff/consents", "",
                    "Accept: application/json"));
            assertEquals(405, json.status());
            assertTrue(json.header("Content-Type").startsWith("application/json"), json.head());
            JsonNode body = new ObjectMapper().readTree(json.body());
            assertEquals(405, body.get("status").asInt());
            assertEquals("method-not-allowed", body.get("error").asText());
            RawHttp.Response welsh = RawHttp.send(server.port(), RawHttp.request(method, "/staff/consents?lang=cy", ""));
            assertEquals(405, welsh.status());
            assertTrue(welsh.body().contains("Ni chaniateir hyn yma"), welsh.body());
            assertFalse(welsh.body().contains("Not allowed here"), "no English on the Welsh page");
        }
    }
}
