package org.polisi.forms.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tester 2, finding 8: the subject access search missed tables that name a person. Every column
 * the migrations create whose name says it holds a person's name (a name, a pupil, who did
 * something, a viewer, the answers) must be listed in {@link PersonSearch}'s doc comment as
 * searched; a new table with such a column fails here until the search covers it.
 */
class PersonSearchCoverageTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path SEARCH = Path.of("src/main/java/org/polisi/forms/export/PersonSearch.java");

    /** Column names that hold a person's name, or text that may: the answers. */
    static final Pattern PERSON_COLUMN = Pattern.compile("name|_by$|^viewer$|^pupil$|^fields_json$");

    /** Columns the pattern catches that name no person, or are the account's own details. */
    static final Set<String> NOT_A_PERSON = Set.of("roster_pupil.class_name", "staff_user.email");

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)\\s*\\((.*?)\\n\\);",
            Pattern.DOTALL);
    private static final Pattern ADDED = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (?:IF NOT EXISTS )?(\\w+)");
    private static final Pattern RENAMED = Pattern.compile("ALTER TABLE (\\w+) RENAME TO (\\w+)");

    /** Every table.column of the migrations (both databases) whose name says it names a person. */
    static Set<String> personColumns() throws IOException {
        Set<String> columns = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(each -> each.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(file).replaceAll("--[^\\n]*", "");
                Matcher renamed = RENAMED.matcher(sql);
                java.util.Map<String, String> to = new java.util.HashMap<>();
                while (renamed.find()) {
                    to.put(renamed.group(1), renamed.group(2));   // SQLite rebuilds a table under a new name
                }
                Matcher table = TABLE.matcher(sql);
                while (table.find()) {
                    String name = to.getOrDefault(table.group(1), table.group(1));
                    for (String line : table.group(2).split("\\n")) {
                        String column = line.strip().split("\\s+")[0];
                        if (column.matches("[a-z_]+") && !List.of("unique", "check", "primary", "foreign", "or")
                                .contains(column) && PERSON_COLUMN.matcher(column).find()) {
                            columns.add(name + "." + column);
                        }
                    }
                }
                Matcher added = ADDED.matcher(sql);
                while (added.find()) {
                    if (PERSON_COLUMN.matcher(added.group(2)).find()) {
                        columns.add(added.group(1) + "." + added.group(2));
                    }
                }
            }
        }
        columns.removeAll(NOT_A_PERSON);
        return columns;
    }

    @Test
    void everyColumnThatNamesAPersonIsSearched() throws IOException {
        Set<String> columns = personColumns();
        // the scan itself must find the tables known to name people, or it has gone blind
        assertTrue(columns.containsAll(Set.of("submission.fields_json", "incident_event.recorded_by",
                "incident_view.viewer", "withdrawal_decision.decided_by", "staff_user.name")), columns.toString());
        String source = Files.readString(SEARCH);
        String doc = source.substring(0, source.indexOf("public final class PersonSearch"));
        Set<String> missing = new TreeSet<>();
        for (String column : columns) {
            if (!doc.contains("{@code " + column + "}")) {
                missing.add(column);
            }
        }
        assertEquals(Set.of(), missing, "columns that name a person and are not searched by PersonSearch");
    }
}
