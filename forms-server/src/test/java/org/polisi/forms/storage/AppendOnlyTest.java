package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.retention.ErasureService;

/**
 * Issue #23, fault 1: everything that makes a record is append-only (triggers) and chained
 * ({@code verify} names the first bad row of each chain), on a real server and database.
 */
class AppendOnlyTest {

    private static final String OFFICE = "office@test.example";

    /**
     * A server with a consent form, an incident report viewed by the headteacher with an action and a
     * status change, a withdrawal request the office rejected, an erasure, staff.
     */
    private static TestServer serverWithRecords(Path folder) {
        return serverWithRecords(folder, TestDatabases.Kind.SQLITE);
    }

    /** As {@link #serverWithRecords(Path)}, on SQLite or PostgreSQL (ADR 0049: the same rules on both). */
    private static TestServer serverWithRecords(Path folder, TestDatabases.Kind kind) {
        TestServer server = TestServer.start(folder, kind);
        server.addStaff("testschool", "Heledd Head", "head@test.example", "headteacher");
        server.addStaff("testschool", "Olwen Office", OFFICE, "office");
        TestServer.Browser parent = server.browser();
        reference(parent.post("/forms/testschool/images-consent", form(consent("en", "Dewi Rees", "refused", "refused"))));
        String erased = reference(parent.post("/forms/testschool/images-consent",
                form(consent("en", "Erin Erased", "given", "given"))));
        String incident = reference(parent.post("/forms/testschool/incident-report",
                form(incident("en", "none", "Unkind messages"))));
        TestServer.Browser head = server.browser();
        assertEquals(303, head.login("head@test.example", TestServer.PASSWORD).statusCode());
        assertEquals(200, head.get("/staff/submissions/" + incident).statusCode());
        assertEquals(303, head.post("/staff/submissions/" + incident + "/chronology",
                form("csrf-token", head.csrf(), "kind", "action", "detail", "Parents phoned")).statusCode());
        assertEquals(303, head.post("/staff/submissions/" + incident + "/chronology",
                form("csrf-token", head.csrf(), "kind", "status", "detail", "actioned")).statusCode());
        String request = reference(parent.post("/forms/testschool/consent-withdrawal",
                form(withdrawing("en", "", "Dewi Rees", "all"))));
        TestServer.Browser office = server.browser();
        assertEquals(303, office.login(OFFICE, TestServer.PASSWORD).statusCode());
        assertEquals(303, office.post("/staff/submissions/" + request + "/reject",
                form("csrf-token", office.csrf(), "reason", "Sent by mistake")).statusCode());
        assertInstanceOf(ErasureService.Outcome.Erased.class, server.erasure()
                .eraseOnRequest("testschool", erased, Optional.of("Asked for by the parent"), "test",
                        java.time.Instant.now()));
        return server;
    }

    private static List<ChainVerifier.SchoolResult> verify(TestServer server) {
        return new ChainVerifier(server.jdbi()).verifyAll();
    }

    private static ChainProblem problemOf(TestServer server, String chain) {
        return verify(server).stream().filter(result -> result.chain().equals(chain))
                .flatMap(result -> result.problem().stream()).findFirst()
                .orElseThrow(() -> new AssertionError("verify found nothing wrong with " + chain + ": " + verify(server)));
    }

