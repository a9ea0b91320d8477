package org.polisi.forms.storage;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
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
 * <p>Each row is hashed in two steps, the same construction as the submissions' chain (ADR 13)
 * split so that the ledger's single writer thread does as little as it can:
 * <ul>
 *   <li>{@code row digest = SHA-256(canonical JSON of the columns as stored text + "\n" + content_hash)},
 *       which a request thread can compute before the write ({@link #prepare});</li>
 *   <li>{@code hash = SHA-256(prev_hash + "\n" + canonical JSON of [chain, school, seq, the link
 *       columns…] + "\n" + row digest)}, in the write, where the link columns (ids of rows made in
 *       the same write) and the previous hash are known.</li>
 * </ul>
 * A chain may have one erasable column (a person's name that erasure clears): it is hashed on its
 * own with a random salt of its own ({@code content_hash = SHA-256(salt + "\n" + value)}), so the
 * chain verifies after erasure and the hash left behind cannot confirm a guessed name.
 */
public final class RecordChain {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;
    private static final String HEAD = "SELECT last_seq, last_hash FROM record_chain_head WHERE chain = ? AND school = ?";
    /*
     * An upsert, whether or not the head row exists yet: in the writer's batched pass only the last
     * move of a batch is written (WriteTransaction#moveHead), and the first move may have been made
     * before the row existed.
     */
    private static final String MOVE_HEAD = """
            INSERT INTO record_chain_head (chain, school, last_seq, last_hash) VALUES (?, ?, ?, ?)
            ON CONFLICT (chain, school) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash
            """;

    private final String name;
    private final String table;
    private final List<String> linkColumns;
    private final List<String> columns;
    private final String erasable;
    private final String timeColumn;
    private final String erasureLogged;
    private final String insertSql;

    /**
     * A chain definition.
     *
     * @param name          the chain's name in verify's output and in checkpoints ({@code consent-event})
     * @param table         the table
     * @param linkColumns   columns known only in the write (ids of rows made by it), covered by the link
     * @param columns       the other columns the row digest covers besides {@code school}, in a fixed order
     * @param erasable      the one column erasure may clear, or null
     * @param timeColumn    when the row was made (ISO-8601 text, as {@link Times} stores it)
     * @param erasureLogged an SQL condition on the row ({@code t}) that holds when a cleared erasable
     *                      column was cleared by a recorded erasure; {@code 1} when there is none
     */
    public RecordChain(String name, String table, List<String> linkColumns, List<String> columns, String erasable,
                       String timeColumn, String erasureLogged) {
        this.name = name;
        this.table = table;
        this.linkColumns = List.copyOf(linkColumns);
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

    /** Every column a row's hash covers besides {@code school}: the link columns, then the others. */
    public List<String> allColumns() {
        List<String> all = new ArrayList<>(linkColumns);
        all.addAll(columns);
        return all;
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

    /** A row's values and hashes, all but its link: made before the write, on any thread. */
    public final class Row {
        private final Object[] values;
        private final String salt;
        private final String contentHash;
        private final String digest;

        private Row(Object[] values, String salt, String contentHash, String digest) {
            this.values = values;
            this.salt = salt;
            this.contentHash = contentHash;
            this.digest = digest;
        }
    }

    /**
     * Prepares a row: the values of the non-link columns in order, then (for a chain with an
     * erasable column) that column's value. Hashes what it can so the write does not have to.
     */
    public Row prepare(Object... values) {
        return prepareAll(List.<Object[]>of(values)).get(0);
    }

    /**
     * Prepares several rows at once ({@link #prepare} for each), drawing all their salts in one
     * call to the random source: a consent form makes a row per pupil and statement, and each
     * separate draw from the system's generator costs a lock and a read of its own. Each row still
     * gets 16 random bytes of its own.
     *
     * @param rows each row's values, as {@link #prepare} takes them
     * @return the prepared rows, in the same order
     */
    public List<Row> prepareAll(List<Object[]> rows) {
        int expected = columns.size() + (erasable == null ? 0 : 1);
        byte[] salts = new byte[erasable == null ? 0 : SALT_BYTES * rows.size()];
        if (salts.length > 0) {
            RANDOM.nextBytes(salts);
        }
        List<Row> prepared = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Object[] values = rows.get(r);
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
                salt = HexFormat.of().formatHex(salts, r * SALT_BYTES, (r + 1) * SALT_BYTES);
                contentHash = ChainHasher.contentHash(salt, stored(values[columns.size()]));
            }
            // instants bound as the text already made for the digest: the one writer thread formats nothing
            Object[] bound = values.clone();
            for (int i = 0; i < bound.length; i++) {
                if (bound[i] instanceof Instant) {
                    bound[i] = i < texts.size() ? texts.get(i) : stored(bound[i]);
                }
            }
            prepared.add(new Row(bound, salt, contentHash, rowDigest(texts, contentHash)));
        }
        return prepared;
    }

    /**
     * The row digest from the non-link columns as stored text and the content hash (null when none).
     * The JSON is {@code CanonicalJson.write(columnTexts)}, built by hand with Jackson's own string
     * escaping (as {@link #link} is): an ObjectMapper per row cost more than the hash (issue 23's
     * intake profile, docs/benchmarks.md).
     */
    public String rowDigest(List<String> columnTexts, String contentHash) {
        StringBuilder text = new StringBuilder(160);
        text.append('[');
        for (int i = 0; i < columnTexts.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String value = columnTexts.get(i);
            if (value == null) {
                text.append("null");
            } else {
                quoted(text, value);
            }
        }
        text.append("]\n");
        if (contentHash != null) {
            text.append(contentHash);
        }
        return ChainHasher.sha256(text.toString());
    }

    /**
     * The link hash of one row.
     *
     * @param values every column as stored text, link columns first ({@link #allColumns()} order)
     */
    public String linkHash(String prevHash, String school, long seq, List<String> values, String contentHash) {
        return link(prevHash, school, seq, values.subList(0, linkColumns.size()),
                rowDigest(values.subList(linkColumns.size(), values.size()), contentHash));
    }

    /**
     * The link: the same text as {@code CanonicalJson.write([name, school, seq, link texts…])}, built
     * by hand with Jackson's own string escaping, since the writer runs this once per row.
     */
    private String link(String prevHash, String school, long seq, List<String> linkTexts, String digest) {
        StringBuilder text = new StringBuilder(prevHash.length() + digest.length() + 96);
        text.append(prevHash).append("\n[");
        quoted(text, name).append(',');
        quoted(text, school).append(',').append(seq);
        for (String value : linkTexts) {
            text.append(',');
            if (value == null) {
                text.append("null");
            } else {
                quoted(text, value);
            }
        }
        return ChainHasher.sha256(text.append("]\n").append(digest).toString());
    }

    private static StringBuilder quoted(StringBuilder text, String value) {
        text.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, text);
        return text.append('"');
    }

    /** The value as the table stores it, as text: what the hashes cover. */
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
            transaction.lockChain(name, school);
            Optional<Object[]> head = transaction.movedHead(name, school)
                    .map(moved -> new Object[] {moved.lastSeq(), moved.lastHash()})
                    .or(() -> transaction.lookUp(transaction.forUpdate(HEAD),
                            row -> new Object[] {row.getLong(1), row.getString(2)}, name, school));
            this.seq = head.map(found -> (Long) found[0]).orElse(0L);
            this.lastHash = head.map(found -> (String) found[1]).orElse(ChainHasher.GENESIS);
            this.firstSeq = seq;
        }

        /** Appends one row: the link columns' values in order, then every other value ({@link #prepare} order). */
        public void append(Object... values) {
            Object[] rest = new Object[values.length - linkColumns.size()];
            System.arraycopy(values, linkColumns.size(), rest, 0, rest.length);
            Object[] link = new Object[linkColumns.size()];
            System.arraycopy(values, 0, link, 0, link.length);
            append(prepare(rest), link);
        }

        /** Appends a prepared row with its link columns' values. */
        public void append(Row row, Object... linkValues) {
            if (linkValues.length != linkColumns.size()) {
                throw new IllegalArgumentException(name + " links take " + linkColumns.size() + " values");
            }
            List<String> linkTexts = new ArrayList<>(linkValues.length);
            for (Object value : linkValues) {
                linkTexts.add(stored(value));
            }
            seq++;
            String hash = link(lastHash, school, seq, linkTexts, row.digest);
            Object[] parameters = new Object[1 + linkValues.length + row.values.length + (erasable == null ? 3 : 5)];
            parameters[0] = school;
            System.arraycopy(linkValues, 0, parameters, 1, linkValues.length);
            System.arraycopy(row.values, 0, parameters, 1 + linkValues.length, row.values.length);
            int at = 1 + linkValues.length + row.values.length;
            if (erasable != null) {
                parameters[at++] = row.salt;
                parameters[at++] = row.contentHash;
            }
            parameters[at++] = seq;
            parameters[at++] = lastHash;
            parameters[at] = hash;
            transaction.insert(insertSql, parameters);
            lastHash = hash;
        }

        /** Moves the school's chain head to the last row appended (nothing when none was). */
        @Override
        public void close() {
            if (seq == firstSeq) {
                return;
            }
            transaction.moveHead(name, new ChainHead(school, seq, lastHash), MOVE_HEAD, name, school, seq, lastHash);
        }
    }

    /** The INSERT of one row with its link; the same text every time, so it is prepared once. */
    private String insertSql() {
        List<String> names = new ArrayList<>();
        names.add("school");
        names.addAll(linkColumns);
        names.addAll(columns);
        if (erasable != null) {
            names.addAll(List.of(erasable, "salt", "content_hash"));
        }
        names.addAll(List.of("seq", "prev_hash", "hash"));
        StringJoiner marks = new StringJoiner(", ");
        names.forEach(column -> marks.add("?"));
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + marks + ")";
    }
}
