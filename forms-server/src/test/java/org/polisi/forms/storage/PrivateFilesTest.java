package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.TestServer.form;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.FormsServer;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCli;
import org.polisi.forms.config.ServerConfig;

/**
 * Issue #23, fault 5: the files that hold personal data or keys are 0600 in 0700 folders whatever
 * the umask, and files left readable are tightened at start. The server runs as a real process
 * started with {@code umask 000}, the worst case.
 */
class PrivateFilesTest {

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Runs the forms command line in a process with umask 000; the process, its standard output read by the caller. */
    private static Process cli(Path stderr, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 000; exec \"$0\" \"$@\"", java.toString(),
                "-cp", System.getProperty("java.class.path"), FormsCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    private static int serve(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.matches("http://127\\.0\\.0\\.1:\\d+/")) {   // the address it truly listens at
                return Integer.parseInt(line.replaceAll(".*:(\\d+)/$", "$1"));
            }
        }
        throw new AssertionError("the server did not start");
    }

    private static int run(Path folder, String... args) throws Exception {
        Process process = cli(folder.resolve("cli-" + System.nanoTime() + ".log"), args);
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return process.exitValue();
    }

    @Test
    void everyPrivateFileIsCreatedOwnerOnlyWhateverTheUmask(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("data");
        String db = data.resolve("polisi.db").toString();
        Process server = cli(folder.resolve("server.log"), "serve", "--port", "0", "--db", db,
                "--site", TestServer.fixture().resolve("site").toString(),
                "--manifests", TestServer.fixture().resolve("manifests").toString(),
                "--agreed-texts", TestServer.fixture().resolve("agreed-texts").toString());
        try {
            int port = serve(server);
            HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/forms/testschool/images-consent"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(consent("en", "Dewi Rees", "given", "refused"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, sent.statusCode());
            for (String file : List.of("polisi.db", "polisi.db-wal", "polisi.db-shm", "secret.key",
                    "keys/checkpoint-ed25519.key", "keys/checkpoint-ed25519.key.pub", "keys/second-factor-aes.key",
                    "checkpoints/checkpoints.log")) {
                assertEquals("rw-------", mode(data.resolve(file)), file);
            }
            for (Path folderMade : List.of(data, data.resolve("keys"), data.resolve("checkpoints"))) {
                assertEquals("rwx------", mode(folderMade), folderMade.toString());
            }

            Path backup = folder.resolve("backups/new/copy.db");
            assertEquals(0, run(folder, "backup", "--db", db, "--to", backup.toString()));
            assertEquals("rw-------", mode(backup));
            assertEquals("rwx------", mode(backup.getParent()));
            assertEquals("rwx------", mode(Path.of(backup + ".agreed-texts")), "the archive's copy beside it");
            Path csv = folder.resolve("exports/consents.csv");
            assertEquals(0, run(folder, "export", "--db", db, "--manifests",
                    TestServer.fixture().resolve("manifests").toString(), "--school", "testschool", "--out", csv.toString()));
            assertEquals("rw-------", mode(csv));
            Path json = folder.resolve("sar.json");
            assertEquals(0, run(folder, "export", "--db", db, "--person", "Dewi", "--out", json.toString()));
            assertEquals("rw-------", mode(json));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals("rw-------", mode(data.resolve("checkpoints/checkpoints.log")));
        String said = Files.readString(folder.resolve("server.log"));
        assertFalse(said.contains("Made readable"), "created private, nothing to tighten at first start: " + said);
    }

    @Test
    void filesLeftReadableAreTightenedAtStartWithOneLogLine(@TempDir Path folder) throws Exception {
        ServerConfig config = TestServer.settings(folder).load();
        TestServer.start(config, Clock.systemUTC()).close();
        Path data = config.database().file().getParent();
        List<Path> opened = List.of(config.database().file(), config.secretKeyFile(), config.checkpoints().logFile(),
                config.checkpoints().keyFile());
        for (Path file : opened) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path log = folder.resolve("restart.log");
        Process server = cli(log, "serve", "--port", "0", "--db", config.database().file().toString(),
                "--site", TestServer.fixture().resolve("site").toString(),
                "--manifests", TestServer.fixture().resolve("manifests").toString(),
                "--agreed-texts", TestServer.fixture().resolve("agreed-texts").toString());
        try {
            serve(server);
            for (Path file : opened) {
                assertEquals("rw-------", mode(file), file.toString());
            }
            assertEquals("rwx------", mode(data));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> said = Files.readAllLines(log).stream().filter(line -> line.contains("Made readable")).toList();
        assertEquals(1, said.size(), "one log line: " + said);
        assertTrue(said.get(0).contains("polisi.db") && said.get(0).contains("secret.key"), said.get(0));
    }

    @Test
    void tighteningTakesAwayOthersAccessAndNothingOfTheOwners(@TempDir Path folder) throws Exception {
        Path readOnly = Files.writeString(folder.resolve("read-only.db"), "");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        Path open = Files.writeString(folder.resolve("open.csv"), "");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path closed = Files.writeString(folder.resolve("closed.key"), "");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));

        assertEquals(List.of(readOnly, open), PrivateFiles.tightenAll(List.of(readOnly, open, closed,
                folder.resolve("absent"))));
        assertEquals("r--------", mode(readOnly), "a read-only file stays read-only");
        assertEquals("rw-------", mode(open));
        assertEquals("rw-------", mode(closed));
    }

    @Test
    void theServerRefusesToKeepPrivateFilesWhereTheyWouldBePublished(@TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder).set("site-dir", folder.resolve("site"))
                .set("db", folder.resolve("site/data/polisi.db")).load();
        PrivateFiles.NotPrivate refused = assertThrows(PrivateFiles.NotPrivate.class, () -> FormsServer.create(config));
        assertTrue(refused.getMessage().contains("published"), refused.getMessage());
        assertTrue(Files.notExists(folder.resolve("site/data/polisi.db")), "nothing was created there");
    }
}
