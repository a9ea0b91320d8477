package org.polisi.forms.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * Which database a connection is to, for the few statements whose SQL differs between SQLite and
 * PostgreSQL (docs/adr/0049-postgresql.md); everything else is the same SQL on both.
 */
public enum Dialect {
    SQLITE, POSTGRESQL;

    /** The dialect of the handle's connection. */
    public static Dialect of(Handle handle) {
        return of(handle.getConnection());
    }

    /** The dialect of a JDBC connection, from its driver's product name. */
    public static Dialect of(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL") ? POSTGRESQL : SQLITE;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this connection is to", e);
        }
    }

    public boolean postgresql() {
        return this == POSTGRESQL;
    }
}
