package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.LogCapture;
import org.polisi.forms.TestServer;

/**
 * A tester sent half a header block and went quiet: after the idle timeout the log said
 * "ERROR … Jetty answered GET /badRequest with 500: EofException". A client that stops sending is
 * the client's doing: one line, a 4xx, never a 5xx or an ERROR.
 */
class HalfSentRequestTest {

    @Test
    void aClientThatStopsMidHeadersGetsOneWarningAndNoServerError(@TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(folder); LogCapture log = new LogCapture()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5_000);
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                socket.setSoTimeout(60_000);
                InputStream in = socket.getInputStream();
                byte[] answer = in.readAllBytes();   // until the server gives up on it (idle timeout) and closes
                String head = new String(answer, StandardCharsets.ISO_8859_1);
                assertFalse(head.startsWith("HTTP/1.1 5"), head);
            }
            List<String> lines = waitForLines(log);
            assertFalse(log.text().contains(" 500"), log.text());
            assertFalse(log.text().contains("ERROR"), log.text());
            assertEquals(1, lines.size(), log.text());
            assertTrue(lines.get(0).contains("408") || lines.get(0).contains("400"), lines.get(0));
            // the request line as far as it was read, and a plain reason: never Jetty's made-up
            // path (/badRequest) or an exception's class name (a tester's fault)
            assertTrue(lines.get(0).contains("Refused GET / with 4"), lines.get(0));
            assertFalse(lines.get(0).contains("/badRequest") || lines.get(0).contains("/badMessage"), lines.get(0));
            assertFalse(lines.get(0).contains("Exception"), lines.get(0));
        }
    }

    private static List<String> waitForLines(LogCapture log) throws InterruptedException {
        for (int i = 0; i < 50 && log.lines().isEmpty(); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(300); // a second line, if any, would come at once
        return log.lines();
    }
}
