package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.RawHttp;
import org.polisi.forms.TestServer;

/**
 * The 23:40 tester, fault 7 (first half): a POST announcing {@code Content-Length: 3000000000} and
 * sending nothing got 408 after the idle timeout, while 10,000,000 got 413: Javalin's int
 * {@code contentLength()} is -1 past 2 GiB, so the over-limit check let it through. Every length over
 * the limit, however large, is answered 413 without waiting for the body.
 */
class HugeContentLengthTest {

    @Test
    void anyAnnouncedLengthOverTheLimitIs413WithoutWaitingForTheBody(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            for (String length : new String[] {"10000000", "2147483648", "3000000000", "9223372036854775807"}) {
                for (String path : new String[] {"/forms/testschool/parent-agreement", "/staff/login"}) {
                    RawHttp.Response response = RawHttp.send(server.port(), "POST " + path + " HTTP/1.1\r\n"
                            + "Host: localhost:" + server.port() + "\r\nOrigin: " + server.origin() + "\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n\r\n");
                    assertEquals(413, response.status(), length + " to " + path + ": " + response.head());
                }
            }
        }
    }
}
