package org.polisi.forms.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.ChainVerifier;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.Forger;
import org.polisi.forms.storage.NewSubmission;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.SubmissionLedger;

/**
 * Issue #23, fault 2: signed checkpoints anchor the chains outside the database. Each rewrite of
 * the fault passes {@code verify}'s own walk of the chains (the forger recomputed every hash) and
 * fails {@code verify --checkpoints}.
 */
class CheckpointTest {

    /** A server that received six agreements and a consent form, then stopped (signing its shutdown checkpoint). */
    private static ServerConfig serveAndStop(Path folder) {
        ServerConfig config = TestServer.settings(folder).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            for (int i = 1; i <= 6; i++) {
                reference(server.browser().post("/forms/testschool/parent-agreement",
                        form(with(agreement("en"), "parent-name", "Parent " + i))));
            }
            reference(server.browser().post("/forms/testschool/images-consent",
                    form(consent("en", "Dewi Rees", "refused", "refused"))));
        }
        return config;
    }

    private static List<Checkpoint> log(ServerConfig config) {
        return CheckpointLog.readAll(config.checkpoints().logFile());
    }

    private static PublicKey publicKey(ServerConfig config) {
        return CheckpointKey.readPublic(CheckpointKey.publicFileOf(config.checkpoints().keyFile()));
    }

    private static List<String> checked(ServerConfig config) {
        return CheckpointVerifier.problems(Database.open(config.database()), log(config), publicKey(config));
    }

    /** Rewrites the database as the forger would, then checks the rewrite fooled verify's own walk. */
    private static void forge(ServerConfig config, Consumer<Handle> rewrite) {
        Jdbi jdbi = Database.open(config.database());
        jdbi.useHandle(handle -> {
            Forger.dropTriggers(handle);
            rewrite.accept(handle);
        });
        List<ChainVerifier.SchoolResult> walked = new ChainVerifier(jdbi).verifyAll();
        assertTrue(walked.stream().allMatch(result -> result.problem().isEmpty()),
                "the forgery is consistent, so only a checkpoint can catch it: " + walked);
    }

    @Test
    void theServerSignsACheckpointAtStartAndShutdownThatVerifies(@TempDir Path folder) {
        ServerConfig config = serveAndStop(folder);
        List<Checkpoint> checkpoints = log(config);
        assertEquals(List.of("start", "shutdown"), checkpoints.stream().map(Checkpoint::reason).toList());
        Checkpoint last = checkpoints.get(1);
        assertEquals(checkpoints.get(0).hash(), last.previous());
        assertTrue(last.heads().contains(new Checkpoint.Head("submission", "testschool", 7,
                Database.open(config.database()).withHandle(handle -> handle.createQuery(
                        "SELECT hash FROM submission WHERE seq = 7").mapTo(String.class).one()))), last.heads().toString());
        assertTrue(last.heads().stream().anyMatch(head -> head.chain().equals("consent-event")));
        assertEquals(List.of(), checked(config));
    }

    @Test
    void eachCheckpointIsEMailedToTheConfiguredAddressAsSigned(@TempDir Path folder) throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            ServerConfig config = TestServer.settings(folder).set("alerts.smtp-host", "127.0.0.1")
                    .set("alerts.smtp-port", port).set("alerts.smtp-starttls", false)
                    .set("alerts.from", "polisi@testschool.example").set("alerts.interval-seconds", 3600)
                    .set("checkpoint.mail-to", "chair@governors.example").load();
            TestServer.start(config, Clock.systemUTC()).close();
            jakarta.mail.internet.MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals(2, received.length, "start and shutdown");
            assertEquals("chair@governors.example", received[1].getAllRecipients()[0].toString());
            String body = (String) received[1].getContent();
            Path saved = folder.resolve("filed-from-email.txt");
            Files.writeString(saved, body);
            List<Checkpoint> filed = CheckpointLog.readAll(saved);
            assertEquals(List.of(log(config).get(1)), filed, "the e-mail carries the signed line itself");
            assertEquals(List.of(), CheckpointVerifier.problems(Database.open(config.database()), filed,
                    publicKey(config)));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void recordsMadeAfterTheLastCheckpointDoNotFailIt(@TempDir Path folder) {
        ServerConfig config = serveAndStop(folder);
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            reference(server.browser().post("/forms/testschool/parent-agreement", form(agreement("cy"))));
        }
        assertEquals(List.of(), checked(config));
    }

    @Test
    void rewritingASchoolsWholeChainFails(@TempDir Path folder) {
        ServerConfig config = serveAndStop(folder);
        forge(config, handle -> {
            handle.execute("UPDATE submission SET fields_json = replace(fields_json, 'Parent 1', 'Someone Else')");
            Forger.relinkSubmissions(handle, "testschool");
        });
        List<String> problems = checked(config);
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).contains("testschool submission: record 7 is not the one checkpoint"), problems.toString());
    }

    @Test
    void deletingTheNewestRecordsAndMovingTheHeadBackFails(@TempDir Path folder) {
        ServerConfig config = serveAndStop(folder);
        forge(config, handle -> {
            handle.execute("DELETE FROM consent_event");
            handle.execute("DELETE FROM record_chain_head WHERE chain = 'consent-event'");
            handle.execute("DELETE FROM submission_name_key WHERE submission_id IN"
                    + " (SELECT id FROM submission WHERE seq >= 6)");
            handle.execute("DELETE FROM submission WHERE seq >= 6");
            Forger.relinkSubmissions(handle, "testschool");
        });
        List<String> problems = checked(config);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("testschool submission: record 7 is missing")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("consent-event")), problems.toString());
    }

    @Test
    void insertingACorrectlyHashedRecordFails(@TempDir Path folder) {
        ServerConfig config = serveAndStop(folder);
        Instant beforeTheCheckpoint = Instant.parse(log(config).get(1).time()).minusSeconds(3600);
        Jdbi jdbi = Database.open(config.database());
        try (SubmissionLedger ledger = new SubmissionLedger(jdbi)) {
            // through Polisi's own code: every hash is right, and no trigger objects to an append
            ledger.inWriteTransaction(transaction -> ledger.append(transaction, new NewSubmission("testschool",
                    "FORGED234", "parent-agreement", "agreement", "aaaaaaaaaaa1", "en",
                    CanonicalJson.write(java.util.Map.of("parent-name", "Backdated")), beforeTheCheckpoint, false,
                    "forged", null)));
        }
        assertTrue(new ChainVerifier(jdbi).verifyAll().stream().allMatch(result -> result.problem().isEmpty()));
        List<String> problems = checked(config);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("testschool submission: record 8 is dated before checkpoint 1"),
                problems.toString());
    }

    @Test
    void insertingInTheMiddleAndRecomputingTheRestFails(@TempDir Path folder) {
        ServerConfig config = serveAndStop(folder);
        forge(config, handle -> {
            handle.execute("INSERT INTO submission (school, seq, reference, form_id, form_kind, form_version, lang,"
                    + " fields_json, received_at, urgent, salt, content_hash, prev_hash, hash)"
                    + " SELECT school, 3.5, 'INSERTED2', form_id, form_kind, form_version, lang, fields_json, received_at,"
                    + " urgent, salt, content_hash, '', '' FROM submission WHERE seq = 3");
            Forger.relinkSubmissions(handle, "testschool");
        });
        List<String> problems = checked(config);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("testschool submission: record 7 is not the one")),
                problems.toString());
    }

    @Test
    void reorderingRecordsAndRecomputingFails(@TempDir Path folder) {
        ServerConfig config = serveAndStop(folder);
        forge(config, handle -> {
            handle.execute("UPDATE submission SET seq = 2.5 WHERE seq = 1");
            Forger.relinkSubmissions(handle, "testschool");
        });
        assertFalse(checked(config).isEmpty());
    }

    @Test
    void rewritingARecordChainFails(@TempDir Path folder) {
        ServerConfig config = serveAndStop(folder);
        forge(config, handle -> {
            handle.execute("UPDATE consent_event SET answer = 'given'");
            Forger.relinkRecords(handle, RecordChains.CONSENT_EVENT, "testschool");
        });
        List<String> problems = checked(config);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("testschool consent-event: record 2 is not the one")),
                problems.toString());
    }

    @Test
    void rewritingAnIncidentChronologyOrAWithdrawalDecisionFails(@TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.addStaff("testschool", "Heledd Head", "head@test.example", "headteacher");
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            String incident = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Unkind messages"))));
            TestServer.Browser head = server.browser();
            assertEquals(303, head.login("head@test.example", TestServer.PASSWORD).statusCode());
            for (String[] entry : List.of(new String[] {"action", "Parents phoned"}, new String[] {"status", "closed"})) {
                assertEquals(303, head.post("/staff/submissions/" + incident + "/chronology",
                        form("csrf-token", head.csrf(), "kind", entry[0], "detail", entry[1])).statusCode());
            }
            reference(server.browser().post("/forms/testschool/images-consent",
                    form(consent("en", "Dewi Rees", "given", "given"))));
            String request = reference(server.browser().post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", "", "Dewi Rees", "all"))));
            TestServer.Browser office = server.browser();
            assertEquals(303, office.login("office@test.example", TestServer.PASSWORD).statusCode());
            assertEquals(303, office.post("/staff/submissions/" + request + "/reject",
                    form("csrf-token", office.csrf(), "reason", "Sent by mistake")).statusCode());
        }
        assertTrue(log(config).get(log(config).size() - 1).heads().stream()
                .anyMatch(head -> head.chain().equals("incident-event") && head.seq() == 2), log(config).toString());
        assertEquals(List.of(), checked(config));
        forge(config, handle -> {
            handle.execute("UPDATE incident_event SET detail = 'open' WHERE kind = 'status'");
            Forger.relinkRecords(handle, RecordChains.INCIDENT_EVENT, "testschool");
            handle.execute("UPDATE withdrawal_decision SET reason = 'The parent asked us to'");
            Forger.relinkRecords(handle, RecordChains.WITHDRAWAL_DECISION, "testschool");
        });
        List<String> problems = checked(config);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("testschool incident-event: record 2 is not the one")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(
                "testschool withdrawal-decision: record 1 is not the one")), problems.toString());
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails(@TempDir Path folder) throws Exception {
        ServerConfig config = serveAndStop(folder);
        CheckpointKey other = CheckpointKey.loadOrCreate(folder.resolve("elsewhere/other.key"));
        new CheckpointLog(config.checkpoints().logFile()).append(next -> other.sign(new Checkpoint(next.number(),
                Instant.now().toString(), next.previous(), "command", "", log(config).get(1).heads(), "")));
        List<String> problems = checked(config);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("checkpoint 3: its signature does not verify"), problems.toString());
    }

    @Test
    void anAlteredRemovedOrReorderedCheckpointFails(@TempDir Path folder) throws Exception {
        ServerConfig config = serveAndStop(folder);
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            server.checkpoints().take(Checkpointer.COMMAND);
        }
        Path logFile = config.checkpoints().logFile();
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        assertEquals(5, lines.size(), "start, shutdown, start, command, shutdown");

        Path altered = folder.resolve("altered.log");
        List<String> changed = new ArrayList<>(lines);
        changed.set(1, changed.get(1).replace("\"seq\":7", "\"seq\":6"));
        Files.write(altered, changed);
        Path removed = folder.resolve("removed.log");
        Files.write(removed, List.of(lines.get(0), lines.get(1), lines.get(3), lines.get(4)));
        Path reordered = folder.resolve("reordered.log");
        Files.write(reordered, List.of(lines.get(0), lines.get(2), lines.get(1), lines.get(3), lines.get(4)));

        Jdbi jdbi = Database.open(config.database());
        for (Path file : List.of(altered, removed, reordered)) {
            List<String> problems = CheckpointVerifier.problems(jdbi, CheckpointLog.readAll(file), publicKey(config));
            assertFalse(problems.isEmpty(), file.toString());
        }
        assertEquals(List.of(), CheckpointVerifier.problems(jdbi, CheckpointLog.readAll(logFile), publicKey(config)));
    }
}
