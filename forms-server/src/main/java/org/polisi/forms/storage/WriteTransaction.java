package org.polisi.forms.storage;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConnection;

/**
 * The ledger writer's open transaction, as one write sees it. There is one for the writer's life,
 * so a statement is prepared once on its connection and reused by every later write
 * ({@link PreparedStatements}). {@link #handle()} gives Jdbi for writes off the hot path (erasure,
 * purge, withdrawals); {@link #update}, {@link #insert}, {@link #first} and {@link #lookUp} run the
 * statements every submission needs.
 *
 * <p>What it remembers of the open transaction, each in a class of its own and all forgotten when
 * the transaction ends: the chains it has locked and the heads it knows ({@link ChainLocks}, ADR
 * 0058); in the writer's batched pass (ADR 0065), the inserts and head writes waiting to be sent
 * together ({@link WaitingWrites}), the ids drawn ahead ({@link IdBlocks}) and the rows read ahead
 * for the batch's resubmission checks ({@link ReadAheadRows}).
 *
 * <p><b>Batched writes</b> (docs/adr/0065-batched-writes.md, 0071-one-request-per-step.md). In the
 * writer's first pass over a batch ({@link #beginBatch}) inserts ({@link #insert}) and head writes
 * ({@link #moveHead}) wait and are sent together ({@link #flush}) before the commit or before any
 * statement that must see them ({@link #update}, {@link #first}, {@link #handle()}). On PostgreSQL
 * they go as one request, every table's rows as multi-row INSERTs, and the batch's locks, heads,
 * ids and resubmission checks are read in one request before its writes run ({@link BatchOpening}),
 * so a commit costs three round trips whatever its size; on SQLite the same code runs in-process.
 */
