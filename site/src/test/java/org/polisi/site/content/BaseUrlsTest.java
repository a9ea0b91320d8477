package org.polisi.site.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A base-url on this machine follows where the build is served; a public one wins (issue 20). */
class BaseUrlsTest {

    private static final Optional<URI> SERVED = Optional.of(URI.create("http://localhost:8123"));

    @Test
    void aBaseUrlOnThisMachineFollowsTheServedPortAndKeepsItsPath() {
        Map<String, String> rebased = Map.of(
                "http://localhost:7070/rumney/", "http://localhost:8123/rumney/",
                "http://LOCALHOST:7070/rumney/", "http://localhost:8123/rumney/",
                "http://localhost/rumney/", "http://localhost:8123/rumney/",
                "https://school.localhost/x/", "http://localhost:8123/x/",
                "http://127.0.0.1:7070/a/", "http://localhost:8123/a/",
                "http://127.8.9.10/a/", "http://localhost:8123/a/",
                "http://[::1]:7070/a/", "http://localhost:8123/a/",
                "http://localhost:7070", "http://localhost:8123/",
                "  http://localhost:7070/b/  ", "http://localhost:8123/b/");
        rebased.forEach((written, expected) -> assertEquals(expected, BaseUrls.effective(written, SERVED), written));
    }

    @Test
    void aPublicBaseUrlWinsAndNoneStaysNone() {
        for (String kept : new String[]{"https://www.rumney.cardiff.sch.uk/policies/", "http://localhost.example.com/a/",
            "http://localhostx:7070/a/", "http://128.0.0.1/a/", "http://10.0.0.1:7070/a/", "https://[2001:db8::1]/a/"}) {
            assertEquals(kept, BaseUrls.effective(kept, SERVED), kept);
        }
        assertEquals("", BaseUrls.effective("", SERVED));
        assertEquals("", BaseUrls.effective(null, SERVED));
        assertEquals("http://localhost:7070/rumney/", BaseUrls.effective("http://localhost:7070/rumney/", Optional.empty()),
                "where it will be served is not known: the setting as written");
    }
}
