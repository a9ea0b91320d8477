package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.Forger;
import picocli.CommandLine;

/** {@code checkpoint} prints a signed checkpoint to file; {@code verify --checkpoints} fails once the chain is rewritten. */
class CheckpointCommandTest {

    private record Run(int exitCode, String out) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            return new Run(new CommandLine(new FormsCli()).execute(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void aFiledCheckpointCatchesARewriteMadeAfterIt(@TempDir Path folder) throws Exception {
        String db = folder.resolve("data/polisi.db").toString();
        try (TestServer server = TestServer.start(folder)) {
            reference(server.browser().post("/forms/testschool/parent-agreement", form(agreement("en"))));
            reference(server.browser().post("/forms/testschool/parent-agreement", form(agreement("cy"))));
        }
        Run printed = run("checkpoint", "--db", db);
        assertEquals(0, printed.exitCode());
        assertTrue(printed.out().contains("submission testschool 2 "), printed.out());
        assertTrue(printed.out().contains("Signing key fingerprint"), printed.out());
        Path filed = folder.resolve("filed/checkpoint.txt");
        Files.createDirectories(filed.getParent());
        Files.writeString(filed, printed.out());
        Path publicKey = folder.resolve("filed/key.pub");
        Files.copy(folder.resolve("data/keys/checkpoint-ed25519.key.pub"), publicKey);

        String texts = TestServer.fixture().resolve("agreed-texts").toString();
        Run clean = run("verify", "--db", db, "--agreed-texts", texts, "--checkpoints", filed.toString(),
                "--public-key", publicKey.toString());
        assertEquals(0, clean.exitCode(), clean.out());
        assertTrue(clean.out().contains("1 checkpoint(s) verified"), clean.out());
        Run last = run("checkpoint", "--db", db, "--last");
        assertTrue(last.out().startsWith("Polisi checkpoint 3 (command)"), "start, shutdown, command: " + last.out());

        Database.open(Path.of(db)).useHandle(handle -> {
            Forger.dropTriggers(handle);
            handle.execute("UPDATE submission SET lang = 'en' WHERE seq = 2");
            Forger.relinkSubmissions(handle, "testschool");
        });
        Run walked = run("verify", "--db", db, "--agreed-texts", texts);
        assertEquals(0, walked.exitCode(), "the rewrite is consistent: " + walked.out());
        Run caught = run("verify", "--db", db, "--agreed-texts", texts, "--checkpoints", filed.toString(),
                "--public-key", publicKey.toString());
        assertEquals(1, caught.exitCode());
        assertTrue(caught.out().contains("BROKEN testschool submission: record 2 is not the one checkpoint 3"),
                caught.out());
    }
}
