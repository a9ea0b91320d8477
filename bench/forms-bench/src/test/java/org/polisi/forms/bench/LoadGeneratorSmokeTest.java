package org.polisi.forms.bench;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.FormsServer;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The intake benchmark's tools, small: 50 requests against the real server on a free port. No timing is asserted. */
class LoadGeneratorSmokeTest {

    @Test
    void fiftyRequestsOneInFiveInvalidAreAnsweredAndEveryAcknowledgedOneIsStored(@TempDir Path temporary) throws Exception {
        ServerConfig config = TestServer.settings(temporary).load();
        FormsServer server = FormsServer.create(config).start();
        try {
            LoadGenerator generator = new LoadGenerator(URI.create("http://127.0.0.1:" + server.port()),
                    new SubmissionBodies(TestServer.fixture().resolve("manifests/testschool.json"), "images-consent", "en"));

            LoadGenerator.Level level = generator.run(2, 50, 60, 5, ProcessHandle.current().pid());

            assertEquals(50, level.sent());
            assertEquals(0, level.errors(), "every valid one 303, every invalid one 422");
            assertEquals(level.accepted(), generator.acknowledged().size());
            assertEquals(0, AcknowledgedCheck.missing(config.database().file(), generator.acknowledged()));
        } finally {
            server.stop();
        }
    }

    @Test
    void theGeneratorPostsToTheLoopbackAddressOnly() throws Exception {
        SubmissionBodies bodies = new SubmissionBodies(TestServer.fixture().resolve("manifests/testschool.json"), "images-consent", "en");
        assertThrows(IllegalArgumentException.class, () -> new LoadGenerator(URI.create("http://example.org:7070"), bodies));
    }
}
