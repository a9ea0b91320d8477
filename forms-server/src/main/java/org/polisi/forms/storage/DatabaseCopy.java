package org.polisi.forms.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.staff.EmailClashes;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Copies every row of an SQLite database into an empty PostgreSQL database with the same schema
 * ({@code ./polisi forms migrate}, issue 16): first the tables that name no school but that a school's
 * tables point at (the staff people every school's memberships name, docs/adr/0080) in one
 * transaction, then each school's rows in one transaction, then the rows of the other tables that
 * name no school in one more. Every column is copied as stored, ids included, so
 * each chain's hashes, each record's links and each session's hash are the same on the target; the
 * identity sequences are then moved past the copied ids.
 *
 * <p>The tables are found, not listed: every table of the target's {@code public} schema except
 * Flyway's history, in the order that puts each table after those its foreign keys name (creation
 * order among equals, which also puts a table whose trigger reads another after it). A table
 * on one side only, or a column the target lacks, stops the copy before anything is written, as do
 * staff people the target's address key would refuse (ADR 0107). No message holds the driver's
 * words (the SQL and a row's values, a password hash among them): only tables, rules and ids.
 */
public final class DatabaseCopy {

    private static final String FLYWAY = "flyway_schema_history";
    private static final int BATCH = 500;

    private final Jdbi source;
    private final Jdbi target;

    /**
     * @param source the SQLite database, migrated to the same version as the target
     * @param target the PostgreSQL database, migrated and empty
     */
    public DatabaseCopy(Jdbi source, Jdbi target) {
        this.source = source;
        this.target = target;
    }

    /** What was copied: rows per table, and the schools in the order their transactions committed. */
    public record Copied(Map<String, Long> rowsByTable, List<String> schools) {
    }

    /**
     * Copies everything.
     *
     * @param progress told one line per committed transaction (for the operator)
     * @throws IllegalStateException when the target is not PostgreSQL, holds any row, or its tables or
     *     columns differ from the source's; nothing has been written then. A failure part-way leaves
     *     the schools already committed in the target (the message names them).
     */
    public Copied copy(Consumer<String> progress) {
        try (Handle sourceHandle = source.open(); Handle targetHandle = target.open()) {
            Connection from = sourceHandle.getConnection();
            Connection to = targetHandle.getConnection();
            if (!Dialect.of(to).postgresql() || Dialect.of(from).postgresql()) {
                throw new IllegalStateException("the copy goes from an SQLite file to a PostgreSQL database");
            }
            List<Table> tables = tablesInOrder(to);
            checkSameSchema(from, tables);
            for (Table table : tables) {
                if (count(to, table.name) > 0) {
                    throw new IllegalStateException("the target database is not empty: table " + table.name
                            + " has rows. Give an empty database (one just created) so nothing is mixed.");
                }
            }
            refuseWhatTheTargetWouldRefuse(from);
            Map<String, Long> rows = new LinkedHashMap<>();
            tables.forEach(table -> rows.put(table.name, 0L));
            List<String> done = new ArrayList<>();
            try {
                if (tables.stream().anyMatch(Table::beforeSchools)) {
                    inTransaction(to, () -> {
                        for (Table table : tables) {
                            if (table.beforeSchools) {
                                rows.merge(table.name, copyRows(from, to, table, null), Long::sum);
                            }
                        }
                    });
                    progress.accept("copied the tables the schools' tables point at");
                }
                for (String school : schools(from, tables)) {
                    inTransaction(to, () -> {
                        for (Table table : tables) {
                            if (table.bySchool) {
                                rows.merge(table.name, copyRows(from, to, table, school), Long::sum);
                            }
                        }
                    });
                    done.add(school);
                    progress.accept("copied school " + school);
                }
                inTransaction(to, () -> {
                    for (Table table : tables) {
                        if (!table.bySchool && !table.beforeSchools) {
                            rows.merge(table.name, copyRows(from, to, table, null), Long::sum);
                        }
                    }
                    for (Table table : tables) {
                        moveIdentityPastCopiedIds(to, table.name);
                    }
                });
                progress.accept("copied the tables that name no school");
            } catch (SQLException | RuntimeException failure) {
                // never the driver's own words: they hold the SQL and the row's values (a password hash)
                throw new IllegalStateException("the copy stopped: " + plain(failure)
                        + (done.isEmpty() ? "; nothing was committed"
                        : "; the target already holds the schools " + done + ": drop and create it again before retrying"),
                        failure);
            }
            for (Table table : tables) {
                long inSource = count(from, table.name);
                long inTarget = count(to, table.name);
                if (inSource != inTarget) {
                    throw new IllegalStateException("table " + table.name + " has " + inSource + " row(s) in the source but "
                            + inTarget + " in the target");
                }
            }
            return new Copied(rows, done);
        } catch (SQLException e) {
            throw new IllegalStateException("the copy failed: " + plain(e), e);
        }
    }

    /**
     * Refuses, before anything is written, the staff people the target's unique address key would
     * refuse (ADR 0107): two or more live accounts whose addresses have one key ("siân@…" and
     * "SIÂN@…", which an older version let SQLite hold), or such rows not marked as a clash. The
     * message names the addresses and their schools and what to do, in plain words.
     */
    private static void refuseWhatTheTargetWouldRefuse(Connection from) throws SQLException {
        List<String> clashes = EmailClashes.find(from).stream()
                .filter(clash -> clash.live() || clash.unmarked()).map(EmailClashes.Clash::describe).toList();
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("nothing was copied: " + String.join("; and ", clashes)
                    + ". Then run forms migrate again (into a database just created).");
        }
    }

    /**
     * A failure in plain words: which table, which rule (constraint) and the SQL state, never the
     * statement or its values. PostgreSQL's refusal of a batch is found through
     * {@link SQLException#getNextException()}.
     */
    static String plain(Throwable failure) {
        if (failure instanceof CopyRefused refused) {
            return refused.getMessage();
        }
        if (failure instanceof SQLException sql) {
            SQLException cause = sql;
            while (cause.getNextException() != null) {
                cause = cause.getNextException();
            }
            String where = "";
            if (cause instanceof PSQLException postgres && postgres.getServerErrorMessage() != null) {
                ServerErrorMessage server = postgres.getServerErrorMessage();
                where = (server.getTable() == null ? "" : " in table " + server.getTable())
                        + (server.getConstraint() == null ? "" : ", rule " + server.getConstraint());
            }
            return "the database refused" + where + " (SQL state " + cause.getSQLState() + ")";
        }
        if (failure instanceof IllegalStateException own && !(failure.getCause() instanceof SQLException)) {
            return own.getMessage();
        }
        return failure.getClass().getSimpleName();
    }

    /** A row the target refused, named by table and id only. */
    private static final class CopyRefused extends RuntimeException {
        CopyRefused(String message, SQLException cause) {
            super(message, cause);
        }
    }

    /**
     * @param beforeSchools a table that names no school but that a school's table points at (a staff
     *     person, whom each school's memberships name: docs/adr/0080), copied before the schools
     */
    private record Table(String name, List<String> columns, boolean bySchool, boolean beforeSchools) {
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection to, Work work) throws SQLException {
        to.setAutoCommit(false);
        try {
            work.run();
            to.commit();
        } catch (SQLException | RuntimeException failure) {
            to.rollback();
            throw failure;
        } finally {
            to.setAutoCommit(true);
        }
    }

    /** The target's tables, each after the tables its foreign keys name, else in creation (oid) order. */
    private static List<Table> tablesInOrder(Connection to) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement statement = to.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname, a.attname FROM pg_class c "
                     + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                     + "WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace "
                     + "ORDER BY c.oid, a.attnum")) {
            while (rows.next()) {
                if (!rows.getString(1).equals(FLYWAY)) {
                    columns.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        columns.keySet().forEach(name -> parents.put(name, new TreeSet<>()));
        try (Statement statement = to.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.conrelid::regclass::text, c.confrelid::regclass::text "
                     + "FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace")) {
            while (rows.next()) {
                if (!rows.getString(1).equals(rows.getString(2)) && parents.containsKey(rows.getString(1))) {
                    parents.get(rows.getString(1)).add(rows.getString(2));
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < columns.size()) {
            String next = columns.keySet().stream()
                    .filter(name -> !placed.contains(name) && placed.containsAll(parents.get(name)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the target's foreign keys form a cycle"));
            placed.add(next);
        }
        Set<String> beforeSchools = new TreeSet<>();
        for (String name : placed) {
            if (columns.get(name).contains("school")) {
                ancestorsWithoutSchool(name, parents, columns, beforeSchools);
            }
        }
        for (String name : placed) {
            ordered.add(new Table(name, columns.get(name), columns.get(name).contains("school"),
                    beforeSchools.contains(name)));
        }
        return ordered;
    }

    /** Adds to {@code found} every table without a school that {@code table}'s foreign keys lead to, however far. */
    private static void ancestorsWithoutSchool(String table, Map<String, Set<String>> parents,
                                               Map<String, List<String>> columns, Set<String> found) {
        for (String parent : parents.get(table)) {
            if (!columns.get(parent).contains("school") && found.add(parent)) {
                ancestorsWithoutSchool(parent, parents, columns, found);
            } else if (columns.get(parent).contains("school")) {
                ancestorsWithoutSchool(parent, parents, columns, found);
            }
        }
    }

    /** Refuses a table or column that is on one side only: the two schemas must be the same version. */
    private static void checkSameSchema(Connection from, List<Table> tables) throws SQLException {
        Set<String> sourceTables = new TreeSet<>();
        try (Statement statement = from.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                     + "AND name NOT LIKE 'sqlite_%' AND name <> '" + FLYWAY + "'")) {
            while (rows.next()) {
                sourceTables.add(rows.getString(1));
            }
        }
        Set<String> targetTables = new TreeSet<>();
        tables.forEach(table -> targetTables.add(table.name));
        if (!sourceTables.equals(targetTables)) {
            throw new IllegalStateException("the two databases' tables differ (source " + sourceTables + ", target "
                    + targetTables + "): run both at the same version of Polisi");
        }
        for (Table table : tables) {
            Set<String> sourceColumns = new TreeSet<>();
            try (PreparedStatement statement = from.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                statement.setString(1, table.name);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sourceColumns.add(rows.getString(1));
                    }
                }
            }
            if (!sourceColumns.equals(new TreeSet<>(table.columns))) {
                throw new IllegalStateException("table " + table.name + " has columns " + sourceColumns
                        + " in the source but " + new TreeSet<>(table.columns) + " in the target");
            }
        }
    }

    /** Every school named by any table, in order. */
    private static Collection<String> schools(Connection from, List<Table> tables) throws SQLException {
        Set<String> schools = new TreeSet<>();
        for (Table table : tables) {
            if (table.bySchool) {
                try (Statement statement = from.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT DISTINCT school FROM " + quoted(table.name))) {
                    while (rows.next()) {
                        schools.add(rows.getString(1));
                    }
                }
            }
        }
        return schools;
    }

    /** Copies the table's rows (of one school, or all when school is null) in id order, in batches. */
    private static long copyRows(Connection from, Connection to, Table table, String school) throws SQLException {
        String columnList = String.join(", ", table.columns.stream().map(DatabaseCopy::quoted).toList());
        String select = "SELECT " + columnList + " FROM " + quoted(table.name)
                + (school == null ? "" : " WHERE school = ?") + " ORDER BY rowid";
        String insert = "INSERT INTO " + quoted(table.name) + " (" + columnList + ") OVERRIDING SYSTEM VALUE VALUES ("
                + String.join(", ", table.columns.stream().map(column -> "?").toList()) + ")";
        int[] types = columnTypes(to, table);
        int id = table.columns.indexOf("id");
        long firstInBatch = -1;
        long copied = 0;
        try (PreparedStatement read = from.prepareStatement(select); PreparedStatement write = to.prepareStatement(insert)) {
            if (school != null) {
                read.setString(1, school);
            }
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    for (int i = 0; i < types.length; i++) {
                        Object value = rows.getObject(i + 1);
                        if (value == null) {
                            write.setNull(i + 1, types[i]);
                        } else {
                            write.setObject(i + 1, value, types[i]);
                        }
                    }
                    if (firstInBatch < 0 && id >= 0) {
                        firstInBatch = rows.getLong(id + 1);
                    }
                    write.addBatch();
                    if (++copied % BATCH == 0) {
                        execute(write, table, firstInBatch);
                        firstInBatch = -1;
                    }
                }
            }
            execute(write, table, firstInBatch);
        }
        return copied;
    }

    private static void execute(PreparedStatement write, Table table, long firstId) {
        try {
            write.executeBatch();
        } catch (SQLException refused) {
            throw new CopyRefused("a row of " + table.name + (firstId < 0 ? "" : " (in the batch from id " + firstId + ")")
                    + " was refused: " + plain(refused), refused);
        }
    }

    /** The target's JDBC type of each column, so SQLite's dynamically typed values bind as the target expects. */
    private static int[] columnTypes(Connection to, Table table) throws SQLException {
        int[] types = new int[table.columns.size()];
        try (Statement statement = to.createStatement();
             ResultSet empty = statement.executeQuery("SELECT " + String.join(", ",
                     table.columns.stream().map(DatabaseCopy::quoted).toList()) + " FROM " + quoted(table.name) + " LIMIT 0")) {
            for (int i = 0; i < types.length; i++) {
                types[i] = empty.getMetaData().getColumnType(i + 1);
            }
        }
        return types;
    }

    /** After ids were copied, the next id the database makes must be past them (else the next insert collides). */
    private static void moveIdentityPastCopiedIds(Connection to, String table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (PreparedStatement statement = to.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = ? AND is_identity = 'YES'")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    identities.add(rows.getString(1));
                }
            }
        }
        for (String column : identities) {
            try (PreparedStatement statement = to.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                    + "(SELECT coalesce(max(" + quoted(column) + "), 0) + 1 FROM " + quoted(table) + "), false)")) {
                statement.setString(1, table);
                statement.setString(2, column);
                statement.execute();
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quoted(table))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A table or column name read from the database's own catalogue, quoted; never input. */
    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
