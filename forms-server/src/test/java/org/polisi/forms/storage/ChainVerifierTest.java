package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.retention.ErasureService;

class ChainVerifierTest {

    /** A real database file with five records in one school's chain (and one in another's); their references. */
    private static List<String> fiveSubmissions(Jdbi jdbi) {
        SubmissionLedger ledger = new SubmissionLedger(jdbi);
        List<String> references = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String reference = "REF2345" + (char) ('A' + i);
            String answers = CanonicalJson.write(Map.of("parent-name", "Parent " + i));
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, new NewSubmission("testschool", reference,
                    "parent-agreement", "agreement", "9185fca34835", "en", answers, Instant.now(), false, "f" + reference,
                    null)));
            references.add(reference);
        }
        ledger.inWriteTransaction(transaction -> ledger.append(transaction, new NewSubmission("otherschool", "OTHER234",
                "incident-report", "incident", "b0f4de80f903", "en", "{}", Instant.now(), false, "x", null)));
        return references;
    }

    private static ChainVerifier.SchoolResult verify(Jdbi jdbi) {
        return new ChainVerifier(jdbi).verifyAll().stream().filter(result -> result.school().equals("testschool"))
                .findFirst().orElseThrow();
    }

    /** What someone with the database file and sqlite3 could do: triggers are no obstacle to them. */
    private static void tamper(Jdbi jdbi, String sql) {
        jdbi.useHandle(handle -> {
            handle.execute("DROP TRIGGER IF EXISTS submission_only_erasure");
            handle.execute("DROP TRIGGER IF EXISTS submission_no_delete");
            handle.execute(sql);
        });
    }

    @Test
    void anUntouchedChainVerifies(@TempDir Path temporaryFolder) {
        {
            Jdbi jdbi = Database.open(temporaryFolder.resolve("polisi.db"));
            fiveSubmissions(jdbi);
            ChainVerifier.SchoolResult result = verify(jdbi);
            assertEquals(5, result.records());
            assertTrue(result.problem().isEmpty(), result.problem().toString());
        }
    }

    @Test
    void anAnswerAlteredInTheDatabaseIsNamed(@TempDir Path temporaryFolder) {
        {
            Jdbi jdbi = Database.open(temporaryFolder.resolve("polisi.db"));
            List<String> references = fiveSubmissions(jdbi);
            tamper(jdbi, "UPDATE submission SET fields_json = replace(fields_json, 'Parent 3', 'Someone else')"
                    + " WHERE reference = '" + references.get(2) + "'");

            ChainProblem problem = verify(jdbi).problem().orElseThrow();
            assertEquals(3, problem.seq());
            assertEquals(references.get(2), problem.reference());
            assertTrue(problem.description().contains("answers were altered"), problem.description());
        }
    }

    @Test
    void aDateAlteredInTheDatabaseIsNamed(@TempDir Path temporaryFolder) {
        {
            Jdbi jdbi = Database.open(temporaryFolder.resolve("polisi.db"));
            List<String> references = fiveSubmissions(jdbi);
            tamper(jdbi, "UPDATE submission SET received_at = '2020-01-01T00:00:00.000Z' WHERE reference = '"
                    + references.get(1) + "'");
            assertEquals(references.get(1), verify(jdbi).problem().orElseThrow().reference());
        }
    }

    @Test
    void aRemovedRecordIsNamed(@TempDir Path temporaryFolder) {
        {
            Jdbi jdbi = Database.open(temporaryFolder.resolve("polisi.db"));
            List<String> references = fiveSubmissions(jdbi);
            tamper(jdbi, "DELETE FROM submission WHERE reference = '" + references.get(3) + "'");

            ChainProblem problem = verify(jdbi).problem().orElseThrow();
            assertEquals(4, problem.seq());
            assertTrue(problem.description().contains("missing"), problem.description());
        }
    }

    @Test
    void removingTheNewestRecordIsNoticedToo(@TempDir Path temporaryFolder) {
        {
            Jdbi jdbi = Database.open(temporaryFolder.resolve("polisi.db"));
            List<String> references = fiveSubmissions(jdbi);
            tamper(jdbi, "DELETE FROM submission WHERE reference = '" + references.get(4) + "'");
            ChainProblem problem = verify(jdbi).problem().orElseThrow();
            assertEquals(5, problem.seq());
        }
    }

    @Test
    void theDatabaseRefusesDeletesAndEditsButAnErasureKeepsTheChainValid(@TempDir Path temporaryFolder) {
        {
            Jdbi jdbi = Database.open(temporaryFolder.resolve("polisi.db"));
            List<String> references = fiveSubmissions(jdbi);
            assertTrue(refused(jdbi, "DELETE FROM submission WHERE reference = '" + references.get(0) + "'"));
            assertTrue(refused(jdbi, "UPDATE submission SET fields_json = '{}' WHERE reference = '"
                    + references.get(0) + "'"));

            assertInstanceOf(ErasureService.Outcome.Erased.class, new ErasureService(jdbi, new SubmissionLedger(jdbi),
                    new org.polisi.forms.manifest.ManifestCatalog(org.polisi.forms.TestServer.fixture()
                            .resolve("manifests"))).eraseOnRequest("testschool", references.get(1), Optional.empty(),
                    "test", Instant.now()));
            SubmissionRow erased = jdbi.withExtension(SubmissionDao.class,
                    dao -> dao.findByReference(references.get(1))).orElseThrow();
            assertEquals("{}", erased.fieldsJson());
            assertTrue(erased.erased());
            assertTrue(verify(jdbi).problem().isEmpty(), verify(jdbi).problem().toString());
        }
    }

    private static boolean refused(Jdbi jdbi, String sql) {
        try {
            jdbi.useHandle(handle -> handle.execute(sql));
            return false;
        } catch (UnableToExecuteStatementException expected) {
            return expected.getMessage().contains("append-only");
        }
    }
}
