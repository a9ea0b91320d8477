package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

class RateLimitTest {

    @Test
    void aClientThatSubmitsTooFastIsRefusedForAWhile(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(TestServer.settings(temporaryFolder)
                .set("rate-limit.submissions", 3).load(), Clock.systemUTC())) {
            TestServer.Browser browser = server.browser();
            for (int i = 0; i < 3; i++) {
                assertEquals(303, browser.post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "Parent " + i))).statusCode());
            }
            HttpResponse<String> refused = browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "One too many")));

            assertEquals(429, refused.statusCode());
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) > 0);
            assertTrue(refused.body().contains("Wait a few minutes"));
            assertEquals(3, server.count("SELECT count(*) FROM submission"));
        }
    }
}
