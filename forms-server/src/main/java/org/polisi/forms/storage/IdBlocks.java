package org.polisi.forms.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ids drawn before their rows are inserted (docs/adr/0065-batched-writes.md), so that an insert can
 * wait in a batch and the rows made with it can name it without reading it back. PostgreSQL: drawn
 * from the column's own sequence ({@code nextval}), a block at a time, one block per table and
 * school, drawn under the school's chain lock so that one school's ids grow with its chain. SQLite:
 * one more than the largest id the table has held ({@code sqlite_sequence}, as AUTOINCREMENT
 * counts) or holds, read once per transaction; the writer's immediate transaction holds the whole
 * database, so no other writer can take it.
 */
final class IdBlocks {

    static final String DRAW_POSTGRESQL = "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)";
    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    /** PostgreSQL: ids drawn and not used yet, per table and school. */
    private final Map<String, Deque<Long>> blocks = new HashMap<>();
    /** SQLite: the last id given per table in this transaction. */
    private final Map<String, Long> lastIds = new HashMap<>();

    /** Draws {@code count} ids of a table's sequence (PostgreSQL), in the order the sequence gives them. */
    interface Draw {
        List<Long> draw(String table, int count);
    }

    /** Reads the largest id a table has held or holds (SQLite). */
    interface Largest {
        long largest(String table);
    }

    /**
     * The next id for a row of the table.
     *
     * @param blockSize how many ids to draw when the school's block is empty (PostgreSQL)
     * @throws IllegalArgumentException when {@code table} is not a plain table name
     */
    long next(Dialect dialect, String table, String school, int blockSize, Draw draw, Largest largest) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        if (dialect.postgresql()) {
            Deque<Long> block = blocks.computeIfAbsent(table + "/" + school, key -> new ArrayDeque<>());
            if (block.isEmpty()) {
                block.addAll(draw.draw(table, Math.max(1, blockSize)));
            }
            return block.removeFirst();
        }
        long last = lastIds.computeIfAbsent(table, largest::largest);
        lastIds.put(table, last + 1);
        return last + 1;
    }

    /** Ids drawn already for the school's rows (PostgreSQL: {@link BatchOpening} draws the batch's at once). */
    void add(String table, String school, long id) {
        blocks.computeIfAbsent(table + "/" + school, key -> new ArrayDeque<>()).add(id);
    }

    void clear() {
        blocks.clear();
        lastIds.clear();
    }
}
