package org.polisi.forms.storage;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.retention.ErasureService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * An erasure removes the answers from the database's files, not only from its tables (tester 7's
 * finding 21: after {@code forms erase} the names were still in the file's free space). The file and
 * its log are read as bytes, as anyone holding a copy of them could.
 */
class FreedSpaceTest {

    private static NewSubmission submission(String reference, String name) {
        return new NewSubmission("testschool", reference, "parent-agreement", "agreement", "9185fca34835", "en",
                "{\"parent-name\":\"" + name + "\"}", Instant.now(), false, "f" + reference, null);
    }

    /** How many times {@code text} occurs in the database file and its log, together. */
    private static int occurrences(Path database, String text) throws Exception {
        int count = 0;
        for (Path file : new Path[] {database, database.resolveSibling(database.getFileName() + "-wal")}) {
            if (Files.exists(file)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (int at = bytes.indexOf(text); at >= 0; at = bytes.indexOf(text, at + 1)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void anErasedAnswerIsNoLongerInTheDatabasesFilesWhileTheOthersAre(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("polisi.db");
        try (Database database = Database.connect(file); SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            Jdbi jdbi = database.jdbi();
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("KEEP0001", "Bethan Keepwell")));
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("GONE0001", "Xanthippe Quibblewick")));
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, submission("KEEP0002", "Dafydd Keepwell")));
            assertEquals(true, occurrences(file, "Quibblewick") > 0, "written where a copy of the files would show it");
            ErasureService erasure = new ErasureService(jdbi, ledger,
                    new ManifestCatalog(org.polisi.forms.TestServer.fixture().resolve("manifests")));
            assertInstanceOf(ErasureService.Outcome.Erased.class,
                    erasure.eraseOnRequest("testschool", "GONE0001", Optional.empty(), "test", Instant.now()));
            assertEquals(0, occurrences(file, "Quibblewick"), "the erased name is in neither the file nor its log");
            assertEquals(true, occurrences(file, "Keepwell") >= 2, "what was not erased is still there to read");
        }
    }
}
