package org.polisi.forms.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code INSERT … VALUES (?, …) [ON CONFLICT …]} written once per row, rewritten to insert many
 * rows in one statement ({@code VALUES (?, …), (?, …), …}), as pgjdbc's {@code reWriteBatchedInserts}
 * does for one JDBC batch; here so that the inserts of several tables can be sent in one request
 * ({@link PreparedStatements#together}). An upsert keeps its {@code ON CONFLICT} clause: the rows of
 * one statement must then not conflict with each other (the writer sends one head write per chain
 * and school).
 *
 * @param sql        the statement for one row
 * @param rows       each row's parameters, in order
 */
record MultiRowInsert(String sql, List<Object[]> rows) {

    /**
     * PostgreSQL takes at most 65,535 parameters in one statement (its protocol counts them in 16
     * bits); the rows are split into statements of fewer than this many.
     */
    static final int MAX_PARAMETERS = 32_000;

    /** A statement's text and its parameters, one after another. */
    record Statement(String sql, Object[] parameters) {
    }

    /**
     * The statements that insert every row, each of as many rows as the parameter limit allows.
     *
     * @throws IllegalArgumentException when the statement has no {@code VALUES (…)} to repeat
     */
    List<Statement> statements() {
        int values = sql.indexOf("VALUES (");
        int end = values < 0 ? -1 : sql.indexOf(')', values);
        if (end < 0) {
            throw new IllegalArgumentException("not an INSERT … VALUES (…): " + sql);
        }
        String head = sql.substring(0, values + "VALUES ".length());
        String tuple = sql.substring(values + "VALUES ".length(), end + 1);
        String tail = sql.substring(end + 1).strip();
        int perRow = Math.max(1, rows.get(0).length);
        int rowsPerStatement = Math.max(1, MAX_PARAMETERS / perRow);
        List<Statement> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            StringBuilder text = new StringBuilder(head.length() + chunk.size() * (tuple.length() + 2) + tail.length() + 1);
            text.append(head);
            Object[] parameters = new Object[chunk.size() * perRow];
            for (int i = 0; i < chunk.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(tuple);
                System.arraycopy(chunk.get(i), 0, parameters, i * perRow, perRow);
            }
            if (!tail.isEmpty()) {
                text.append(' ').append(tail);
            }
            statements.add(new Statement(text.toString(), parameters));
        }
        return statements;
    }
}
