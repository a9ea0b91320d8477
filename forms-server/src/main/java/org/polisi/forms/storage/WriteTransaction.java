package org.polisi.forms.storage;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConnection;

/**
 * The ledger writer's open transaction, as one write sees it. There is one for the writer's life,
 * so a statement is prepared once on its connection and reused by every later write. {@link #handle()} gives Jdbi for
 * writes off the hot path (erasure, purge, withdrawals); {@link #update} and {@link #first} run
 * the statements every submission needs on statements prepared once on the writer's connection.
 *
 * <p>Why not Jdbi there: each Jdbi statement copies Jdbi's configuration and looks up its mappers,
 * and a submission runs a dozen statements on the one thread every write goes through. Profiled at
 * about 0.8 ms of that thread per submission, the set-up, not SQLite, capped intake near 1,100/s
 * (docs/benchmarks.md). Parameters are always bound, never spliced into the SQL.
 *
 * <p><b>Batched writes</b> (docs/adr/0065-batched-writes.md). In the writer's first pass over a
 * batch ({@link #beginBatch}) the inserts of the hot path ({@link #insert}) and the chain-head
 * writes ({@link #moveHead}) are not sent one by one: they wait in memory and are sent together
 * ({@link #flush}) as one JDBC batch per statement, before the commit or before any statement that
 * must see them ({@link #update}, {@link #first}, {@link #handle()}). On PostgreSQL, where each
 * statement sent alone is a round trip, a commit then costs a handful of round trips instead of
 * about ten per submission; on SQLite the same code runs in-process. Look-ups that do not depend on
 * the waiting writes ({@link #lookUp}: chain heads, resubmission checks, whose callers also look
 * at the rows they queued themselves) are sent without flushing them.
 */
public final class WriteTransaction implements AutoCloseable {

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Handle handle;
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private boolean ownsKeySetting;
    /** The chains locked in the open transaction (PostgreSQL), so each is locked once per transaction, not per write. */
    private final Set<String> lockedChains = new HashSet<>();
    /** Chain heads this transaction has moved itself, so the next append to the chain need not read them back. */
    private final Map<String, ChainHead> movedHeads = new HashMap<>();
    private Dialect dialect;
    /** In the writer's batched pass: inserts and head writes wait in memory until {@link #flush}. */
    private boolean batching;
    /** Inserts waiting, in the order they were made. */
    private final List<Waiting> waiting = new ArrayList<>();
    /** The newest head write of each chain and school, waiting: only the last one is sent. */
    private final Map<String, Waiting> waitingHeads = new LinkedHashMap<>();
    /** Submissions appended and still waiting, for the look-ups that must see them ({@link SubmissionLedger}). */
    private final List<SubmissionRow> waitingSubmissions = new ArrayList<>();
    /** Statements sent at once (not queued, not a look-up) in this transaction: what a {@link Mark} cannot undo. */
    private int sentAtOnce;
    /** Statements the database refused in this transaction: on PostgreSQL the transaction is then aborted. */
    private int refused;
    /** How many writes of the batch, this one included, have not run yet: the size of an id block. */
    private int writesLeft = 1;
    /** PostgreSQL: ids drawn from a table's sequence and not used yet, per table and school. */
    private final Map<String, Deque<Long>> idBlocks = new HashMap<>();
    /** SQLite: the last id given per table in this transaction. */
    private final Map<String, Long> lastIds = new HashMap<>();
    /** Rows read ahead for the whole batch ({@link #readAhead}), by key, and what they cover. */
    private Map<List<String>, SubmissionRow> readAhead = Map.of();
    private Set<List<String>> readAheadKeys = Set.of();
    private Instant readAheadSince;

    /** A statement and its parameters, waiting to be sent. */
    private record Waiting(String sql, Object[] parameters) {
    }

    /**
     * Where a write began, in a batched pass: what it queued, moved or appended since can be undone
     * in memory ({@link #rollBackTo}) as long as it sent nothing at once ({@link #changedSince}).
     */
    record Mark(int waiting, Map<String, Waiting> waitingHeads, Map<String, ChainHead> movedHeads,
                int waitingSubmissions, int sentAtOnce, int refused) {
    }

    WriteTransaction(Handle handle) {
        this.handle = handle;
        this.connection = handle.getConnection();
    }

    /**
     * The ledger writer's transaction, on a connection it keeps for its life. The SQLite driver
     * follows every INSERT with a query of its own for the generated key (a statement prepared and
     * run afresh each time: about an eighth of the writer's time in the intake's profile,
     * docs/benchmarks.md); nothing the writer runs asks for one (the submission's id comes back
     * through {@code RETURNING}), so that query is switched off on this connection only, and back
     * on when it is returned ({@link #close}).
     */
    static WriteTransaction forWriter(Handle handle) {
        WriteTransaction transaction = new WriteTransaction(handle);
        transaction.generatedKeys(false);
        return transaction;
    }

