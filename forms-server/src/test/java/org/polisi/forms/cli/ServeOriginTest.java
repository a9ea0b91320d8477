package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Issue 20 (left-over): {@code ./polisi serve --port N} builds the pages for the address the server
 * will listen at, which the launcher asks the server's own settings for ({@code serve
 * --print-origin}: the option, {@code POLISI_PORT} or a {@code --config} file, as the server reads
 * them); a server started on pages built for another port says so.
 */
class ServeOriginTest {

    @Test
    void theLauncherIsToldThePortTheServerWillListenAt(@TempDir Path folder) throws Exception {
        String db = folder.resolve("data/polisi.db").toString();
        String manifests = TestServer.fixture().resolve("manifests").toString();
        FormsCliTest.Run byOption = FormsCliTest.run("", "serve", "--print-origin", "--port", "8123", "--db", db,
                "--manifests", manifests);
        assertEquals(0, byOption.exitCode(), byOption.err());
        assertEquals("http://127.0.0.1:8123\n", byOption.out());
        assertFalse(ServeCommand.serving(), "asking starts no server");

        Path config = folder.resolve("polisi.properties");
        Files.writeString(config, "port=8124\n");
        assertEquals("http://127.0.0.1:8124\n", FormsCliTest.run("", "serve", "--print-origin", "--config",
                config.toString(), "--db", db, "--manifests", manifests).out());
        assertEquals("http://127.0.0.1:8125\n", FormsCliTest.run("", "serve", "--print-origin", "--config",
                config.toString(), "--port", "8125", "--db", db, "--manifests", manifests).out(), "the option wins");
        assertEquals("", FormsCliTest.run("", "serve", "--print-origin", "--port", "0", "--db", db, "--manifests",
                manifests).out(), "any free port: not known before it listens");
        assertEquals("http://127.0.0.1:7070\n", FormsCliTest.run("", "serve", "--print-origin", "--db", db, "--manifests",
                manifests).out(), "the default: this machine only, the address it truly listens at");
        // another interface: the option, or host= in the --config file (POLISI_HOST as every key)
        assertEquals("http://192.0.2.7:7070\n", FormsCliTest.run("", "serve", "--print-origin", "--host", "192.0.2.7",
                "--db", db, "--manifests", manifests).out());
        Files.writeString(config, "host=::1\n");
        assertEquals("http://[::1]:7070\n", FormsCliTest.run("", "serve", "--print-origin", "--config", config.toString(),
                "--db", db, "--manifests", manifests).out());
        assertEquals("http://localhost:7070\n", FormsCliTest.run("", "serve", "--print-origin", "--host", "0.0.0.0",
                "--db", db, "--manifests", manifests).out(), "every interface: this machine's own name among them");
        FormsCliTest.Run blank = FormsCliTest.run("", "serve", "--print-origin", "--host", " ", "--db", db, "--manifests",
                manifests);
        assertEquals("", blank.out(), "a blank host never means every interface unasked");
        assertTrue(blank.exitCode() != 0 && blank.err().contains("host must be an address"), blank.err());
    }

    /**
     * The 23:40 tester, fault 8: a second {@code ./polisi serve} on a busy port rebuilt and published
     * first, then printed a 35-line JavalinBindException. The port is checked first (the launcher asks
     * {@code --print-origin --check-port} before building): one line naming the port and {@code --port}, exit 3.
     */
    @Test
    void aBusyPortStopsServeAtOnceWithOneLine(@TempDir Path folder) throws Exception {
        String db = folder.resolve("data/polisi.db").toString();
        String manifests = TestServer.fixture().resolve("manifests").toString();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            String port = String.valueOf(taken.getLocalPort());
            FormsCliTest.Run asked = FormsCliTest.run("", "serve", "--print-origin", "--check-port", "--port", port, "--db", db,
                    "--manifests", manifests);
            assertEquals(3, asked.exitCode(), "the launcher stops before building");
            assertEquals("", asked.out());
            assertOneLine(asked.err(), port);

            FormsCliTest.Run started = FormsCliTest.run("", "serve", "--port", port, "--db", db, "--manifests", manifests,
                    "--site", TestServer.fixture().resolve("site").toString());
            assertEquals(3, started.exitCode());
            assertOneLine(started.err(), port);
            assertFalse(ServeCommand.serving());
        }
    }

    private static void assertOneLine(String err, String port) {
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("port " + port) && err.contains("--port N"), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void pagesBuiltForAnotherPortAreNamed(@TempDir Path site) throws Exception {
        assertEquals(Optional.empty(), ServeCommand.builtForAnotherPort(site, "http://127.0.0.1:8123"), "no robots.txt");
        Files.writeString(site.resolve("robots.txt"), "User-agent: *\nAllow: /\n\n"
                + "Sitemap: https://www.rumney.example.sch.uk/sitemap.xml\n"
                + "Sitemap: http://localhost:7070/aberford/sitemap.xml\n");
        assertEquals(Optional.of("http://localhost:7070"), ServeCommand.builtForAnotherPort(site, "http://127.0.0.1:8123"));
        assertEquals(Optional.of("http://localhost:7070"), ServeCommand.builtForAnotherPort(site, "http://127.0.0.1:7070"),
                "another host name for the same machine is named too: the pages' addresses differ");
        assertEquals(Optional.empty(), ServeCommand.builtForAnotherPort(site, "http://localhost:7070"));
        Files.writeString(site.resolve("robots.txt"), "Sitemap: http://127.0.0.1:7070/aberford/sitemap.xml\n");
        assertEquals(Optional.empty(), ServeCommand.builtForAnotherPort(site, "http://127.0.0.1:7070"));
        Files.writeString(site.resolve("robots.txt"), "Sitemap: https://www.rumney.example.sch.uk/sitemap.xml\n");
        assertEquals(Optional.empty(), ServeCommand.builtForAnotherPort(site, "http://127.0.0.1:8123"),
                "a public address is the school's");
    }
}
