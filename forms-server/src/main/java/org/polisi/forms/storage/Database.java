package org.polisi.forms.storage;

import java.nio.file.Path;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import db.migration.V121__Staff_email_keys;
import db.migration.V21__Link_existing_records;
import db.migration.V40_2__Link_incident_events_and_withdrawal_decisions;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.polisi.forms.config.DatabaseAddress;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database (an SQLite file, or PostgreSQL: docs/adr/0049-postgresql.md), brings its
 * schema up to date with Flyway, and gives a Jdbi whose
 * handles borrow from a few long-lived connections ({@link ConnectionPool}).
 *
 * <p>Every connection gets, once when it opens: WAL (readers never block the writer), a busy
 * timeout (the command line and the server may write at the same moment), foreign keys,
 * {@code synchronous=FULL} (in WAL mode each commit is flushed to disk before it returns, so a
 * submission acknowledged to the sender survives a power cut, not only a crash) and immediate
 * transactions (a transaction that will write takes the lock at its start instead of failing
 * half-way), and {@code secure_delete} (what is deleted is written over: {@link FreedSpace}).
 *
 * <p>The migrations are the same versions on both: {@code db/migration/common} holds the SQL both
 * accept, {@code db/migration/sqlite} and {@code db/migration/postgresql} each database's form of
 * the steps whose SQL must differ (identities, triggers), and the Java steps (V12, V21, V40.2) are
 * shared. PostgreSQL connections use the server's defaults (READ COMMITTED, synchronous commit).
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
        return connect(DatabaseAddress.sqlite(file));
    }

    /**
     * For a long-running process that closes what it opened (the server), on SQLite or PostgreSQL.
     *
     * @throws DatabaseUnavailable when the database cannot be opened for writing or migrated, naming
     *     it and the cause
     */
    public static Database connect(DatabaseAddress address) {
        return connect(address, null);
    }

    /**
     * As {@link #connect(DatabaseAddress)}, migrated up to {@code target} only (a version such as
     * {@code "86.9999"}: every migration at or below it), or to the newest when it is null: for tests
     * of a migration, which fill a database as an earlier version left it and then migrate it.
     */
    static Database connect(DatabaseAddress address, String target) {
        DataSource dataSource;
        try {
            dataSource = address.isPostgresql() ? postgresql(address) : dataSource(address.requireFile());
            FluentConfiguration migrations = migrations(dataSource, address.isPostgresql());
            if (target != null) {
                migrations.target(lastUpTo(migrations, MigrationVersion.fromVersion(target)));
            }
            migrations.load().migrate();
        } catch (RuntimeException failure) {
            throw new DatabaseUnavailable(address.toString(), failure);
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

    /** The newest migration's version at or below {@code limit} (Flyway refuses a target no migration has). */
    private static String lastUpTo(FluentConfiguration migrations, MigrationVersion limit) {
        return Arrays.stream(migrations.load().info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version != null && version.compareTo(limit) <= 0)
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    /** For a command that runs once and exits: its connections close with the process. */
    public static Jdbi open(Path file) {
        return connect(file).jdbi();
    }

    /** For a command that runs once and exits, on SQLite or PostgreSQL. */
    public static Jdbi open(DatabaseAddress address) {
        return connect(address).jdbi();
    }

    /**
     * Flyway, set up for this database's migrations: the common folder, the database's own folder
     * and the Java steps. Call {@code load().migrate()} (tests may set a target first).
     */
    public static FluentConfiguration migrations(DataSource dataSource, boolean postgresql) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common",
                        postgresql ? "classpath:db/migration/postgresql" : "classpath:db/migration/sqlite")
                .javaMigrations(new NameKeyBackfill(), new V21__Link_existing_records(),
                        new V40_2__Link_incident_events_and_withdrawal_decisions(), new V121__Staff_email_keys());
    }

    /** PostgreSQL through its JDBC driver; user and password from the address, never the URL. */
    private static DataSource postgresql(DatabaseAddress address) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(address.jdbcUrl());
        if (address.user() != null) {
            dataSource.setUser(address.user());
        }
        if (address.password() != null) {
            dataSource.setPassword(address.password());
        }
        dataSource.setApplicationName("polisi-forms");
        // JDBC batches (rosters, forms migrate) go as multi-row INSERTs, so PostgreSQL parses and plans
        // one statement per batch; the ledger's writer writes its own multi-row INSERTs (ADR 71).
        dataSource.setReWriteBatchedInserts(true);
        return dataSource;
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
        // Created empty with mode 0600 before SQLite opens it: SQLite gives its -wal, -shm and
        // -journal files the database file's mode, so they are private too, whatever the umask.
        PrivateFiles.create(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // erased answers, deleted drafts and sent receipt addresses are written over, not left in free space (FreedSpace)
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
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