public final class WriteTransaction implements AutoCloseable {

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Where a write began, in a batched pass: what it queued, moved or appended since can be undone
     * in memory ({@link #rollBackTo}) as long as it sent nothing at once ({@link #changedSince}).
     */
    record Mark(WaitingWrites.Mark waiting, Map<String, ChainHead> heads, int sentAtOnce, int refused) {
    }

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";

    private final Handle handle;
    private final PreparedStatements statements;
    private boolean ownsKeySetting;
    /** Whether this transaction set the connection to plan each statement for each run ({@link #forWriter}). */
    private boolean ownsPlanSetting;
    private Dialect dialect;
    private final ChainLocks chains = new ChainLocks();
    private final WaitingWrites waiting = new WaitingWrites();
    private final IdBlocks ids = new IdBlocks();
    private final ReadAheadRows readAhead = new ReadAheadRows();
    /** In the writer's batched pass: inserts and head writes wait in memory until {@link #flush}. */
    private boolean batching;
    /** Statements sent at once (not queued, not a look-up) in this transaction: what a {@link Mark} cannot undo. */
    private int sentAtOnce;
    /** Statements the database refused in this transaction: on PostgreSQL the transaction is then aborted. */
    private int refused;
    /** How many writes of the batch, this one included, have not run yet: the size of an id block. */
    private int writesLeft = 1;

    WriteTransaction(Handle handle) {
        this.handle = handle;
        this.statements = new PreparedStatements(handle.getConnection());
    }

    private WriteTransaction(Connection connection) {
        this.handle = null;
        this.statements = new PreparedStatements(connection);
    }

    /**
     * The ledger writer's transaction, on a connection it keeps for its life. The SQLite driver
     * follows every INSERT with a query of its own for the generated key (about an eighth of the
     * writer's time in the intake's profile, docs/benchmarks.md); nothing the writer runs asks for
     * one, so that query is switched off on this connection only, and back on at {@link #close}.
     *
     * <p>On PostgreSQL the writer's statements are planned for each run, with its values and the
     * tables as they are then ({@code plan_cache_mode = force_custom_plan}, PostgreSQL manual,
     * "Query Planning"), until {@link #close}. Left to choose, PostgreSQL switched a statement the
     * driver had prepared to one generic plan, made while the tables were nearly empty, and kept it
     * as they grew: the batch's resubmission check then read the whole submission table once per
     * fingerprint (docs/adr/0076-resubmission-check-by-fingerprint.md). Planning the writer's few
     * statements costs far less than one such plan.
     */
    static WriteTransaction forWriter(Handle handle) {
        WriteTransaction transaction = new WriteTransaction(handle);
        transaction.generatedKeys(false);
        transaction.plansForEachRun(true);
        return transaction;
    }

    private void plansForEachRun(boolean on) {
        if (!dialect().postgresql()) {
            return;
        }
        try (Statement statement = statements.connection().createStatement()) {
            statement.execute(on ? "SET plan_cache_mode = force_custom_plan" : "RESET plan_cache_mode");
            ownsPlanSetting = on;
        } catch (SQLException e) {
            if (on) {
                throw new IllegalStateException("cannot set up the ledger writer's connection", e);
            }
            // closing on a broken connection: the setting only ever makes plans, never results, differ
        }
    }

    private void generatedKeys(boolean on) {
        try {
            Connection connection = statements.connection();
            if (connection.isWrapperFor(SQLiteConnection.class)) {
                connection.unwrap(SQLiteConnection.class).getConnectionConfig().setGetGeneratedKeys(on);
                ownsKeySetting = !on;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the ledger writer's connection", e);
        }
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
            dialect = Dialect.of(statements.connection());
        }
        return dialect;
    }

    /**
     * Serialises the appends to one school's chain across every process sharing the database, until
     * this transaction ends. On SQLite a write transaction already holds the whole database (one
     * writer), so this does nothing. On PostgreSQL it takes a transaction-level advisory lock named
     * after the chain and school (PostgreSQL manual, "Advisory Locks"), which also covers a school
     * whose chain has no head row yet, where a row lock ({@code SELECT … FOR UPDATE}) has nothing to
     * lock; the head is then read {@code FOR UPDATE} as well ({@link #forUpdate}). Once per chain
     * and transaction: the lock is held to its end (or to a savepoint rolled back).
     */
    public void lockChain(String chain, String school) {
        if (dialect().postgresql() && chains.lock(ChainLocks.key(chain, school))) {
            lookUp(LOCK, row -> true, ChainLocks.key(chain, school));
        }
    }

    /**
     * The head of a chain as this transaction knows it: as it last moved it ({@link #moveHead}), or
     * as it read it under the chain's lock for the whole batch ({@link BatchOpening}); empty when it
     * must read it from the table. Valid because the chain is locked to the end of the transaction
     * ({@link #lockChain}; on SQLite the writer's transaction holds the whole database), so no other
     * writer can move it in between.
     */
    public Optional<ChainHead> movedHead(String chain, String school) {
        return chains.head(ChainLocks.key(chain, school));
    }

    /**
     * Moves a chain's head: the next append to the chain in this transaction starts from it
     * ({@link #movedHead}), and the head row is written by {@code sql} (an upsert of the row, so that
     * only the last write of a batch need be sent): at once, or in a batched pass once per chain and
     * school at the next {@link #flush}.
     */
    public void moveHead(String chain, ChainHead head, String sql, Object... parameters) {
        String key = ChainLocks.key(chain, head.school());
        chains.head(key, head);
        if (batching) {
            waiting.head(key, sql, parameters);
        } else {
            update(sql, parameters);
        }
    }

    /** {@link BatchOpening} locked the chain and read its head for the whole batch. */
    void lockedWithHead(String chain, ChainHead head) {
        String key = ChainLocks.key(chain, head.school());
        chains.lock(key);
        chains.head(key, head);
    }

    /** {@link BatchOpening} drew an id of the table for one of the school's rows. */
    void idDrawn(String table, String school, long id) {
        ids.add(table, school, id);
    }

    /**
     * A savepoint was rolled back: the heads it moved are undone, and so are the advisory locks it
     * took (PostgreSQL releases a lock taken in a subtransaction that aborts), so both are read and
     * taken afresh by the next append.
     */
    void rolledBackToSavepoint() {
        chains.forget();
    }

    /** The transaction has ended (committed or rolled back): its locks are gone, the heads must be read again, nothing waits. */
    void transactionEnded() {
        chains.forget();
        waiting.clear();
        ids.clear();
        readAhead.forget();
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

    /** Requests sent to the database by this transaction object so far (PostgreSQL: round trips). */
    long roundTrips() {
        return statements.roundTrips();
    }

    /** Where the write about to run begins (batched pass). */
    Mark mark() {
        return new Mark(waiting.mark(), chains.heads(), sentAtOnce, refused);
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
        waiting.rollBackTo(mark.waiting());
        chains.heads(mark.heads());
    }

    /** Keeps a submission appended in a batched pass for the look-ups that must see it until it is sent. */
    void submissionWaiting(SubmissionRow row) {
        if (batching) {
            waiting.submission(row);
        }
    }

    /** The submissions appended in this batched pass and not yet sent, oldest first. */
    List<SubmissionRow> waitingSubmissions() {
        return waiting.submissions();
    }

    /** Keeps the rows read for the batch's resubmission checks ({@link ReadAheadRows#keep}). */
    void readAhead(Set<List<String>> keys, Map<List<String>, SubmissionRow> found, Instant since) {
        readAhead.keep(keys, found, since);
    }

    /** What was read ahead for the key ({@link ReadAheadRows#find}). */
    Optional<Optional<SubmissionRow>> readAhead(List<String> key, Instant since) {
        return readAhead.find(key, since);
    }

    /**
     * A new id for a row of the table ({@link IdBlocks}): on PostgreSQL from the block drawn for the
     * school (the batch's, or as large as the rest of the batch), on SQLite one more than the largest.
     *
     * @param table a table with an integer {@code id} identity (PostgreSQL) or AUTOINCREMENT (SQLite) key
     * @param school the school whose chain lock the caller holds
     */
    public long nextId(String table, String school) {
        return ids.next(dialect(), table, school, writesLeft,
                (name, count) -> all(IdBlocks.DRAW_POSTGRESQL, row -> row.getLong(1), name, count),
                name -> lookUp("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),"
                        + " coalesce((SELECT max(id) FROM " + name + "), 0))", row -> row.getLong(1), name).orElse(0L));
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
            return statements.update(sql, parameters);
        } catch (SQLException e) {
            refused++;
            throw new IllegalStateException("write failed: " + sql, e);
        }
    }

    /**
     * An INSERT ({@code INSERT … VALUES (?, …)}, possibly with {@code ON CONFLICT}) whose result
     * nobody reads in this transaction: in a batched pass it waits for {@link #flush}, else it runs
     * at once. The rows it makes are seen by {@link #update}, {@link #first} and {@link #handle()}
     * (which flush first), not by {@link #lookUp}.
     */
    public void insert(String sql, Object... parameters) {
        if (batching) {
            waiting.insert(sql, parameters);
        } else {
            update(sql, parameters);
        }
    }

    /** Before a statement sent at once: the waiting writes go first, and what was read ahead may be changed by it. */
    private void sendingAtOnce() {
        flush();
        readAhead.forget();
        sentAtOnce++;
    }

    /**
     * Sends every waiting insert, then every waiting head write, in the order each statement was
     * first used (a row's insert before the inserts that name it), each statement's rows in the
     * order they were made. PostgreSQL: all of them in one request, as multi-row INSERTs
     * ({@link MultiRowInsert}); SQLite: one JDBC batch per statement, in-process. Nothing waiting:
     * nothing is sent.
     *
     * @throws IllegalStateException when the database refuses a row; the transaction must then be rolled back
     */
    public void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, List<Object[]>> bySql = waiting.takeAll();
        readAhead.forget();   // what was read ahead may be out of date from here on
        try {
            if (dialect().postgresql()) {
                List<String> texts = new ArrayList<>();
                List<Object[]> parameters = new ArrayList<>();
                for (Map.Entry<String, List<Object[]>> statement : bySql.entrySet()) {
                    for (MultiRowInsert.Statement rows : new MultiRowInsert(statement.getKey(), statement.getValue()).statements()) {
                        texts.add(rows.sql());
                        parameters.add(rows.parameters());
                    }
                }
                statements.together(texts, parameters, texts.stream().<RowReader<?>>map(text -> null).toList());
            } else {
                for (Map.Entry<String, List<Object[]>> statement : bySql.entrySet()) {
                    statements.batch(statement.getKey(), statement.getValue());
                }
            }
        } catch (SQLException | RuntimeException e) {
            // the rows taken are no longer in memory either: only running the transaction again restores them
            refused++;
            // a JDBC batch's failure carries the server's reason in its next exception
            Exception reason = e instanceof BatchUpdateException batch && batch.getNextException() != null
                    ? batch.getNextException() : e;
            throw new IllegalStateException("batched write failed (" + bySql.size() + " statements): " + bySql.keySet(), reason);
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
            return Optional.ofNullable(statements.first(sql, reader, parameters));
        } catch (SQLException e) {
            refused++;
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Every row of a query that does not need the waiting writes (as {@link #lookUp}). */
    <T> List<T> all(String sql, RowReader<T> reader, Object... parameters) {
        try {
            return statements.query(sql, reader, parameters);
        } catch (SQLException e) {
            refused++;
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /**
     * Several queries that do not need the waiting writes, sent in one request (PostgreSQL only,
     * {@link PreparedStatements#together}), run in order; each one's rows as its reader reads them.
     */
    List<List<Object>> allTogether(List<String> queries, List<Object[]> parameters, List<RowReader<?>> readers) {
        try {
            return statements.together(queries, parameters, readers);
        } catch (SQLException e) {
            refused++;
            throw new IllegalStateException("queries failed: " + queries, e);
        }
    }

    /** Closes the prepared statements; the connection stays with the handle. */
    @Override
    public void close() {
        statements.close();
        if (ownsKeySetting) {
            generatedKeys(true);
        }
        if (ownsPlanSetting) {
            plansForEachRun(false);
        }
    }
}
