package org.polisi.forms.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * A few SQLite connections, opened once and lent to Jdbi handles again and again.
 *
 * <p>Opening a connection is what made every transaction slow: it sets the pragmas, maps the WAL
 * index, and closing the last connection checkpoints and deletes the WAL file. Kept open, a
 * connection costs that once. At most {@code size} are open; a caller beyond that waits for one to
 * come back (SQLite has one writer anyway, and WAL readers are cheap, so a handful is plenty).
 */
final class ConnectionPool implements ConnectionFactory, AutoCloseable {

    private static final long WAIT_SECONDS = 10;

    private final DataSource source;
    private final Semaphore lendable;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    ConnectionPool(DataSource source, int size) {
        this.source = source;
        this.lendable = new Semaphore(size, true);
    }

    @Override
    public Connection openConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        try {
            if (!lendable.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("no database connection came free within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        try {
            Connection connection = idle.poll();
            // the data source applies the pragmas (WAL, synchronous, foreign keys...) as it opens
            return connection != null ? connection : source.getConnection();
        } catch (SQLException | RuntimeException e) {
            lendable.release();
            throw e;
        }
    }

    /** Takes a connection back; one left mid-transaction is rolled back so the next borrower starts clean. */
    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            if (closed || connection.isClosed()) {
                connection.close();
                return;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            idle.add(connection);
            if (closed) {
                close(); // the pool closed while this one was out
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        } finally {
            lendable.release();
        }
    }

    /** Closes the idle connections; those lent out are closed as they come back. */
    @Override
    public void close() {
        closed = true;
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing at shutdown: SQLite recovers the WAL on the next open
            }
        }
    }
}
