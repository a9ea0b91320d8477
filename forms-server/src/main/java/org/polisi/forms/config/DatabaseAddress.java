package org.polisi.forms.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the records are: an SQLite file (the default, one school on one machine) or a PostgreSQL
 * database given by its JDBC URL (a local authority's several instances, docs/adr/0049-postgresql.md).
 *
 * <p>The user and password of a PostgreSQL database come from the environment or a file, never from
 * the URL, which is seen on the command line and in logs: a URL that carries a password is refused.
 *
 * @param file the SQLite file, or null for PostgreSQL
 * @param jdbcUrl {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://host[:port]/database[?options]}
 * @param user PostgreSQL's user, or null (the driver then uses the operating system's user name)
 * @param password PostgreSQL's password, or null (trust or peer authentication)
 */
public record DatabaseAddress(Path file, String jdbcUrl, String user, String password) {

    /** The prefix of the PostgreSQL JDBC driver's URLs (pgJDBC's documentation, "Connecting to the Database"). */
    public static final String POSTGRESQL_PREFIX = "jdbc:postgresql://";

    /** An SQLite database in {@code file}. */
    public static DatabaseAddress sqlite(Path file) {
        return new DatabaseAddress(file, "jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    /**
     * A PostgreSQL database.
     *
     * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL, or carries a user's
     *     password (give it in POLISI_DB_PASSWORD or POLISI_DB_PASSWORD_FILE instead)
     */
    public static DatabaseAddress postgresql(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            throw new IllegalArgumentException("the database must be an SQLite file or a URL starting "
                    + POSTGRESQL_PREFIX + ", not '" + jdbcUrl + "'");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null || ("&" + query).contains("&password=")) {
            throw new IllegalArgumentException("the database URL must not carry a password (it would show in the "
                    + "process list and the logs): give it in POLISI_DB_PASSWORD or POLISI_DB_PASSWORD_FILE");
        }
        return new DatabaseAddress(null, jdbcUrl, blankToNull(user), blankToNull(password));
    }

    /** True for PostgreSQL, false for an SQLite file. */
    public boolean isPostgresql() {
        return file == null;
    }

    /**
     * The SQLite file.
     *
     * @throws IllegalStateException for a PostgreSQL database, which has no file here
     */
    public Path requireFile() {
        if (file == null) {
            throw new IllegalStateException("this command needs an SQLite file, not the PostgreSQL database " + jdbcUrl);
        }
        return file;
    }

    /** The folder of the server's own files (keys, checkpoint log): the SQLite file's, or {@code data} for PostgreSQL. */
    public Path dataFolder() {
        return file == null ? Path.of("data").toAbsolutePath() : file.toAbsolutePath().getParent();
    }

    /** For messages and logs: the file, or the URL (which never holds the password). */
    @Override
    public String toString() {
        return file == null ? jdbcUrl : file.toAbsolutePath().toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
