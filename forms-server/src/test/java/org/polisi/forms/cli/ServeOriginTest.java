package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
        assertEquals("http://localhost:8123\n", byOption.out());
        assertFalse(ServeCommand.serving(), "asking starts no server");

        Path config = folder.resolve("polisi.properties");
        Files.writeString(config, "port=8124\n");
        assertEquals("http://localhost:8124\n", FormsCliTest.run("", "serve", "--print-origin", "--config",
                config.toString(), "--db", db, "--manifests", manifests).out());
        assertEquals("http://localhost:8125\n", FormsCliTest.run("", "serve", "--print-origin", "--config",
                config.toString(), "--port", "8125", "--db", db, "--manifests", manifests).out(), "the option wins");
        assertEquals("", FormsCliTest.run("", "serve", "--print-origin", "--port", "0", "--db", db, "--manifests",
                manifests).out(), "any free port: not known before it listens");
        assertEquals("http://localhost:7070\n", FormsCliTest.run("", "serve", "--print-origin", "--db", db, "--manifests",
                manifests).out(), "the default");
    }

    @Test
    void pagesBuiltForAnotherPortAreNamed(@TempDir Path site) throws Exception {
        assertEquals(Optional.empty(), ServeCommand.builtForAnotherPort(site, 8123), "no robots.txt");
        Files.writeString(site.resolve("robots.txt"), "User-agent: *\nAllow: /\n\n"
                + "Sitemap: https://www.rumney.example.sch.uk/sitemap.xml\n"
                + "Sitemap: http://localhost:7070/aberford/sitemap.xml\n");
        assertEquals(Optional.of("http://localhost:7070"), ServeCommand.builtForAnotherPort(site, 8123));
        assertEquals(Optional.empty(), ServeCommand.builtForAnotherPort(site, 7070));
        Files.writeString(site.resolve("robots.txt"), "Sitemap: https://www.rumney.example.sch.uk/sitemap.xml\n");
        assertEquals(Optional.empty(), ServeCommand.builtForAnotherPort(site, 8123), "a public address is the school's");
    }
}
