package org.polisi.forms.storage;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One kind of record kept as a hash chain per school: a table whose rows carry {@code seq},
 * {@code prev_hash} and {@code hash}, with the newest link of each school in
 * {@code record_chain_head}. The definitions are in {@link RecordChains}; how a table joins is in
 * that class and in docs/adr/0024-record-chains.md.
 *
 * <p>A row's link is {@code hash = SHA-256(prev_hash + "\n" + canonical JSON of [chain, school,
 * seq, the columns as stored text…] + "\n" + content_hash)}, the same construction as the
 * submissions' chain (ADR 0013). A chain may have one erasable column (a person's name that
 * erasure clears): it is hashed on its own with a random per-row salt ({@code content_hash =
 * SHA-256(salt + "\n" + value)}), so the hash left after erasure cannot confirm a guessed name.
 */
public final class RecordChain {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HEAD = "SELECT last_seq, last_hash FROM record_chain_head WHERE chain = ? AND school = ?";
    private static final String MOVE_HEAD = """
            INSERT INTO record_chain_head (chain, school, last_seq, last_hash) VALUES (?, ?, ?, ?)
            ON CONFLICT (chain, school) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash
            """;

    private final String name;
    private final String table;
    private final List<String> columns;
    private final String erasable;
    private final String timeColumn;
    private final String erasureLogged;
    private final String insertSql;

    /**
     * A chain definition.
     * @param name         the chain's name in verify's output and in checkpoints ({@code consent-event})
     * @param table        the table
     * @param columns      the columns the link covers besides {@code school}, in a fixed order
     * @param erasable     the one column erasure may clear, or null
     * @param timeColumn   when the row was made (ISO-8601 text, as {@link Times} stores it)
     * @param erasureLogged an SQL condition on the row ({@code t}) that holds when a cleared erasable
     *                     column was cleared by a recorded erasure; {@code 1} when there is none
     */
    public RecordChain(String name, String table, List<String> columns, String erasable, String timeColumn,
                       String erasureLogged) {
        this.name = name;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.erasable = erasable;
        this.timeColumn = timeColumn;
        this.erasureLogged = erasureLogged;
        this.insertSql = insertSql();
    }

    public String name() {
        return name;
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    /** The erasable column, or null. */
    public String erasable() {
        return erasable;
    }

    public String timeColumn() {
        return timeColumn;
    }

    public String erasureLogged() {
        return erasureLogged;
    }

    /** The link hash of one row, from its values as stored text (null for SQL NULL). */
    public String linkHash(String prevHash, String school, long seq, List<String> values, String contentHash) {
        List<Object> metadata = new ArrayList<>(values.size() + 3);
        metadata.add(name);
        metadata.add(school);
        metadata.add(seq);
        metadata.addAll(values);
        return ChainHasher.sha256(prevHash + "\n" + CanonicalJson.write(metadata) + "\n"
                + (contentHash == null ? "" : contentHash));
    }

    /** The value as the table stores it, as text: what the link covers. */
    static String stored(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return Times.format(instant);
        }
        if (value instanceof Boolean flag) {
            return flag ? "1" : "0";
        }
        return value.toString();
    }

    /**
     * Starts appending rows of one school inside an open write transaction (the ledger writer's, or
     * {@link WriteTransaction#over} a Jdbi handle in a transaction). Close it after the last row:
     * that moves the school's chain head, once for all the rows.
     */
    public Appender appender(WriteTransaction transaction, String school) {
        return new Appender(transaction, school);
    }

    /** The rows of one school and chain being appended; see {@link #appender}. */
    public final class Appender implements AutoCloseable {
        private final WriteTransaction transaction;
        private final String school;
        private final long firstSeq;
        private long seq;
        private String lastHash;

        private Appender(WriteTransaction transaction, String school) {
            this.transaction = transaction;
            this.school = school;
            Optional<Object[]> head = transaction.first(HEAD,
                    row -> new Object[] {row.getLong(1), row.getString(2)}, name, school);
            this.seq = head.map(found -> (Long) found[0]).orElse(0L);
            this.lastHash = head.map(found -> (String) found[1]).orElse(ChainHasher.GENESIS);
            this.firstSeq = seq;
        }

        /**
         * Appends one row: the values of {@link #columns()} in order, then (for a chain with an
         * erasable column) that column's value. Returns the new row's id.
         */
        public long append(Object... values) {
            int expected = columns.size() + (erasable == null ? 0 : 1);
            if (values.length != expected) {
                throw new IllegalArgumentException(name + " rows take " + expected + " values, not " + values.length);
            }
            List<String> texts = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                texts.add(stored(values[i]));
            }
            String salt = null;
            String contentHash = null;
            if (erasable != null) {
                byte[] saltBytes = new byte[16];
                RANDOM.nextBytes(saltBytes);
                salt = HexFormat.of().formatHex(saltBytes);
                contentHash = ChainHasher.contentHash(salt, stored(values[columns.size()]));
            }
            seq++;
            String hash = linkHash(lastHash, school, seq, texts, contentHash);
            Object[] parameters = new Object[values.length + (erasable == null ? 4 : 6)];
            parameters[0] = school;
            System.arraycopy(values, 0, parameters, 1, values.length);
            int at = 1 + values.length;
            if (erasable != null) {
                parameters[at++] = salt;
                parameters[at++] = contentHash;
            }
            parameters[at++] = seq;
            parameters[at++] = lastHash;
            parameters[at] = hash;
            long id = transaction.first(insertSql, inserted -> inserted.getLong(1), parameters).orElseThrow();
            lastHash = hash;
            return id;
        }

        /** Moves the school's chain head to the last row appended (nothing when none was). */
        @Override
        public void close() {
            if (seq != firstSeq) {
                transaction.update(MOVE_HEAD, name, school, seq, lastHash);
            }
        }
    }

    /** The INSERT of one row with its link; the same text every time, so it is prepared once. */
    private String insertSql() {
        List<String> names = new ArrayList<>();
        names.add("school");
        names.addAll(columns);
        if (erasable != null) {
            names.addAll(List.of(erasable, "salt", "content_hash"));
        }
        names.addAll(List.of("seq", "prev_hash", "hash"));
        StringJoiner marks = new StringJoiner(", ");
        names.forEach(column -> marks.add("?"));
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + marks + ") RETURNING id";
    }
}