    private static void refused(TestServer server, String sql) {
        assertThrows(UnableToExecuteStatementException.class, () -> server.jdbi().useHandle(handle -> handle.execute(sql)),
                sql);
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anUntouchedDatabaseVerifiesEveryChain(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder, kind)) {
            List<ChainVerifier.SchoolResult> results = verify(server);
            assertTrue(results.stream().allMatch(result -> result.problem().isEmpty()), results.toString());
            for (String chain : List.of("submission", "consent-event", "erasure", "incident-view", "staff-account",
                    "incident-event", "withdrawal-decision")) {
                assertTrue(results.stream().anyMatch(result -> result.chain().equals(chain) && result.records() > 0),
                        chain + " has records: " + results);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void everyUpdateAndDeleteOnEveryProtectedTableIsRefused(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder, kind)) {
            // fault 1's own examples
            refused(server, "UPDATE consent_event SET answer = 'given'");
            refused(server, "DELETE FROM incident_view");
            refused(server, "INSERT INTO erasure (school, submission_id, reason, erased_by, erased_at)"
                    + " SELECT school, id, 'request', 'forger', '2026-01-01T00:00:00.000Z' FROM submission"
                    + " WHERE erased_at IS NULL LIMIT 1");
            refused(server, "UPDATE submission SET fields_json = '{}', salt = NULL, erased_at = '2026-01-01T00:00:00.000Z'"
                    + " WHERE erased_at IS NULL");
            // and the rest of the kind
            for (String table : List.of("consent_event", "erasure", "incident_view", "staff_account_event",
                    "incident_event", "withdrawal_decision", "record_chain_head", "chain_head", "staff_user")) {
                refused(server, "DELETE FROM " + table);
            }
            for (String sql : List.of("UPDATE consent_event SET recorded_at = '2020-01-01T00:00:00.000Z'",
                    "UPDATE consent_event SET pupil = 'Someone Else'",
                    "UPDATE consent_event SET hash = 'x'",
                    "UPDATE erasure SET reason = 'retention'",
                    "UPDATE incident_view SET viewer = 'nobody'",
                    "UPDATE staff_account_event SET value = 'headteacher'",
                    "UPDATE incident_event SET detail = 'Nothing to do' WHERE kind = 'action'",
                    "UPDATE incident_event SET detail = 'closed' WHERE kind = 'status'",
                    "UPDATE incident_event SET detail = '', salt = NULL WHERE kind = 'action'",
                    "UPDATE incident_event SET recorded_by = 'nobody'",
                    "UPDATE withdrawal_decision SET reason = 'Another reason'",
                    "UPDATE withdrawal_decision SET reason = '', salt = NULL",
                    "UPDATE withdrawal_decision SET decided_by = 'nobody'",
                    "UPDATE record_chain_head SET last_seq = last_seq - 1",
                    "UPDATE chain_head SET last_seq = last_seq - 1",
                    "UPDATE staff_user SET school = 'otherschool'",
                    "INSERT INTO consent_event (school, consent_submission, cause_submission, form_id, pupil, statement,"
                            + " answer, recorded_at) SELECT school, consent_submission, cause_submission, form_id, pupil,"
                            + " statement, 'given', recorded_at FROM consent_event LIMIT 1",
                    "INSERT INTO incident_view (school, submission_id, viewer, channel, viewed_at)"
                            + " SELECT school, submission_id, 'x', 'page', viewed_at FROM incident_view LIMIT 1",
                    "INSERT INTO incident_event (school, submission_id, report_seq, kind, detail, recorded_by,"
                            + " recorded_at, prev_hash, hash) SELECT school, submission_id, 9, 'status', 'closed', 'x',"
                            + " recorded_at, prev_hash, hash FROM incident_event LIMIT 1",
                    "INSERT INTO withdrawal_decision (school, withdrawal_submission, decision, consent_submission,"
                            + " decided_by, decided_at) SELECT s.school, s.id, 'matched', c.id, 'x', s.received_at"
                            + " FROM submission s, submission c WHERE s.form_kind = 'incident'"
                            + " AND c.form_kind = 'consent' LIMIT 1",
                    "INSERT INTO staff_account_event (school, staff_user_id, change, value, changed_by, changed_at)"
                            + " VALUES ('testschool', 1, 'role', 'office', 'x', '2026-01-01T00:00:00.000Z')")) {
                refused(server, sql);
            }
            assertTrue(verify(server).stream().allMatch(result -> result.problem().isEmpty()));
        }
    }

