package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.HostileRequests;
import org.polisi.forms.LogCapture;
import org.polisi.forms.RawHttp;
import org.polisi.forms.TestServer;

/**
 * A few thousand hostile requests (issue 23, fault 4): not one gets a 5xx, the server still serves
 * a normal page afterwards, and the log stays small, one line at most per request with no stack
 * trace and no raw control character, however many there are.
 */
class HostileRequestFuzzTest {

    static final int REQUESTS = 3_000;
    /** Bytes of log allowed for the whole run: the rate limit keeps it far below one line per request. */
    static final int LOG_BUDGET_BYTES = 256 * 1024;

    @Test
    void noHostileRequestGetsAServerErrorAndTheLogStaysBounded(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder); LogCapture log = new LogCapture()) {
            int port = server.port();
            List<String> requests = HostileRequests.generate(REQUESTS, 23);
            Map<Integer, Integer> statuses = new TreeMap<>();
            StringBuilder serverErrors = new StringBuilder();
            for (String request : requests) {
                RawHttp.Response response = RawHttp.send(port, request);
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() >= 500) {
                    serverErrors.append(request.lines().findFirst().orElse("")).append(" -> ")
                            .append(response.status()).append('\n');
                }
            }
            assertEquals("", serverErrors.toString(), "statuses " + statuses);
            assertTrue(statuses.keySet().stream().allMatch(status -> status == 0 || status < 500), statuses.toString());
            assertEquals(200, server.browser().get("/testschool/en/parent-agreement.html").statusCode(), "still serving");

            String text = log.text();
            assertTrue(log.size() < LOG_BUDGET_BYTES, "log of " + log.size() + " bytes for " + REQUESTS + " requests");
            assertTrue(log.lines().size() <= REQUESTS, log.lines().size() + " lines");
            assertFalse(text.contains("\tat "), "no stack trace:\n" + text.substring(0, Math.min(text.length(), 3000)));
            assertFalse(text.lines().anyMatch(line -> line.startsWith("FAKE") || line.startsWith("Set-Cookie")),
                    "no forged line");
            assertTrue(text.chars().noneMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)),
                    "no raw control character in the log");
        }
    }
}
