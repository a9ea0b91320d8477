package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.consent.ConsentRecorder;

/**
 * V87 (issue 15, docs/adr/0057) admits the {@code objection} form kind and the {@code objects} and
 * {@code no-objection} consent-event answers. On SQLite it rebuilds {@code submission} and
 * {@code consent_event}: a database filled as V81 left it keeps every row, id and chain, the schema
 * differs in the two CHECK lists only (tables, indexes, append-only triggers), and the append-only
 * rules still hold. PostgreSQL changes the two constraints in place, and is held to the same.
 */
class ObjectionKindMigrationTest {

    private static final Instant MORNING = Instant.parse("2026-09-01T08:30:00Z");

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void recordsChainsAndRulesSurviveAndOnlyTheTwoChecksChange(TestDatabases.Kind kind, @TempDir Path folder) {
        DatabaseAddress address = TestDatabases.fresh(kind, folder);
        Map<String, String> schemaBefore;
        List<Map<String, Object>> rowsBefore;
        // every migration before V87 (another branch's V82 to V86 included), then V87 alone: the schema compared
        try (Database old = Database.connect(address, "86.9999"); SubmissionLedger ledger = new SubmissionLedger(old.jdbi())) {
            fill(ledger);
            assertThrows(RuntimeException.class, () -> rawObjection(old.jdbi(), "RAWOBJ01"),
                    "before V87 the table refuses the kind");
            schemaBefore = schema(kind, old.jdbi());
            rowsBefore = rows(old.jdbi());
            assertAllVerify(old.jdbi(), 2);
        }
        try (Database migrated = Database.connect(address, "87")) {
            Jdbi jdbi = migrated.jdbi();
            assertEquals(rowsBefore, rows(jdbi), "every row, with its id, hashes and erasure state");
            Map<String, String> schemaAfter = schema(kind, jdbi);
            assertNotEquals(schemaBefore, schemaAfter);
            assertEquals(expectedAfter(kind, schemaBefore), schemaAfter);
            assertAllVerify(jdbi, 2);
        }
        try (Database newest = Database.connect(address); SubmissionLedger ledger = new SubmissionLedger(newest.jdbi())) {
            Jdbi jdbi = newest.jdbi();

            SubmissionRow notice = ledger.inWriteTransaction(transaction -> {
                SubmissionRow row = ledger.append(transaction, new NewSubmission("school-a", "REFOBJ01",
                        "photo-objection", "objection", "v1", "cy", "{\"not-agreed\":[\"photographs-online\"]}",
                        MORNING.plusSeconds(600), false, "f-obj", null));
                new ConsentRecorder().recordAnswers(transaction, row, RecordChains.CONSENT_EVENT.prepareAll(List.of(
                        new Object[] {"photo-objection", "not-agreed.photographs-online", "objects", MORNING, "Siân"},
                        new Object[] {"photo-objection", "not-agreed.work-online", "no-objection", MORNING, "Siân"})));
                return row;
            });
            assertTrue(notice.id() > (Long) rowsBefore.stream().filter(row -> row.containsKey("form_kind"))
                    .map(row -> ((Number) row.get("id")).longValue()).max(Long::compare).orElseThrow(),
                    "ids go on from where they were");
            assertAllVerify(jdbi, 2);
            assertAppendOnly(jdbi);
        }
    }

    /** Two schools: consent forms with their events, a withdrawal, an agreement. */
    private static void fill(SubmissionLedger ledger) {
        ConsentRecorder recorder = new ConsentRecorder();
        for (String school : List.of("school-a", "school-b")) {
            ledger.inWriteTransaction(transaction -> {
                SubmissionRow consent = ledger.append(transaction, submission(school, "C", "photo-consent", "consent", 0));
                recorder.recordAnswers(transaction, consent, RecordChains.CONSENT_EVENT.prepareAll(List.of(
                        new Object[] {"photo-consent", "images.website", "given", MORNING, "Siân Ŵyn"},
                        new Object[] {"photo-consent", "images.press", "refused", MORNING, "Siân Ŵyn"})));
                SubmissionRow withdrawal = ledger.append(transaction, submission(school, "W", "consent-withdrawal",
                        "withdrawal", 60));
                recorder.recordWithdrawal(transaction, withdrawal, consent, List.of("images.website"),
                        List.of("Siân Ŵyn"), MORNING.plusSeconds(60));
                ledger.append(transaction, submission(school, "A", "staff-agreement", "agreement", 120));
                return consent;
            });
        }
    }

    private static NewSubmission submission(String school, String letter, String formId, String kind, int seconds) {
        String reference = ("REF" + letter + school.charAt(school.length() - 1)).toUpperCase() + "0001";
        return new NewSubmission(school, reference, formId, kind, "v1", "en", "{\"parent-name\":\"Siân\"}",
                MORNING.plusSeconds(seconds), false, "f" + reference, null);
    }

