package org.polisi.forms.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of one connection, each prepared once and reused by every later write, with its
 * parameters always bound, never spliced into the SQL. Counts the requests it sends
 * ({@link #roundTrips}): on PostgreSQL each is one round trip to the server, waited for in turn.
 *
 * <p>Why not Jdbi here: each Jdbi statement copies Jdbi's configuration and looks up its mappers,
 * and a submission runs several statements on the one thread every write goes through (issue 23's
 * intake profile, docs/benchmarks.md).
 */
final class PreparedStatements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private long roundTrips;

    PreparedStatements(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** Requests sent to the database so far (each statement, JDBC batch or group of statements sent together is one). */
    long roundTrips() {
        return roundTrips;
    }

    /** Runs an INSERT, UPDATE, DELETE or SAVEPOINT; returns the number of rows changed. */
    int update(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = bound(sql, parameters);
        roundTrips++;
        return statement.executeUpdate();
    }

    /** Every row of a query, read by the reader. */
    <T> List<T> query(String sql, WriteTransaction.RowReader<T> reader, Object... parameters) throws SQLException {
        PreparedStatement statement = bound(sql, parameters);
        roundTrips++;
        try (ResultSet rows = statement.executeQuery()) {
            return readAll(rows, reader);
        }
    }

    /** The first row of a query, or null; the others are not read. */
    <T> T first(String sql, WriteTransaction.RowReader<T> reader, Object... parameters) throws SQLException {
        PreparedStatement statement = bound(sql, parameters);
        roundTrips++;
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? reader.read(rows) : null;
        }
    }

    /** Sends one statement with many rows of parameters as one JDBC batch (one request). */
    void batch(String sql, List<Object[]> rows) throws SQLException {
        PreparedStatement batch = null;
        for (Object[] parameters : rows) {
            batch = bound(sql, parameters);
            batch.addBatch();
        }
        if (batch != null) {
            roundTrips++;
            batch.executeBatch();
        }
    }

    /**
     * Sends several statements, each with its own parameters, as one request, and returns each
     * query's rows (an empty list for a statement that returns none), in order. PostgreSQL only:
     * pgjdbc sends the statements of one prepared text separated by {@code ;} together, each with its
     * own bind, and waits once (SQLite's driver would run the first statement only). The
     * statements run one after another, in order, in the open transaction.
     *
     * @param statements the statements; none may contain {@code ;}
     * @param readers    for each statement, how its rows are read (null for one that returns none)
     */
    List<List<Object>> together(List<String> statements, List<Object[]> parameters,
                                List<WriteTransaction.RowReader<?>> readers) throws SQLException {
        // prepared afresh and closed: a text made for one batch's row counts would rarely come again
        try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements))) {
            int position = 1;
            for (Object[] values : parameters) {
                for (Object value : values) {
                    bind(statement, position++, value);
                }
            }
            roundTrips++;
            List<List<Object>> results = new ArrayList<>();
            boolean isQuery = statement.execute();
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0) {
                    isQuery = statement.getMoreResults();
                }
                List<Object> rows = new ArrayList<>();
                if (isQuery && readers.get(i) != null) {
                    try (ResultSet found = statement.getResultSet()) {
                        rows.addAll(readAll(found, readers.get(i)));
                    }
                }
                results.add(rows);
            }
            return results;
        }
    }

    private static <T> List<T> readAll(ResultSet rows, WriteTransaction.RowReader<T> reader) throws SQLException {
        List<T> found = new ArrayList<>();
        while (rows.next()) {
            found.add(reader.read(rows));
        }
        return found;
    }

    /** Closes the prepared statements; the connection stays open. */
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
        } else if (value instanceof String[] texts) {   // PostgreSQL: = ANY(?), unnest(?)
            statement.setArray(position, statement.getConnection().createArrayOf("text", texts));
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }
}