    private void generatedKeys(boolean on) {
        try {
            if (connection.isWrapperFor(SQLiteConnection.class)) {
                connection.unwrap(SQLiteConnection.class).getConnectionConfig().setGetGeneratedKeys(on);
                ownsKeySetting = !on;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the ledger writer's connection", e);
        }
    }

    private WriteTransaction(Connection connection) {
        this.handle = null;
        this.connection = connection;
    }

    /**
     * A write transaction over a Jdbi handle already in a transaction, for writes outside the ledger's
     * writer (an incident view from a staff page, a staff account from the command line). Close it
     * before the handle; it prepares its statements afresh.
     */
    public static WriteTransaction over(Handle handle) {
        return new WriteTransaction(handle);
    }

    /** Over a bare connection in a transaction (a Flyway Java migration); {@link #handle()} is not available. */
    static WriteTransaction over(Connection connection) {
        return new WriteTransaction(connection);
    }

    /** Which database this transaction is on, for the few statements that differ (ADR 0049). */
    public Dialect dialect() {
        if (dialect == null) {
            dialect = Dialect.of(connection);
        }
        return dialect;
    }

    /**
     * Serialises the appends to one school's chain across every process sharing the database, until
     * this transaction ends. On SQLite a write transaction already holds the whole database (one
     * writer), so this does nothing. On PostgreSQL it takes a transaction-level advisory lock named
     * after the chain and school (PostgreSQL manual, "Advisory Locks"), which also covers a school
     * whose chain has no head row yet, where a row lock ({@code SELECT … FOR UPDATE}) has nothing to
     * lock; the head is then read {@code FOR UPDATE} as well ({@link #forUpdate}).
     */
    public void lockChain(String chain, String school) {
        // A transaction-level advisory lock is held to the end of the transaction (or of a savepoint
        // rolled back, see #rolledBackToSavepoint): asking again in the same transaction would be
        // one more round trip to the server for a lock already held.
        if (dialect().postgresql() && lockedChains.add(chain + "/" + school)) {
            lookUp("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> true, chain + "/" + school);
        }
    }

    /**
     * The head of a chain as this transaction itself last moved it ({@link #moveHead}), or empty when
     * it has not moved it yet and must read it from the table. Valid because the chain is locked to
     * the end of the transaction ({@link #lockChain}; on SQLite the writer's transaction holds the
     * whole database), so no other writer can move it in between.
     */
    public Optional<ChainHead> movedHead(String chain, String school) {
        return Optional.ofNullable(movedHeads.get(chain + "/" + school));
    }

    /**
     * Moves a chain's head: the next append to the chain in this transaction starts from it
     * ({@link #movedHead}), and the head row is written by {@code sql} (an upsert of the row, so that
     * only the last write of a batch need be sent): at once, or in a batched pass once per chain and
     * school at the next {@link #flush}.
     */
    public void moveHead(String chain, ChainHead head, String sql, Object... parameters) {
        String key = chain + "/" + head.school();
        movedHeads.put(key, head);
        if (batching) {
            waitingHeads.remove(key);   // re-inserted last: heads are written in the order last moved
            waitingHeads.put(key, new Waiting(sql, parameters.clone()));
        } else {
            update(sql, parameters);
        }
    }

    /**
     * A savepoint was rolled back: the heads it moved are undone, and so are the advisory locks it
     * took (PostgreSQL releases a lock taken in a subtransaction that aborts), so both are read and
     * taken afresh by the next append.
     */
    void rolledBackToSavepoint() {
        lockedChains.clear();
        movedHeads.clear();
    }

    /** The transaction has ended (committed or rolled back): its locks are gone, the heads must be read again, nothing waits. */
    void transactionEnded() {
        lockedChains.clear();
        movedHeads.clear();
        waiting.clear();
        waitingHeads.clear();
        waitingSubmissions.clear();
        idBlocks.clear();
        lastIds.clear();
        forgetReadAhead();
        batching = false;
        sentAtOnce = 0;
        refused = 0;
        writesLeft = 1;
    }

    /** Starts the writer's batched pass: from now to the end of the transaction, {@link #insert} and {@link #moveHead} wait for {@link #flush}. */
    void beginBatch() {
        batching = true;
    }

    /** Whether inserts and head writes wait for {@link #flush} (the writer's batched pass). */
    public boolean batching() {
        return batching;
    }

    /** How many writes of the batch, the one about to run included, are still to run: sizes the next id block. */
    void writesLeft(int count) {
        writesLeft = Math.max(1, count);
    }

    /** Where the write about to run begins (batched pass). */
    Mark mark() {
        return new Mark(waiting.size(), new LinkedHashMap<>(waitingHeads), new HashMap<>(movedHeads),
                waitingSubmissions.size(), sentAtOnce, refused);
    }

    /**
     * Whether a statement was sent at once since the mark (a change in the database that only a
     * rollback undoes), or the database refused one (PostgreSQL then refuses everything up to a
     * rollback).
     */
    boolean changedSince(Mark mark) {
        return sentAtOnce != mark.sentAtOnce() || refused != mark.refused();
    }

    /**
     * Undoes, in memory, what a write queued and moved since the mark (valid only when it sent
     * nothing at once, {@link #changedSince}). The locks it took stay held to the end of the
     * transaction, which is harmless; ids it drew stay unused (a gap, as a rollback leaves).
     */
    void rollBackTo(Mark mark) {
        if (changedSince(mark)) {
            throw new IllegalStateException("a write that changed the database cannot be undone in memory");
        }
        waiting.subList(mark.waiting(), waiting.size()).clear();
        waitingHeads.clear();
        waitingHeads.putAll(mark.waitingHeads());
        movedHeads.clear();
        movedHeads.putAll(mark.movedHeads());
        waitingSubmissions.subList(mark.waitingSubmissions(), waitingSubmissions.size()).clear();
    }

    /** Keeps a submission appended in a batched pass for the look-ups that must see it until it is sent. */
    void submissionWaiting(SubmissionRow row) {
        if (batching) {
            waitingSubmissions.add(row);
        }
    }

    /** The submissions appended in this batched pass and not yet sent, oldest first. */
    List<SubmissionRow> waitingSubmissions() {
        return waitingSubmissions;
    }

    /**
     * Keeps rows read for the whole batch before its writes run (the resubmission checks of a
     * batch, {@link SubmissionLedger}): for each key looked up, the newest row found since
     * {@code since}, if any. Valid while nothing is sent at once: the first {@link #flush} (any
     * {@link #update}, {@link #first}, {@link #handle()}) forgets them, and the look-ups then read
     * the table again.
     */
    void readAhead(Set<List<String>> keys, Map<List<String>, SubmissionRow> found, Instant since) {
        readAheadKeys = Set.copyOf(keys);
        readAhead = Map.copyOf(found);
        readAheadSince = since;
    }

    /**
     * What was read ahead for the key, if it was and covers rows since {@code since}: empty when
     * it was not read ahead (look it up), else the newest row found (none: an empty inner Optional).
     */
    Optional<Optional<SubmissionRow>> readAhead(List<String> key, Instant since) {
        if (!readAheadKeys.contains(key) || since.isBefore(readAheadSince)) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(readAhead.get(key)).filter(row -> !row.receivedAt().isBefore(since)));
    }

    private void forgetReadAhead() {
        readAhead = Map.of();
        readAheadKeys = Set.of();
        readAheadSince = null;
    }

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    /**
     * A new id for a row of the table (its {@code id} column), so that the row's insert can wait in a
     * batch and the rows made with it can name it without reading it back. PostgreSQL: drawn from the
     * column's own sequence ({@code nextval}), a block at a time, one block per table and school
     * (enough for the rest of the batch), drawn under the school's chain lock so that one school's
     * ids grow with its chain. SQLite: one more than the largest id the table has held
     * ({@code sqlite_sequence}, as AUTOINCREMENT counts) or holds, read once per transaction; the
     * writer's immediate transaction holds the whole database, so no other writer can take it.
     *
     * @param table a table with an integer {@code id} identity (PostgreSQL) or AUTOINCREMENT (SQLite) key
     * @param school the school whose chain lock the caller holds
     */
    public long nextId(String table, String school) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        if (dialect().postgresql()) {
            Deque<Long> block = idBlocks.computeIfAbsent(table + "/" + school, key -> new ArrayDeque<>());
            if (block.isEmpty()) {
                all("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)",
                        row -> row.getLong(1), table, writesLeft).forEach(block::add);
            }
            return block.removeFirst();
        }
        long last = lastIds.computeIfAbsent(table, name -> lookUp("SELECT max(coalesce((SELECT seq FROM sqlite_sequence"
                + " WHERE name = ?), 0), coalesce((SELECT max(id) FROM " + name + "), 0))", row -> row.getLong(1), name)
                .orElse(0L));
        lastIds.put(table, last + 1);
        return last + 1;
    }

