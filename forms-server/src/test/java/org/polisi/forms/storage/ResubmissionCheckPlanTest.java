package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.storage.LedgerTests.withLedger;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;

/**
 * The resubmission check reads only the rows with the fingerprints it looks for, whatever the
 * table's statistics (docs/adr/0076-resubmission-check-by-fingerprint.md). Before, PostgreSQL's
 * planner, until autovacuum first analysed the table, read every submission of the form in the
 * window and filtered them: thousands of rows per batch, more with each one stored. The plans are
 * read with {@code EXPLAIN ANALYZE} on a real cluster: no row may be read and thrown away, and no
 * table scanned whole, with the planner's own choice, a generic plan, and after {@code ANALYZE}.
 */
class ResubmissionCheckPlanTest {

    private static final int STORED = 3_000;
    private static final String SCHOOL = "testschool";
    private static final String FORM = "photo-consent";
    private static final Instant RECEIVED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant SINCE = RECEIVED.minusSeconds(600);
    private static final Pattern REMOVED = Pattern.compile("Rows Removed by Filter: (\\d+)");

    /** Submissions {@code from} to {@code to} of one school's form in the window, each with its own fingerprint, as rows (no chain needed for a plan). */
    private static void store(Handle handle, int from, int to) {
        handle.execute("""
                INSERT INTO submission (school, seq, reference, form_id, form_kind, form_version, lang, fields_json,
                                        received_at, content_hash, prev_hash, hash, fingerprint)
                SELECT ?, g, 'R' || g, ?, 'consent', 'v1', 'en', '{}', ?, 'c', 'p', 'h', 'f-' || g
                FROM generate_series(?, ?) AS g
                """, SCHOOL, FORM, Times.format(RECEIVED), from, to);
    }

    private static String[] fingerprints(int count) {
        return IntStream.rangeClosed(1, count).map(i -> i * (STORED / count)).mapToObj(i -> "f-" + i).toArray(String[]::new);
    }

    /**
     * The plan PostgreSQL ran for the query (its {@code ?}s numbered) with these SQL literals, as
     * EXPLAIN ANALYZE's lines. Prepared by name, as pgjdbc prepares a statement used often, so that
     * {@code plan_cache_mode} decides between a plan for these values and a generic one.
     */
    private static String plan(Handle handle, String sql, String types, String... literals) {
        prepare(handle, sql, types);
        return explain(handle, literals);
    }

