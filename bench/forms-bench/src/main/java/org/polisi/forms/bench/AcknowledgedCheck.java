package org.polisi.forms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * Counts the acknowledged references (one per line) that the database does not hold: every one
 * the server answered with a 303 must be there. Opens the SQLite file read-only, or a PostgreSQL
 * database given by its JDBC URL (the user in PGUSER, as for PostgreSQL's own tools).
 *
 * <pre>java ... org.polisi.forms.bench.AcknowledgedCheck DB-FILE|JDBC-URL REFERENCES-FILE</pre>
 */
public final class AcknowledgedCheck {
    private AcknowledgedCheck() {
    }

    public static long missing(Path database, List<String> references) throws Exception {
        return missing(DriverManager.getConnection("jdbc:sqlite:file:" + database.toAbsolutePath() + "?mode=ro"), references);
    }

    /** As {@link #missing(Path, List)}, on an open connection, which it closes. */
    public static long missing(Connection opened, List<String> references) throws Exception {
        long missing = 0;
        try (Connection connection = opened;
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM submission WHERE reference = ?")) {
            for (String reference : references) {
                query.setString(1, reference);
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next() || result.getLong(1) != 1) {
                        missing++;
                    }
                }
            }
        }
        return missing;
    }

    public static void main(String[] args) throws Exception {
        List<String> references = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).toList();
        long missing = args[0].startsWith("jdbc:postgresql:")
                ? missing(DriverManager.getConnection(args[0], System.getenv().getOrDefault("PGUSER", "polisi"), ""), references)
                : missing(Path.of(args[0]), references);
        System.out.println("acknowledged\t" + references.size() + "\tmissing\t" + missing);
        System.exit(missing == 0 ? 0 : 1);
    }
}