    private static void rawObjection(Jdbi jdbi, String reference) {
        jdbi.useHandle(handle -> handle.execute("INSERT INTO submission (school, seq, reference, form_id, form_kind,"
                + " form_version, lang, fields_json, received_at, content_hash, prev_hash, hash) VALUES ('school-z', 1, ?,"
                + " 'photo-objection', 'objection', 'v1', 'en', '{}', '2026-09-01T08:30:00Z', 'c', 'p', 'h')", reference));
    }

    private static void assertAllVerify(Jdbi jdbi, int schools) {
        List<ChainVerifier.SchoolResult> results = new ChainVerifier(jdbi).verifyAll();
        assertTrue(results.stream().allMatch(result -> result.problem().isEmpty()), results.toString());
        assertEquals(schools, results.stream().filter(result -> result.chain().equals(RecordChains.CONSENT_EVENT.name())
                && result.records() > 0).count(), results.toString());
    }

    /** The triggers V1 and V22 made still refuse deletes and changes on both tables. */
    private static void assertAppendOnly(Jdbi jdbi) {
        List<String> refused = List.of(
                "DELETE FROM submission WHERE reference = 'REFOBJ01'",
                "UPDATE submission SET form_kind = 'consent' WHERE reference = 'REFOBJ01'",
                "UPDATE submission SET hash = 'x' WHERE reference = 'REFCA0001'",
                "DELETE FROM consent_event WHERE answer = 'objects'",
                "UPDATE consent_event SET answer = 'no-objection' WHERE answer = 'objects'");
        for (String statement : refused) {
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(statement)), statement);
        }
        assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                "UPDATE consent_event SET answer = 'maybe' WHERE answer = 'objects'")), "the CHECK still limits answers");
    }

    private static List<Map<String, Object>> rows(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String table : List.of("submission", "consent_event", "submission_name_key")) {
                rows.addAll(handle.createQuery("SELECT * FROM " + table + " ORDER BY 1").mapToMap().list());
            }
            return rows.stream().map(row -> {
                Map<String, Object> normal = new TreeMap<>();
                row.forEach((column, value) -> normal.put(column, value instanceof Number number ? number.longValue()
                        : value));
                return (Map<String, Object>) normal;
            }).toList();
        });
    }

    /** Every table, index and trigger with its definition (and, on PostgreSQL, every constraint and column). */
    private static Map<String, String> schema(TestDatabases.Kind kind, Jdbi jdbi) {
        String query = kind == TestDatabases.Kind.SQLITE
                ? "SELECT type || ' ' || name, COALESCE(sql, '') FROM sqlite_master WHERE name <> 'sqlite_sequence'"
                : "SELECT 'constraint ' || conrelid::regclass || ' ' || conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE connamespace = current_schema()::regnamespace"
                + " UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname, pg_get_triggerdef(oid)"
                + " FROM pg_trigger WHERE NOT tgisinternal"
                + " UNION ALL SELECT 'index ' || indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " UNION ALL SELECT 'column ' || table_name || '.' || column_name, data_type || ' ' || is_nullable"
                + " || ' ' || COALESCE(column_default, '') FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name <> 'flyway_schema_history'";
        return jdbi.withHandle(handle -> {
            Map<String, String> schema = new TreeMap<>();
            handle.createQuery(query).map((row, context) -> schema.put(row.getString(1), row.getString(2))).list();
            return schema;
        });
    }

    /** The schema before, with only the two CHECK lists widened. */
    private static Map<String, String> expectedAfter(TestDatabases.Kind kind, Map<String, String> before) {
        Map<String, String> expected = new TreeMap<>(before);
        if (kind == TestDatabases.Kind.SQLITE) {
            widen(expected, "table submission", "'withdrawal'))", "'withdrawal', 'objection'))");
            widen(expected, "table consent_event", "'withdrawn'))", "'withdrawn', 'objects', 'no-objection'))");
        } else {
            widen(expected, "constraint submission submission_form_kind_check", "'withdrawal'::text]",
                    "'withdrawal'::text, 'objection'::text]");
            widen(expected, "constraint consent_event consent_event_answer_check", "'withdrawn'::text]",
                    "'withdrawn'::text, 'objects'::text, 'no-objection'::text]");
        }
        return expected;
    }

    private static void widen(Map<String, String> schema, String key, String from, String to) {
        String definition = schema.get(key);
        assertTrue(definition != null && definition.contains(from), key + ": " + definition);
        schema.put(key, definition.replace(from, to));
    }
}
