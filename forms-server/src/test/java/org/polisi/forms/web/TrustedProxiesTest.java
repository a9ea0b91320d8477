package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ConfigLoader;

/**
 * Issue 16: the client's address behind proxies is the right-most X-Forwarded-For entry that is not a
 * trusted proxy; what a client writes to the left of it, or sends without a trusted proxy, changes
 * nothing. Seen through the submission rate limit (2 per window here) of a real server: the tests
 * connect from 127.0.0.1, as a proxy on the same machine would.
 */
class TrustedProxiesTest {

    private static int post(TestServer server, int i, String forwardedFor) {
        return server.browser().post("/forms/testschool/parent-agreement",
                form(with(agreement("en"), "parent-name", "Parent " + i)), "X-Forwarded-For", forwardedFor).statusCode();
    }

    private static TestServer server(Path folder, String trustedProxies) {
        ConfigLoader settings = TestServer.settings(folder).set("rate-limit.submissions", 2);
        if (trustedProxies != null) {
            settings.set("trusted-proxies", trustedProxies);
        }
        return TestServer.start(settings.load(), Clock.systemUTC());
    }

    @Test
    void aSpoofedLeftMostEntryDoesNotMakeANewClient(@TempDir Path folder) {
        try (TestServer server = server(folder, "127.0.0.1")) {
            assertEquals(303, post(server, 1, "198.51.100.1, 203.0.113.7"));
            assertEquals(303, post(server, 2, "198.51.100.2, 203.0.113.7"));
            assertEquals(429, post(server, 3, "198.51.100.3, 203.0.113.7"), "the same client, whatever it writes first");
            assertEquals(429, post(server, 4, "203.0.113.7"));
            assertEquals(303, post(server, 5, "203.0.113.7, 203.0.113.8"),
                    "another client, although it claims the limited one's address on the left");
        }
    }

    @Test
    void trustedProxiesInAChainAreSkippedFromTheRight(@TempDir Path folder) {
        try (TestServer server = server(folder, "127.0.0.1, 10.0.0.0/8, ::1")) {
            assertEquals(303, post(server, 1, "6.6.6.6, 203.0.113.7, 10.1.2.3"));
            assertEquals(303, post(server, 2, "203.0.113.7, 10.9.9.9"));
            assertEquals(429, post(server, 3, "7.7.7.7, 203.0.113.7, 10.0.0.1, 10.0.0.2"));
            assertEquals(303, post(server, 4, "203.0.113.7, 2001:db8::1"), "an IPv6 client is a client of its own");
        }
    }

    @Test
    void anEntryThatIsNoAddressEndsTheWalkAtTheNearestTrustedProxy(@TempDir Path folder) {
        try (TestServer server = server(folder, "127.0.0.1")) {
            assertEquals(303, post(server, 1, "198.51.100.1, unknown"));
            assertEquals(303, post(server, 2, "198.51.100.2, not-an-address.example"));
            assertEquals(429, post(server, 3, "198.51.100.3, 999.1.1.1"), "all three are the proxy at 127.0.0.1");
        }
    }

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored(@TempDir Path folder) {
        for (String trusted : new String[] {null, "10.0.0.1"}) {
            try (TestServer server = server(folder.resolve(String.valueOf(trusted)), trusted)) {
                assertEquals(303, post(server, 1, "198.51.100.1"));
                assertEquals(303, post(server, 2, "198.51.100.2"));
                assertEquals(429, post(server, 3, "198.51.100.3"),
                        "every post comes from 127.0.0.1, which is no trusted proxy: " + trusted);
            }
        }
    }

    @Test
    void eachInstanceTakesItsShareOfTheRateLimit(@TempDir Path folder) {
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("rate-limit.submissions", 4)
                .set("instances", 2).load(), Clock.systemUTC())) {
            assertEquals(303, post(server, 1, "198.51.100.1"));
            assertEquals(303, post(server, 2, "198.51.100.1"));
            assertEquals(429, post(server, 3, "198.51.100.1"), "4 for the service, 2 for each of 2 instances");
        }
    }
}
