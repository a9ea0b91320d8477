package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.RawHttp;
import org.polisi.forms.TestServer;

/**
 * Issue 23, fault 3: 300 connections from one client that announce a body and send none cannot
 * keep another client from a normal page, and each of them ends in a clean 408 or 413.
 */
class SlowClientsTest {

    static final int SLOW_CONNECTIONS = 300;

    @Test
    void threeHundredSlowBodiesFromOneClientDoNotStopAnotherClientsPage(@TempDir Path temporaryFolder)
            throws Exception {
        // the per-address connection limit (64, ConnectionLimitsTest) would close most of them at once:
        // raised here, so that all 300 hold a connection and the body deadline is what is tested
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("http.connections-per-client", SLOW_CONNECTIONS + 10).load(), java.time.Clock.systemUTC())) {
            int port = server.port();
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                    // half announce more than their limit (the example: over 64 KiB to a POST whose
                    // limit is max-body-bytes), half a valid size for a form: neither sends its body
                    boolean over = i % 2 == 0;
                    int announced = over ? 70_000 : 60_000;
                    socket.getOutputStream().write(("POST " + (over ? "/staff/login" : "/forms/testschool/images-consent")
                            + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + announced
                            + "\r\n\r\nform-lang=en").getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                    slow.add(socket);
                }
                long start = System.nanoTime();
                RawHttp.Response page = RawHttp.send(InetAddress.getByName("127.0.0.2"), port,
                        RawHttp.get("/testschool/en/parent-agreement.html").getBytes(StandardCharsets.ISO_8859_1));
                long millis = (System.nanoTime() - start) / 1_000_000;
                int answeredBefore = 0;
                for (Socket socket : slow) {
                    answeredBefore += socket.getInputStream().available() > 0 ? 1 : 0;
                }
                System.out.printf("normal page with %d slow connections open: %d ms (%d of them answered by then)%n",
                        SLOW_CONNECTIONS, millis, answeredBefore);
                assertEquals(200, page.status(), page.head());
                assertTrue(page.body().contains("</html>"), "the whole page");
                // the page did not wait for the slow ones to time out: most were still waiting when it came
                assertTrue(answeredBefore < SLOW_CONNECTIONS / 2, answeredBefore + " slow ones answered first");

                Map<Integer, Integer> statuses = new TreeMap<>();
                for (Socket socket : slow.subList(0, 16)) {
                    socket.setSoTimeout(60_000);
                    statuses.merge(status(socket.getInputStream()), 1, Integer::sum);
                }
                assertTrue(statuses.keySet().stream().allMatch(status -> status == 408 || status == 413),
                        "each slow body ends in 408 or 413: " + statuses);
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    private static int status(InputStream in) throws IOException {
        byte[] line = new byte[12];
        int read = in.readNBytes(line, 0, 12);
        String text = new String(line, 0, read, StandardCharsets.ISO_8859_1);
        return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : 0;
    }
}
