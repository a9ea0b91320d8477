package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Tester 7: a script's post of an incident report that was refused got JSON with no word of what to
 * do now, where the HTML refusal leads with the school's urgent steps (ADR 0081, tester 3's fault
 * 12). Every JSON refusal of an incident report now carries them as {@code "urgent"}, in the form's
 * language: field errors of an urgent report, a filled honeypot, JSON that cannot be read, and a
 * request Jetty refuses before the server sees it. A report that is not urgent is refused as any form is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UrgentJsonRefusalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT = "/forms/testschool/incident-report";
    private static final List<String> ENGLISH_STEPS = List.of("Report to Police using any number. DO NOT DELAY",
            "Do not ask leading questions");

    TestServer server;

    @BeforeAll
    void start(@TempDir Path folder) {
        server = TestServer.start(folder);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** The fixture's incident report as a script posts it, with {@code pairs} set on top. */
    private static String report(String language, String urgentConcern, String... pairs) {
        String[] fields = incident(language, urgentConcern, "A message");
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            body.put(fields[i], fields[i + 1]);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            body.put(pairs[i], pairs[i + 1]);
        }
        return body.toString();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.body());
        return JSON.readTree(response.body());
    }

    private static List<String> steps(JsonNode urgent) {
        return StreamSupport.stream(urgent.get("steps").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static void englishGuidance(JsonNode urgent, String what) {
        assertNotNull(urgent, what);
        assertEquals("What to do now", urgent.get("title").asText(), what);
        assertTrue(urgent.get("intro").asText().contains("designated safeguarding lead"), what + ": " + urgent);
        assertEquals(ENGLISH_STEPS, steps(urgent), what);
    }

    @Test
    void anUrgentReportRefusedForItsAnswersCarriesTheStepsInItsLanguage() throws Exception {
        HttpResponse<String> english = server.browser().postJson(REPORT, report("en", "immediate-risk", "category", "bogus"));
        assertEquals(400, english.statusCode());
        JsonNode body = json(english);
        assertTrue(body.get("errors").has("category"), body.toString());
        englishGuidance(body.get("urgent"), "field errors");

        JsonNode welsh = json(server.browser().postJson(REPORT, report("cy", "immediate-risk", "category", "bogus")))
                .get("urgent");
        assertNotNull(welsh);
        assertEquals("Beth i’w wneud nawr", welsh.get("title").asText());
        assertTrue(String.join(" ", steps(welsh)).contains("PEIDIWCH AG OEDI"), welsh.toString());

        JsonNode version = json(server.browser().postJson(REPORT, report("en", "illegal-content",
                "form-version", "deadbeef0000")));
        englishGuidance(version.get("urgent"), "an unknown version of the form");

        JsonNode notUrgent = json(server.browser().postJson(REPORT, report("en", "none", "category", "bogus")));
        assertTrue(notUrgent.get("errors").has("category"));
        assertFalse(notUrgent.has("urgent"), "a report that is not urgent is refused as any form is");
    }

    @Test
    void aFilledHoneypotOrUnreadableJsonCarriesTheSteps() throws Exception {
        HttpResponse<String> honeypot = server.browser().postJson(REPORT, report("cy", "none", "website", "http://spam"));
        assertEquals(422, honeypot.statusCode());
        JsonNode welsh = json(honeypot).get("urgent");
        assertNotNull(welsh, honeypot.body());
        assertEquals("Beth i’w wneud nawr", welsh.get("title").asText(), "in the form's language");

        for (String unreadable : List.of("[1, 2]", "{\"form-id\": {\"nested\": true}}", "{not json")) {
            HttpResponse<String> refused = server.browser().postJson(REPORT, unreadable);
            assertEquals(400, refused.statusCode(), unreadable);
            englishGuidance(json(refused).get("urgent"), unreadable);
        }
        HttpResponse<String> inWelsh = server.browser().post(REPORT, "{not json", "Content-Type", "application/json",
                "Accept-Language", "cy");
        assertEquals("Beth i’w wneud nawr", json(inWelsh).get("urgent").get("title").asText(),
                "the request's language when the form's cannot be read");

        HttpResponse<String> otherForm = server.browser().postJson("/forms/testschool/parent-agreement", "[1, 2]");
        assertEquals(400, otherForm.statusCode());
        assertFalse(json(otherForm).has("urgent"), "another kind of form has no urgent steps");
    }

    /**
     * Requests Jetty refuses before routing carry the steps too: a path it cannot decode (JSON when
     * a script sent it), and a header block too large (HTML: its headers, Accept among them, are
     * never read).
     */
    @Test
    void aReportJettyRefusesCarriesTheSteps() throws Exception {
        String ambiguous = raw("POST " + REPORT + "/%c0%ae HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertTrue(ambiguous.startsWith("HTTP/1.1 400"), ambiguous.lines().findFirst().orElse(""));
        assertTrue(ambiguous.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"), ambiguous);
        englishGuidance(JSON.readTree(body(ambiguous)).get("urgent"), "Jetty's refusal of the path");

        String browser = raw("POST " + REPORT + "/%c0%ae HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: 0\r\n\r\n");
        assertTrue(body(browser).contains("Report to Police using any number. DO NOT DELAY"), browser);

        String large = raw("POST " + REPORT + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "X-Padding: " + "a".repeat(64 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}");
        assertTrue(large.startsWith("HTTP/1.1 431"), large.lines().findFirst().orElse(""));
        assertTrue(body(large).contains("Report to Police using any number. DO NOT DELAY"), large);

        String elsewhere = raw("POST /forms/testschool/parent-agreement/%c0%ae HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAccept: application/json\r\nContent-Length: 0\r\n\r\n");
        assertFalse(JSON.readTree(body(elsewhere)).has("urgent"), "another kind of form has no urgent steps");
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
