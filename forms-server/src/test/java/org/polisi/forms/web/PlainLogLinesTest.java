package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.LogCapture;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * A tester's faults: log lines that mislead. A post whose {@code form-id} names another form than
 * its address was logged as a post to an "unknown form" that exists; Jetty's refusals named a path
 * no client asked for and an exception's class name ({@link JettyErrorPage#reason}); and the server
 * wrote nothing when it stopped.
 */
class PlainLogLinesTest {

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aFormIdThatDoesNotMatchTheAddressIsLoggedAsThatNotAsAnUnknownForm(TestDatabases.Kind kind,
                                                                          @TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder, kind).load(), Clock.systemUTC())) {
            String logged;
            try (LogCapture log = new LogCapture()) {
                assertEquals(404, server.browser().post("/forms/testschool/images-consent",
                        form(with(agreement("en"), "form-id", "parent-agreement"))).statusCode());
                logged = log.text();
            }
            assertTrue(logged.contains("testschool/images-consent: its form-id field names another form"), logged);
            assertFalse(logged.contains("unknown form"), logged);
            try (LogCapture log = new LogCapture()) {
                assertEquals(404, server.browser().post("/forms/testschool/no-such-form",
                        form(with(agreement("en"), "form-id", "no-such-form"))).statusCode());
                logged = log.text();
            }
            assertTrue(logged.contains("unknown form testschool/no-such-form"), logged);
        }
    }

    @Test
    void aRefusalsReasonIsPlainWords() {
        assertEquals("the client stopped sending before the request was complete",
                JettyErrorPage.reason(408, "org.eclipse.jetty.io.EofException"));
        assertEquals("the request could not be read", JettyErrorPage.reason(400, "org.eclipse.jetty.io.EofException: x"));
        assertEquals("the request could not be read", JettyErrorPage.reason(400, null));
        assertEquals("the request's headers or body are too large", JettyErrorPage.reason(431, ""));
        assertEquals("Illegal character SPACE=' '", JettyErrorPage.reason(400, "Illegal character SPACE=' '"),
                "Jetty's own words, where they say something");
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void stoppingTheServerWritesOneLineAfterTheLastCheckpoint(TestDatabases.Kind kind, @TempDir Path folder) {
        TestServer server = TestServer.start(TestServer.settings(folder, kind).load(), Clock.systemUTC());
        int port = server.port();
        assertEquals(303, server.browser().post("/forms/testschool/parent-agreement", form(agreement("en")))
                .statusCode());
        List<String> lines;
        try (LogCapture log = new LogCapture()) {
            server.close();
            lines = log.lines();
        }
        List<String> stopped = lines.stream().filter(line -> line.contains("Polisi forms server on port " + port
                + " stopped")).toList();
        assertEquals(1, stopped.size(), String.join("\n", lines));
        assertEquals(lines.get(lines.size() - 1), stopped.get(0), "the last line, after the shutdown checkpoint: "
                + String.join("\n", lines));
    }
}