    /** The head query as this database locks it: {@code … FOR UPDATE} on PostgreSQL, as it is on SQLite. */
    public String forUpdate(String headQuery) {
        return dialect().postgresql() ? headQuery + " FOR UPDATE" : headQuery;
    }

    /** Jdbi on the same connection and in the same transaction, with every waiting write sent first. */
    public Handle handle() {
        if (handle == null) {
            throw new IllegalStateException("this write transaction has no Jdbi handle");
        }
        sendingAtOnce();   // what Jdbi runs is out of sight: count it as a change
        return handle;
    }

    /** Runs an INSERT, UPDATE, DELETE or SAVEPOINT at once, after the waiting writes; returns the number of rows changed. */
    public int update(String sql, Object... parameters) {
        sendingAtOnce();
        try {
            PreparedStatement statement = bound(sql, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            refused++;
            throw new IllegalStateException("write failed: " + sql, e);
        }
    }

    /**
     * An INSERT whose result nobody reads in this transaction: in a batched pass it waits for
     * {@link #flush} (sent with the other inserts of the same SQL as one JDBC batch), else it runs at
     * once. The rows it makes are seen by {@link #update}, {@link #first} and {@link #handle()}
     * (which flush first), not by {@link #lookUp}.
     */
    public void insert(String sql, Object... parameters) {
        if (batching) {
            waiting.add(new Waiting(sql, parameters.clone()));
        } else {
            update(sql, parameters);
        }
    }

    /** Before a statement sent at once: the waiting writes go first, and what was read ahead may be changed by it. */
    private void sendingAtOnce() {
        flush();
        forgetReadAhead();
        sentAtOnce++;
    }

    /**
     * Sends every waiting insert, then every waiting head write: one JDBC batch per statement, in the
     * order each statement was first used (a row's insert before the inserts that name it), each
     * statement's rows in the order they were made. Nothing to send: nothing is sent.
     *
     * @throws IllegalStateException when the database refuses a row; the transaction must then be rolled back
     */
    public void flush() {
        if (waiting.isEmpty() && waitingHeads.isEmpty()) {
            return;
        }
        Map<String, List<Object[]>> bySql = new LinkedHashMap<>();
        for (Waiting write : waiting) {
            bySql.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.parameters());
        }
        for (Waiting write : waitingHeads.values()) {
            bySql.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.parameters());
        }
        waiting.clear();
        waitingHeads.clear();
        waitingSubmissions.clear();   // sent: the database's own look-ups find them now
        forgetReadAhead();            // and what was read ahead may be out of date from here on
        for (Map.Entry<String, List<Object[]>> statement : bySql.entrySet()) {
            try {
                PreparedStatement batch = null;
                for (Object[] parameters : statement.getValue()) {
                    batch = bound(statement.getKey(), parameters);
                    batch.addBatch();
                }
                batch.executeBatch();
            } catch (SQLException e) {
                refused++;
                // pgjdbc puts the server's reason in the next exception of a batch's failure
                SQLException reason = e instanceof BatchUpdateException && e.getNextException() != null
                        ? e.getNextException() : e;
                throw new IllegalStateException("batched write failed (" + statement.getValue().size() + " rows): "
                        + statement.getKey(), reason);
            }
        }
    }

    /** The first row of a query (or of an {@code INSERT … RETURNING}), read by the reader, after the waiting writes are sent. */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        sendingAtOnce();
        return lookUp(sql, reader, parameters);
    }

    /**
     * The first row of a query that does not need this transaction's waiting writes, without sending
     * them: a chain lock, a chain head this transaction has not moved, a look-up whose caller also
     * checks what it queued itself ({@link SubmissionLedger#recentDuplicate}). Reads only.
     */
    public <T> Optional<T> lookUp(String sql, RowReader<T> reader, Object... parameters) {
        try {
            PreparedStatement statement = bound(sql, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            refused++;
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Every row of a query that does not need the waiting writes (as {@link #lookUp}). */
    <T> List<T> all(String sql, RowReader<T> reader, Object... parameters) {
        try {
            PreparedStatement statement = bound(sql, parameters);
            List<T> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            refused++;
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Closes the prepared statements; the connection stays with the handle. */
    @Override
    public void close() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // closing a statement of a connection about to close: nothing is lost
            }
        }
        prepared.clear();
        if (ownsKeySetting) {
            generatedKeys(true);
        }
    }

    private PreparedStatement bound(String sql, Object[] parameters) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        statement.clearParameters();
        for (int i = 0; i < parameters.length; i++) {
            bind(statement, i + 1, parameters[i]);
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, int position, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(position, text);
        } else if (value instanceof Long number) {
            statement.setLong(position, number);
        } else if (value instanceof Integer number) {
            statement.setInt(position, number);
        } else if (value instanceof Boolean flag) {
            statement.setInt(position, flag ? 1 : 0);
        } else if (value instanceof Instant instant) {
            statement.setString(position, Times.format(instant));
        } else if (value instanceof String[] texts) {   // PostgreSQL: = ANY(?)
            statement.setArray(position, statement.getConnection().createArrayOf("text", texts));
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }
}
