package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rewriting of a one-row INSERT into multi-row statements (ADR 0071); storing them is in BatchOpeningTest. */
class MultiRowInsertTest {

    @Test
    void rowsBecomeOneStatementWithATuplePerRowAndTheUpsertClauseKept() {
        List<MultiRowInsert.Statement> statements = new MultiRowInsert("""
                INSERT INTO chain_head (school, last_seq, last_hash) VALUES (?, ?, ?)
                ON CONFLICT (school) DO UPDATE SET last_seq = excluded.last_seq
                """, List.of(new Object[] {"a", 1L, "h1"}, new Object[] {"b", 2L, null})).statements();

        assertEquals(1, statements.size());
        assertEquals("INSERT INTO chain_head (school, last_seq, last_hash) VALUES (?, ?, ?), (?, ?, ?)"
                + " ON CONFLICT (school) DO UPDATE SET last_seq = excluded.last_seq", statements.get(0).sql());
        assertArrayEquals(new Object[] {"a", 1L, "h1", "b", 2L, null}, statements.get(0).parameters());
    }

    @Test
    void rowsBeyondTheParameterLimitGoIntoFurtherStatementsInOrder() {
        int perStatement = MultiRowInsert.MAX_PARAMETERS / 3;
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < perStatement * 2L + 1; i++) {
            rows.add(new Object[] {i, "x", "y"});
        }
        List<MultiRowInsert.Statement> statements = new MultiRowInsert("INSERT INTO t (a, b, c) VALUES (?, ?, ?)", rows)
                .statements();

        assertEquals(List.of(perStatement * 3, perStatement * 3, 3),
                statements.stream().map(statement -> statement.parameters().length).toList());
        assertEquals(0L, statements.get(0).parameters()[0]);
        assertEquals((long) perStatement, statements.get(1).parameters()[0]);
        assertEquals(perStatement * 2L, statements.get(2).parameters()[0]);
        assertEquals("INSERT INTO t (a, b, c) VALUES (?, ?, ?)", statements.get(2).sql());
    }

    @Test
    void aStatementWithoutValuesIsRefusedRatherThanSentWrong() {
        assertThrows(IllegalArgumentException.class, () -> new MultiRowInsert("INSERT INTO t SELECT * FROM u",
                List.<Object[]>of(new Object[] {})).statements());
    }
}
