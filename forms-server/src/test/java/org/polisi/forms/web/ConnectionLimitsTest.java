package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.LogCapture;
import org.polisi.forms.RawHttp;
import org.polisi.forms.TestServer;

/**
 * Issue 23, fault 3's remaining kinds (a tester, 23:40): a request head trickled in a byte at a time
 * kept its connection open for as long as the client liked, and one address could open as many
 * connections as it wished. Real sockets against a real server: a head past its deadline is closed
 * without an answer, the connection past the per-address limit is closed while another address
 * still gets pages, a trusted proxy is not limited, and every refusal of an address is logged once.
 */
class ConnectionLimitsTest {

    private static final String PAGE = "/testschool/en/parent-agreement.html";
    private static final InetAddress OTHER_CLIENT = address("127.0.0.2");

    @Test
    void aHeadTrickledInPastItsDeadlineIsClosedWithoutAnAnswer(@TempDir Path folder) throws Exception {
        // one byte every 500 ms never leaves the connection idle for the 5 s idle timeout; the head's
        // whole deadline is 1 s, and the head below would take about 20 s to send
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("http.header-timeout-seconds", 1)
                .load(), Clock.systemUTC()); LogCapture log = new LogCapture()) {
            byte[] head = RawHttp.get(PAGE).getBytes(StandardCharsets.ISO_8859_1);
            try (Socket socket = connect(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(500);
                OutputStream out = socket.getOutputStream();
                int sent = 0;
                boolean closed = false;
                while (sent < 40 && !closed) {
                    try {
                        out.write(head[sent++]);
                        out.flush();
                        closed = socket.getInputStream().read() == -1;
                    } catch (SocketTimeoutException stillOpen) {
                        // nothing yet: send the next byte
                    } catch (SocketException reset) {
                        closed = true;
                    }
                }
                assertTrue(closed, "the connection was still open after " + sent + " bytes of a " + head.length
                        + "-byte head");
                assertTrue(sent < head.length, "closed before the head was whole");
            }
            assertEquals(1, log.lines().stream().filter(line -> line.contains("request head not complete")).count(),
                    log.text());
            assertEquals(200, RawHttp.send(server.port(), RawHttp.get(PAGE)).status(), "a whole head is answered");
        }
    }

    @Test
    void slowHeadsDoNotStopANormalPage(@TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(folder)) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    Socket socket = connect(InetAddress.getLoopbackAddress(), server.port());
                    socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                    slow.add(socket);
                }
                RawHttp.Response page = RawHttp.send(OTHER_CLIENT, server.port(),
                        RawHttp.get(PAGE).getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(200, page.status(), page.head());
                assertTrue(page.body().contains("</html>"), "the whole page");
                RawHttp.Response sameClient = RawHttp.send(server.port(), RawHttp.get(PAGE));
                assertEquals(200, sameClient.status(), "the slow client's own whole request: " + sameClient.head());
                for (Socket socket : slow.subList(0, 5)) {
                    socket.setSoTimeout(60_000);
                    assertEquals("", answer(socket), "a head that never ends is closed without an answer");
                }
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void theConnectionPastTheLimitOfOneAddressIsClosedWhileAnotherAddressGetsPages(@TempDir Path folder)
            throws Exception {
        int limit = 4;
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("http.connections-per-client", limit)
                .set("http.idle-timeout-seconds", 60).load(), Clock.systemUTC()); LogCapture log = new LogCapture()) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < limit + 6; i++) {
                    sockets.add(connect(InetAddress.getLoopbackAddress(), server.port()));
                }
                int answered = 0;
                int closed = 0;
                Socket anAnsweredOne = null;
                for (Socket socket : sockets) {
                    socket.setSoTimeout(20_000);
                    String answer = keepAliveRequest(socket);
                    if (answer.startsWith("HTTP/1.1 200")) {
                        answered++;
                        anAnsweredOne = socket;
                    } else {
                        assertEquals("", answer, "a refused connection gets no answer");
                        closed++;
                    }
                }
                assertEquals(limit, answered, "connections answered from one address");
                assertEquals(6, closed, "connections past the limit closed");
                RawHttp.Response other = RawHttp.send(OTHER_CLIENT, server.port(),
                        RawHttp.get(PAGE).getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(200, other.status(), "another address still gets pages: " + other.head());
                List<String> refusals = log.lines().stream().filter(line -> line.contains("Closed a connection")).toList();
                assertEquals(1, refusals.size(), "one line for the address's six refusals: " + log.text());
                assertTrue(refusals.get(0).contains("127.0.0.1") && refusals.get(0).contains("http.connections-per-client"),
                        refusals.get(0));

                anAnsweredOne.close(); // one answered connection closes: the address may open one more
                boolean reopened = false;
                for (int attempt = 0; attempt < 50 && !reopened; attempt++) {
                    reopened = RawHttp.send(server.port(), RawHttp.get(PAGE)).status() == 200;
                    if (!reopened) {
                        Thread.sleep(100); // the server has not yet seen the close
                    }
                }
                assertTrue(reopened, "a connection is counted only while it is open");
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aTrustedProxyIsNotLimited(@TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("http.connections-per-client", 2)
                .set("trusted-proxies", "127.0.0.1").set("http.idle-timeout-seconds", 60).load(), Clock.systemUTC())) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    sockets.add(connect(InetAddress.getLoopbackAddress(), server.port()));
                }
                for (Socket socket : sockets) {
                    socket.setSoTimeout(20_000);
                    assertTrue(keepAliveRequest(socket).startsWith("HTTP/1.1 200"),
                            "every connection of the proxy is answered");
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    private static Socket connect(InetAddress from, int port) throws IOException {
        Socket socket = new Socket();
        if (!from.equals(InetAddress.getLoopbackAddress())) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        return socket;
    }

    /** Sends a GET that keeps the connection open and reads its answer's head ("" when the server closed it). */
    private static String keepAliveRequest(Socket socket) throws IOException {
        try {
            socket.getOutputStream().write(("GET " + PAGE + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (SocketException closed) {
            return "";
        }
        return answer(socket);
    }

    /** The answer's head as far as it arrived, "" when the connection ended with nothing. */
    private static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            for (int next; (next = in.read()) != -1; ) {
                head.write(next);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketException reset) {
            // a reset is a close
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
