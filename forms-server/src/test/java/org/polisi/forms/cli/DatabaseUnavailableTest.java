package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import picocli.CommandLine;

/**
 * Issue 23, fault 8: a database the server cannot write stops {@code serve} (and every other
 * command) with one line naming the file and the cause, exit code 1, and no stack trace.
 */
class DatabaseUnavailableTest {

    private record Run(int exitCode, String err) {
    }

    private static Run serve(Path database) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = FormsCli.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute("serve", "--db", database.toString(), "--port", "0",
                "--site", TestServer.fixture().resolve("site").toString(),
                "--manifests", TestServer.fixture().resolve("manifests").toString());
        return new Run(exitCode, err.toString());
    }

    private static void assertOneClearLine(Run run, Path database, String cause) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().contains(database.toAbsolutePath().toString()), "names the file: " + run.err());
        assertTrue(run.err().contains(cause), "says why (" + cause + "): " + run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    }

    @Test
    void aDatabaseThatIsAFolderIsNamedWithTheCause(@TempDir Path folder) throws Exception {
        Path database = Files.createDirectories(folder.resolve("data/polisi.db"));
        assertOneClearLine(serve(database), database, "cannot be opened for writing");
    }

    @Test
    void aFolderThatCannotBeMadeIsNamedWithTheCause(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("data"), "a file where the folder should be");
        Path database = folder.resolve("data/polisi.db");
        assertOneClearLine(serve(database), database, "data");
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedWithTheCause(@TempDir Path folder) throws Exception {
        Path database = Files.createDirectories(folder.resolve("data")).resolve("polisi.db");
        Files.writeString(database, "this is not SQLite ".repeat(100));
        assertOneClearLine(serve(database), database, "not an SQLite database");
    }

    @Test
    void aReadOnlyDatabaseIsNamedWithTheCause(@TempDir Path folder) throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root writes read-only files, so only another user can see this refusal");
        Path data = Files.createDirectories(folder.resolve("data"));
        Path database = data.resolve("polisi.db");
        try (TestServer server = TestServer.start(folder)) {
            server.count("SELECT count(*) FROM submission");
        }
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertOneClearLine(serve(database), database, "read-only");
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