    private static void prepare(Handle handle, String sql, String types) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        run(handle, "DEALLOCATE ALL");
        run(handle, "PREPARE resubmission_check(" + types + ") AS " + numbered);
    }

    private static String explain(Handle handle, String... literals) {
        StringBuilder lines = new StringBuilder();
        try (Statement statement = handle.getConnection().createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) EXECUTE resubmission_check("
                     + String.join(", ", literals) + ")")) {
            while (rows.next()) {
                lines.append(rows.getString(1)).append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines.toString();
    }

    private static void run(Handle handle, String sql) {
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String text(String value) {
        return "'" + value + "'";
    }

    private static String array(String... values) {
        return "ARRAY[" + String.join(", ", Arrays.stream(values).map(ResubmissionCheckPlanTest::text).toList()) + "]::text[]";
    }

    private static int rowsThrownAway(String plan) {
        Matcher removed = REMOVED.matcher(plan);
        int total = 0;
        while (removed.find()) {
            total += Integer.parseInt(removed.group(1));
        }
        return total;
    }

    private static void assertReadsOnlyItsRows(String plan) {
        assertEquals(0, rowsThrownAway(plan), plan);
        assertFalse(plan.contains("Seq Scan on submission"), plan);
    }

    private static void assertBothChecksReadOnlyTheirRows(Handle handle) {
        for (int count : List.of(1, 14, 64)) {
            String batch = plan(handle, BatchOpening.RECENT_DUPLICATES, "text[], text[], text[], text",
                    array(fingerprints(count)), array(SCHOOL), array(FORM), text(Times.format(SINCE)));
            assertReadsOnlyItsRows(batch);
            assertTrue(batch.contains("rows=" + count + " "), "every copy found: " + batch);
        }
        String one = plan(handle, SubmissionLedger.RECENT_DUPLICATE_POSTGRESQL, "text, text, text, text",
                text("f-1500"), text(SCHOOL), text(FORM), text(Times.format(SINCE)));
        assertReadsOnlyItsRows(one);
        assertTrue(one.startsWith("Limit (actual") && one.lines().findFirst().orElseThrow().contains("rows=1 "), one);
    }

    @Test
    void theChecksReadOnlyTheRowsWithTheirFingerprintsBeforeTheTableIsAnalysedAndAfter(@TempDir Path folder) {
        withLedger(TestDatabases.Kind.POSTGRESQL, folder, (database, ledger) -> {
            database.jdbi().useHandle(handle -> {
                store(handle, 1, STORED);
                // not analysed yet: the planner guesses, as it did in the benchmark's first minute
                assertEquals(0L, handle.createQuery("SELECT coalesce(analyze_count + autoanalyze_count, 0) "
                        + "FROM pg_stat_user_tables WHERE relname = 'submission'").mapTo(Long.class).one());
                assertBothChecksReadOnlyTheirRows(handle);
                handle.execute("SET plan_cache_mode = force_generic_plan");
                assertBothChecksReadOnlyTheirRows(handle);
                handle.execute("RESET plan_cache_mode");
                handle.execute("ANALYZE submission");
                assertBothChecksReadOnlyTheirRows(handle);
            });
        });
    }

    /**
     * A batch's check made while the table is small and then run many times, as the writer runs it,
     * is planned afresh on the writer's connection once the table has grown: PostgreSQL's cached
     * generic plan, made for a few rows, scanned the whole table once per fingerprint (the
     * benchmark's first minute). On a connection left to choose, the same steps keep that plan:
     * checked too, so this test shows the difference it relies on.
     */
    @Test
    void theWritersConnectionDoesNotKeepAPlanMadeWhileTheTableWasSmall(@TempDir Path folder) {
        withLedger(TestDatabases.Kind.POSTGRESQL, folder, (database, ledger) -> database.jdbi().useHandle(handle -> {
            String since = text(Times.format(SINCE));
            store(handle, 1, 5);
            run(handle, "ANALYZE submission");
            String planLeftToChoose;
            String planOnTheWritersConnection;
            prepare(handle, BatchOpening.RECENT_DUPLICATES, "text[], text[], text[], text");
            for (int i = 0; i < 10; i++) {
                explain(handle, array("f-1", "f-2", "f-3"), array(SCHOOL), array(FORM), since);
            }
            store(handle, 6, STORED);
            planLeftToChoose = explain(handle, array(fingerprints(14)), array(SCHOOL), array(FORM), since);
            try (WriteTransaction writer = WriteTransaction.forWriter(handle)) {
                planOnTheWritersConnection = explain(handle, array(fingerprints(14)), array(SCHOOL), array(FORM), since);
            }
            assertTrue(rowsThrownAway(planLeftToChoose) > 0, "the premise: a kept generic plan scans: " + planLeftToChoose);
            assertReadsOnlyItsRows(planOnTheWritersConnection);
            assertTrue(planOnTheWritersConnection.contains("rows=14 "), planOnTheWritersConnection);
        }));
    }

    /**
     * The school, form and window are now checked after the fingerprint is found: a copy is found
     * only in its own school and form, and inside the window (the fingerprint of
     * another school's or form's answers differs in practice; here it is made equal to probe the check).
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aCopyIsFoundOnlyInItsSchoolAndFormInsideTheWindowAndNotErased(TestDatabases.Kind kind, @TempDir Path folder) {
        withLedger(kind, folder, (database, ledger) -> {
            for (String[] row : List.of(new String[] {"otherschool", FORM, "OTHER234"}, new String[] {SCHOOL, "other-form", "FORM2345"})) {
                ledger.inWriteTransaction(transaction -> ledger.append(transaction, new NewSubmission(row[0], row[2], row[1],
                        "consent", "v1", "en", "{\"pupil\":\"Siân\"}", RECEIVED, false, "same", null)));
            }
            LedgerWork<Optional<SubmissionRow>> check = transaction ->
                    ledger.recentDuplicate(transaction, SCHOOL, FORM, "same", SINCE);
            assertTrue(ledger.inWriteTransaction(check).isEmpty(), "another school's or form's row is no copy");

            SubmissionRow old = ledger.inWriteTransaction(transaction -> ledger.append(transaction, new NewSubmission(SCHOOL,
                    "OLDER234", FORM, "consent", "v1", "en", "{\"pupil\":\"Siân\"}", SINCE.minusSeconds(1), false, "same", null)));
            assertTrue(ledger.inWriteTransaction(check).isEmpty(), "a copy before the window is none: " + old.reference());

            SubmissionRow copy = ledger.inWriteTransaction(transaction -> ledger.append(transaction, new NewSubmission(SCHOOL,
                    "COPY2345", FORM, "consent", "v1", "en", "{\"pupil\":\"Siân\"}", RECEIVED, false, "same", null)));
            assertEquals(copy.reference(), ledger.inWriteTransaction(check).orElseThrow().reference());
        });
    }
}
