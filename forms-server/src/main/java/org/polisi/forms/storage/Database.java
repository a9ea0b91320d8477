package org.polisi.forms.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the SQLite database, brings its schema up to date with Flyway, and gives a Jdbi whose
 * handles borrow from a few long-lived connections ({@link ConnectionPool}).
 *
 * <p>Every connection gets, once when it opens: WAL (readers never block the writer), a busy
 * timeout (the command line and the server may write at the same moment), foreign keys,
 * {@code synchronous=FULL} (in WAL mode each commit is flushed to disk before it returns, so a
 * submission acknowledged to the sender survives a power cut, not only a crash) and immediate
 * transactions (a transaction that will write takes the lock at its start instead of failing
 * half-way).
 */
public final class Database implements AutoCloseable {

    /** The ledger's writer holds one for good; the rest serve readers (staff pages, confirmations). */
    static final int CONNECTIONS = 5;

    private final ConnectionPool pool;
    private final Jdbi jdbi;

    private Database(ConnectionPool pool, Jdbi jdbi) {
        this.pool = pool;
        this.jdbi = jdbi;
    }

    /**
     * For a long-running process that closes what it opened (the server).
     *
     * @throws DatabaseUnavailable when the file cannot be opened for writing or migrated, naming the
     *     file and the cause
     */
    public static Database connect(Path file) {
        SQLiteDataSource dataSource;
        try {
            dataSource = dataSource(file);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .javaMigrations(new NameKeyBackfill())
                    .load()
                    .migrate();
        } catch (RuntimeException failure) {
            throw new DatabaseUnavailable(file, failure);
        }
        ConnectionPool pool = new ConnectionPool(dataSource, CONNECTIONS);
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, (results, column, context) -> {
            String stored = results.getString(column);
            return stored == null ? null : Times.parse(stored);
        });
        return new Database(pool, jdbi);
    }

    /** For a command that runs once and exits: its connections close with the process. */
    public static Jdbi open(Path file) {
        return connect(file).jdbi();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Closes the idle connections; the last one to close checkpoints the WAL into the database file. */
    @Override
    public void close() {
        pool.close();
    }

    static SQLiteDataSource dataSource(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /** Binds instants in the stored text form, never as epoch numbers. */
    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setString(position, Times.format(value));
        }
    }
}
