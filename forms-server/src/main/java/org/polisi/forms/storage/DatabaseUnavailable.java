package org.polisi.forms.storage;

import java.sql.SQLException;

/**
 * The database cannot be opened or brought up to date: the message names the file and the cause in
 * words an operator can act on (a read-only file or folder, a folder that cannot be made, a file
 * that is not a database), and the command line prints it as one line, without a stack trace.
 */
public final class DatabaseUnavailable extends RuntimeException {

    DatabaseUnavailable(String database, Throwable failure) {
        super("Cannot open the database " + database + ": " + cause(failure), failure);
    }

    private static String cause(Throwable failure) {
        String sqlite = null;
        for (Throwable each = failure; each != null; each = each.getCause()) {
            if (each instanceof SQLException || each instanceof java.io.IOException) {
                sqlite = each.getMessage();
            }
        }
        String detail = sqlite != null ? sqlite : String.valueOf(failure.getMessage());
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("readonly") || lower.contains("read-only") || lower.contains("read only")) {
            return "the file, its -wal/-shm files or its folder are read-only for this user; the server must be able "
                    + "to write there (" + firstLine(detail) + ")";
        }
        if (lower.contains("unable to open") || lower.contains("cantopen")) {
            return "it cannot be opened for writing: check that its folder exists and is writable by this user ("
                    + firstLine(detail) + ")";
        }
        if (lower.contains("not a database") || lower.contains("notadb")) {
            return "the file is not an SQLite database (" + firstLine(detail) + ")";
        }
        return firstLine(detail);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
