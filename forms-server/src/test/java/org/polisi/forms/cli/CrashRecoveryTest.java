package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.storage.ChainVerifier;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.SubmissionDao;

/** A submission acknowledged to the sender is on disk: killing the process right after loses nothing. */
class CrashRecoveryTest {

    private record Child(Process process, int port) {
    }

    private static Child serve(Path temporaryFolder) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                FormsCli.class.getName(), "serve", "--port", "0",
                "--db", temporaryFolder.resolve("data/polisi.db").toString(),
                "--site", TestServer.fixture().resolve("site").toString(),
                "--manifests", TestServer.fixture().resolve("manifests").toString(),
                "--agreed-texts", TestServer.fixture().resolve("agreed-texts").toString()))
                .redirectError(temporaryFolder.resolve("server-" + System.nanoTime() + ".log").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.matches("http://127\\.0\\.0\\.1:\\d+/")) {
            line = out.readLine(); // only the address should be on standard output, but be forgiving
        }
        if (line == null) {
            process.destroyForcibly();
            throw new AssertionError("the server did not print its address: " + line);
        }
        return new Child(process, Integer.parseInt(line.replaceAll(".*:(\\d+)/$", "$1")));
    }

    @Test
    void aSubmissionAcknowledgedJustBeforeTheProcessIsKilledIsThereAfterRestart(@TempDir Path temporaryFolder)
            throws Exception {
        Child first = serve(temporaryFolder);
        String location;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + first.port() + "/forms/testschool/parent-agreement"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(with(agreement("en"), "parent-name", "Survivor"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, response.statusCode());
            location = response.headers().firstValue("Location").orElseThrow();
        } finally {
            first.process().destroyForcibly();
            first.process().waitFor(10, TimeUnit.SECONDS);
        }
        String reference = location.substring(location.lastIndexOf('/') + 1, location.indexOf('?'));

        Child second = serve(temporaryFolder);
        try {
            HttpResponse<String> receipt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + second.port() + location)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, receipt.statusCode());
            assertTrue(receipt.body().contains("Survivor"));
            var jdbi = Database.open(temporaryFolder.resolve("data/polisi.db"));
            assertTrue(jdbi.withExtension(SubmissionDao.class, dao -> dao.findByReference(reference)).isPresent());
            assertTrue(new ChainVerifier(jdbi).verifyAll().stream().allMatch(result -> result.problem().isEmpty()));
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
