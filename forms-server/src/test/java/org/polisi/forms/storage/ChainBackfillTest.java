package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made before the record chains (schema V2) is linked by migration V21 and then verifies. */
class ChainBackfillTest {

    @Test
    void rowsFromBeforeTheChainsAreLinkedAndVerify(@TempDir Path folder) {
        Path file = folder.resolve("old.db");
        Database.migrations(Database.dataSource(file), false).target("2").load()
                .migrate();
        Jdbi old = Jdbi.create(Database.dataSource(file));
        old.useHandle(handle -> {
            handle.execute("INSERT INTO submission (school, seq, reference, form_id, form_kind, form_version, lang,"
                    + " fields_json, received_at, salt, content_hash, prev_hash, hash) VALUES ('testschool', 1, 'OLD23456',"
                    + " 'images-consent', 'consent', 'v', 'en', '{}', '2026-01-01T00:00:00.000Z', NULL, 'c', ?, 'h')",
                    ChainHasher.GENESIS);
            handle.execute("INSERT INTO chain_head VALUES ('testschool', 1, 'h')");
            for (String answer : List.of("given", "withdrawn")) {
                handle.execute("INSERT INTO consent_event (school, consent_submission, cause_submission, form_id, pupil,"
                        + " statement, answer, recorded_at) VALUES ('testschool', 1, 1, 'images-consent', 'Dewi Rees',"
                        + " 'consent.photos', ?, '2026-01-01T00:00:00.000Z')", answer);
            }
            handle.execute("INSERT INTO staff_user (school, name, email, role, password_hash, created_at) VALUES"
                    + " ('testschool', 'Heledd', 'h@test.example', 'headteacher', 'hash', '2026-01-01T00:00:00.000Z')");
            handle.execute("INSERT INTO incident_view (submission_id, staff_user_id, viewer, channel, viewed_at)"
                    + " VALUES (1, 1, 'Heledd', 'page', '2026-01-02T00:00:00.000Z')");
        });

        Jdbi migrated = Database.open(file);
        List<ChainVerifier.SchoolResult> results = new ChainVerifier(migrated).verifyAll();
        results.stream().filter(result -> !result.chain().equals("submission")).forEach(result ->
                assertTrue(result.problem().isEmpty(), result.toString()));
        assertEquals(2, results.stream().filter(result -> result.chain().equals("consent-event")).findFirst()
                .orElseThrow().records());
        assertEquals(1, results.stream().filter(result -> result.chain().equals("incident-view")).findFirst()
                .orElseThrow().records());
        assertEquals(5, results.stream().filter(result -> result.chain().equals("staff-account")).findFirst()
                .orElseThrow().records(), "created, name, e-mail, role, password");
    }

    /** Incident events and withdrawal decisions stored under V40 are linked by V40.2, in their order. */
    @Test
    void incidentEventsAndWithdrawalDecisionsFromV40AreLinkedAndVerify(@TempDir Path folder) {
        Path file = folder.resolve("v40.db");
        Database.migrations(Database.dataSource(file), false).target("40").load()
                .migrate();
        Jdbi old = Jdbi.create(Database.dataSource(file));
        old.useHandle(handle -> {
            for (String[] row : List.of(new String[] {"1", "INCIDENT2", "incident"}, new String[] {"2", "WITHDRAW2", "withdrawal"},
                    new String[] {"3", "WITHDRAW3", "withdrawal"}, new String[] {"4", "CONSENT23", "consent"})) {
                handle.execute("INSERT INTO submission (school, seq, reference, form_id, form_kind, form_version, lang,"
                        + " fields_json, received_at, salt, content_hash, prev_hash, hash) VALUES ('testschool', ?, ?,"
                        + " 'f', ?, 'v', 'en', '{}', '2026-01-01T00:00:00.000Z', NULL, 'c', 'p', 'h')",
                        Long.parseLong(row[0]), row[1], row[2]);
            }
            int seq = 0;
            for (String[] event : List.of(new String[] {"action", "Parents phoned"}, new String[] {"status", "closed"})) {
                seq++;
                handle.execute("INSERT INTO incident_event (school, submission_id, seq, kind, detail, recorded_by,"
                        + " recorded_at, prev_hash, hash) VALUES ('testschool', 1, ?, ?, ?, 'Heledd',"
                        + " '2026-01-02T00:00:00.000Z', 'old', 'old')", seq, event[0], event[1]);
            }
            handle.execute("INSERT INTO withdrawal_decision (school, withdrawal_submission, decision, reason, decided_by,"
                    + " decided_at) VALUES ('testschool', 2, 'rejected', 'Sent by mistake', 'Olwen', '2026-01-03T00:00:00.000Z')");
            handle.execute("INSERT INTO withdrawal_decision (school, withdrawal_submission, decision, consent_submission,"
                    + " decided_by, decided_at) VALUES ('testschool', 3, 'matched', 4, 'Olwen', '2026-01-03T00:00:00.000Z')");
        });

        Jdbi migrated = Database.open(file);
        List<ChainVerifier.SchoolResult> results = new ChainVerifier(migrated).verifyAll();
        for (String chain : List.of("incident-event", "withdrawal-decision")) {
            ChainVerifier.SchoolResult result = results.stream().filter(found -> found.chain().equals(chain)).findFirst()
                    .orElseThrow(() -> new AssertionError(chain + " not verified: " + results));
            assertTrue(result.problem().isEmpty(), result.toString());
            assertEquals(2, result.records(), result.toString());
        }
        assertEquals(List.of("1:action:Parents phoned", "2:status:closed"), migrated.withHandle(handle -> handle.createQuery(
                "SELECT report_seq || ':' || kind || ':' || detail FROM incident_event ORDER BY seq").mapTo(String.class)
                .list()));
    }
}