    @Test
    void aConsentAnswerChangedBehindTheServersBackIsNamedAndNotShown(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            server.jdbi().useHandle(handle -> {
                Forger.dropTriggers(handle);
                handle.execute("UPDATE consent_event SET answer = 'given' WHERE pupil = 'Dewi Rees'");
            });
            ChainProblem problem = problemOf(server, "consent-event");
            assertEquals(1, problem.seq(), problem.toString());
            assertTrue(problem.description().contains("details"), problem.toString());

            TestServer.Browser office = server.browser();
            office.login(OFFICE, TestServer.PASSWORD);
            String page = office.get("/staff/consents").body();
            assertTrue(page.contains("fails its check from event 1"), page);
            assertFalse(page.contains("Dewi Rees"), "a changed event is not shown as standing: " + page);
        }
    }

    @Test
    void aPupilNameChangedOrClearedWithoutErasureIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            server.jdbi().useHandle(handle -> {
                Forger.dropTriggers(handle);
                handle.execute("UPDATE consent_event SET pupil = '', salt = NULL WHERE pupil = 'Dewi Rees' AND seq = 2");
            });
            ChainProblem problem = problemOf(server, "consent-event");
            assertEquals(2, problem.seq());
            assertTrue(problem.description().contains("without an erasure"), problem.toString());
        }
    }

    @Test
    void aForgedErasureIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            server.jdbi().useHandle(handle -> {
                Forger.dropTriggers(handle);
                handle.execute("INSERT INTO erasure (school, submission_id, reason, erased_by, erased_at)"
                        + " SELECT school, id, 'request', 'forger', '2026-01-01T00:00:00.000Z' FROM submission"
                        + " WHERE form_kind = 'incident'");
                handle.execute("UPDATE submission SET fields_json = '{}', salt = NULL, erased_at = '2026-01-01T00:00:00.000Z'"
                        + " WHERE form_kind = 'incident'");
            });
            ChainProblem problem = problemOf(server, "erasure");
            assertEquals(2, problem.seq(), "the real erasure is record 1: " + problem);
            assertTrue(problem.description().contains("behind Polisi's back"), problem.toString());
        }
    }

    @Test
    void aDeletedIncidentViewIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            TestServer.Browser head = server.browser();
            head.login("head@test.example", TestServer.PASSWORD);
            String incident = server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT reference FROM submission WHERE form_kind = 'incident'").mapTo(String.class).one());
            head.get("/staff/submissions/" + incident);
            server.jdbi().useHandle(handle -> {
                Forger.dropTriggers(handle);
                handle.execute("DELETE FROM incident_view WHERE seq = 1");
            });
            ChainProblem problem = problemOf(server, "incident-view");
            assertEquals(1, problem.seq());
            assertTrue(problem.description().contains("missing"), problem.toString());

            server.jdbi().useHandle(handle -> handle.execute("DELETE FROM incident_view"));
            assertTrue(problemOf(server, "incident-view").description().contains("newest records were removed"));
        }
    }

    @Test
    void reorderedEventsAreNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            server.jdbi().useHandle(handle -> {
                Forger.dropTriggers(handle);
                handle.execute("UPDATE consent_event SET seq = -seq WHERE seq IN (1, 2)");
                handle.execute("UPDATE consent_event SET seq = 2 WHERE seq = -1");
                handle.execute("UPDATE consent_event SET seq = 1 WHERE seq = -2");
            });
            ChainProblem problem = problemOf(server, "consent-event");
            assertEquals(1, problem.seq(), problem.toString());
        }
    }

    @Test
    void aStaffAccountChangedBehindTheServersBackIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            // allowed by the triggers (login needs to update the row), caught by its history
            server.jdbi().useHandle(handle -> handle.execute(
                    "UPDATE staff_user SET role = 'headteacher' WHERE email = ?", OFFICE));
            ChainProblem problem = problemOf(server, "staff-account");
            assertTrue(problem.description().contains("role differs"), problem.toString());

            server.jdbi().useHandle(handle -> {
                handle.execute("UPDATE staff_user SET role = 'office' WHERE email = ?", OFFICE);
                handle.execute("UPDATE staff_person SET password_hash = 'forged' WHERE email = ?", OFFICE);
            });
            assertTrue(problemOf(server, "staff-account").description().contains("password differs"));
        }
    }

    @Test
    void aStaffAccountAddedBehindTheServersBackIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            server.jdbi().useHandle(handle -> {
                handle.execute("INSERT INTO staff_person (email, email_key, password_hash, created_at) VALUES ('m@x.example',"
                        + " 'm@x.example', 'h', '2026-01-01T00:00:00.000Z')");
                handle.execute("INSERT INTO staff_user (school, person_id, name, email, role, created_at) VALUES"
                        + " ('otherschool', (SELECT id FROM staff_person WHERE email = 'm@x.example'), 'Mallory',"
                        + " 'm@x.example', 'headteacher', '2026-01-01T00:00:00.000Z')");
            });
            ChainProblem problem = problemOf(server, "staff-account");
            assertEquals("otherschool", problem.school());
            assertTrue(problem.description().contains("no history"), problem.toString());
        }
    }

    @Test
    void anIncidentActionChangedOrClearedBehindTheServersBackIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            server.jdbi().useHandle(handle -> {
                Forger.dropTriggers(handle);
                handle.execute("UPDATE incident_event SET detail = 'Nothing needed' WHERE kind = 'action'");
            });
            ChainProblem problem = problemOf(server, "incident-event");
            assertEquals(1, problem.seq(), problem.toString());
            assertTrue(problem.description().contains("detail was altered"), problem.toString());

            server.jdbi().useHandle(handle -> handle.execute(
                    "UPDATE incident_event SET detail = '', salt = NULL WHERE kind = 'action'"));
            assertTrue(problemOf(server, "incident-event").description().contains("without an erasure"));
        }
    }

    @Test
    void anIncidentStatusChangedDeletedOrForgedIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            server.jdbi().useHandle(handle -> {
                Forger.dropTriggers(handle);
                handle.execute("INSERT INTO incident_event (school, submission_id, report_seq, kind, detail, salt,"
                        + " content_hash, recorded_by, recorded_at, seq, prev_hash, hash) SELECT school, submission_id, 3,"
                        + " 'status', 'closed', salt, content_hash, recorded_by, recorded_at, 3, hash, hash"
                        + " FROM incident_event WHERE seq = 2");
            });
            ChainProblem forged = problemOf(server, "incident-event");
            assertEquals(3, forged.seq(), forged.toString());
            server.jdbi().useHandle(handle -> {
                handle.execute("DELETE FROM incident_event WHERE seq = 3");
                handle.execute("UPDATE incident_event SET kind = 'status', detail = 'closed' WHERE seq = 2");
            });
            assertTrue(problemOf(server, "incident-event").description().contains("altered"));
            server.jdbi().useHandle(handle -> handle.execute("DELETE FROM incident_event WHERE seq = 1"));
            ChainProblem removed = problemOf(server, "incident-event");
            assertEquals(1, removed.seq(), removed.toString());
            assertTrue(removed.description().contains("missing"), removed.toString());
        }
    }

    @Test
    void aWithdrawalDecisionChangedOrForgedIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            server.jdbi().useHandle(handle -> {
                Forger.dropTriggers(handle);
                handle.execute("UPDATE withdrawal_decision SET reason = 'The parent changed her mind'");
            });
            ChainProblem altered = problemOf(server, "withdrawal-decision");
            assertEquals(1, altered.seq(), altered.toString());
            assertTrue(altered.description().contains("reason was altered"), altered.toString());

            server.jdbi().useHandle(handle -> {
                handle.execute("UPDATE withdrawal_decision SET reason = 'Sent by mistake'");
                handle.execute("INSERT INTO withdrawal_decision (school, withdrawal_submission, decision,"
                        + " consent_submission, decided_by, decided_at) SELECT s.school, s.id, 'matched', c.id, 'x',"
                        + " s.received_at FROM submission s, submission c WHERE s.form_kind = 'incident'"
                        + " AND c.form_kind = 'consent' LIMIT 1");
            });
            ChainProblem forged = problemOf(server, "withdrawal-decision");
            assertTrue(forged.description().contains("behind Polisi's back"), forged.toString());

            server.jdbi().useHandle(handle -> handle.execute("DELETE FROM withdrawal_decision"));
            assertTrue(problemOf(server, "withdrawal-decision").description().contains("newest records were removed"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void erasingAnIncidentReportAndARejectedRequestKeepsEveryChainWhole(TestDatabases.Kind database, @TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder, database)) {
            ErasureService erasure = server.erasure();
            TestServer.Browser head = server.browser();
            assertEquals(303, head.login("head@test.example", TestServer.PASSWORD).statusCode());
            for (String kind : List.of("incident", "withdrawal")) {
                String reference = server.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT reference FROM submission WHERE form_kind = :kind").bind("kind", kind)
                        .mapTo(String.class).one());
                if (kind.equals("incident")) { // the hold ends with today; the erasure is made two days later
                    assertEquals(303, head.post("/staff/submissions/" + reference + "/chronology", form("csrf-token",
                            head.csrf(), "kind", "keep-until", "detail", today())).statusCode());
                }
                assertInstanceOf(ErasureService.Outcome.Erased.class, erasure.eraseOnRequest("testschool", reference,
                        Optional.empty(), "test", java.time.Instant.now().plus(java.time.Duration.ofDays(2))));
            }
            assertEquals(1, server.count("SELECT count(*) FROM incident_event WHERE detail = '' AND salt IS NULL"));
            assertEquals(1, server.count("SELECT count(*) FROM withdrawal_decision WHERE reason = '' AND salt IS NULL"));
            Optional<ChainProblem> any = verify(server).stream().flatMap(result -> result.problem().stream()).findFirst();
            assertTrue(any.isEmpty(), any.toString());
        }
    }

    @Test
    void aSecondFactorSwappedOrAddedBehindTheServersBackIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            long head = server.count("SELECT id FROM staff_user WHERE email = 'head@test.example'");
            assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE change = 'second-factor'"
                    + " AND staff_user_id = " + head), "the headteacher's enrolment is in the history");
            server.jdbi().useHandle(handle -> handle.execute(
                    "UPDATE staff_second_factor SET secret = 'JBSWY3DPEHPK3PXP' WHERE person_id = ?",
                    server.staffUser("head@test.example").personId()));
            ChainProblem swapped = problemOf(server, "staff-account");
            assertTrue(swapped.description().contains("second-factor differs"), swapped.toString());
        }
    }

    @Test
    void aRecoveryCodeOrSecondFactorAddedBehindTheServersBackIsNamed(@TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder)) {
            long head = server.staffUser("head@test.example").personId();
            server.jdbi().useHandle(handle -> handle.execute("INSERT INTO staff_recovery_code (person_id, code_hash,"
                    + " created_at) VALUES (?, 'forged', '2026-01-01T00:00:00.000Z')", head));
            assertTrue(problemOf(server, "staff-account").description().contains("second-factor differs"));
        }
        try (TestServer server = serverWithRecords(folder.resolve("office"))) {
            server.addStaffWithoutSecondFactor("testschool", "Nia Nobody", "nia@test.example", "office");
            long office = server.staffUser("nia@test.example").personId();
            assertTrue(verify(server).stream().allMatch(result -> result.problem().isEmpty()), "no factor, no event");
            server.jdbi().useHandle(handle -> handle.execute("INSERT INTO staff_second_factor (person_id, secret,"
                    + " enrolled_at, last_step) VALUES (?, 'JBSWY3DPEHPK3PXP', '2026-01-01T00:00:00.000Z', 0)", office));
            assertTrue(problemOf(server, "staff-account").description().contains("second-factor differs"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void erasingAConsentFormKeepsEveryChainWhole(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = serverWithRecords(folder, kind)) {
            assertEquals(0, server.count("SELECT count(*) FROM consent_event WHERE pupil = 'Erin Erased'"));
            assertTrue(server.count("SELECT count(*) FROM consent_event WHERE pupil = '' AND salt IS NULL") > 0);
            Optional<ChainProblem> any = verify(server).stream().flatMap(result -> result.problem().stream()).findFirst();
            assertTrue(any.isEmpty(), any.toString());
        }
    }

    /** Today in the school's time zone, as staff type a keep-until date. */
    private static String today() {
        return java.time.LocalDate.now(org.polisi.forms.i18n.Dates.SCHOOL_TIME).toString();
    }
}
