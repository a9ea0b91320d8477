package org.polisi.forms.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
            first("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> true, chain + "/" + school);
        }
    }

    /**
     * The head of a chain as this transaction itself last moved it ({@link #headMoved}), or empty when
     * it has not moved it yet and must read it from the table. Valid because the chain is locked to
     * the end of the transaction ({@link #lockChain}; on SQLite the writer's transaction holds the
     * whole database), so no other writer can move it in between.
     */
    public Optional<ChainHead> movedHead(String chain, String school) {
        return Optional.ofNullable(movedHeads.get(chain + "/" + school));
    }

    /** Records that this transaction has just written the chain's head; call after the UPDATE or INSERT of the head. */
    public void headMoved(String chain, ChainHead head) {
        movedHeads.put(chain + "/" + head.school(), head);
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

    /** The transaction has ended (committed or rolled back): its locks are gone and the heads must be read again. */
    void transactionEnded() {
        lockedChains.clear();
        movedHeads.clear();
    }

    /** The head query as this database locks it: {@code … FOR UPDATE} on PostgreSQL, as it is on SQLite. */
    public String forUpdate(String headQuery) {
        return dialect().postgresql() ? headQuery + " FOR UPDATE" : headQuery;
    }

    /** Jdbi on the same connection and in the same transaction. */
    public Handle handle() {
        if (handle == null) {
            throw new IllegalStateException("this write transaction has no Jdbi handle");
        }
        return handle;
    }

    /** Runs an INSERT, UPDATE, DELETE or SAVEPOINT; returns the number of rows changed. */
    public int update(String sql, Object... parameters) {
        try {
            PreparedStatement statement = bound(sql, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("write failed: " + sql, e);
        }
    }

    /** The first row of a query (or of an {@code INSERT … RETURNING}), read by the reader. */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        try {
            PreparedStatement statement = bound(sql, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
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
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }
}
