package org.polisi.forms.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.polisi.forms.names.AnswerKeys;

/**
 * Migration 12: the derived search key (V11's {@code submission_name_key}) for every submission
 * stored before it existed. In Java because the key is ICU's folding ({@link AnswerKeys}), which
 * SQL cannot compute.
 */
final class NameKeyBackfill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "name keys for earlier submissions";
    }

    @Override
    public Integer getChecksum() {
        return 12;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, fields_json FROM submission WHERE erased_at IS NULL");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO submission_name_key (submission_id, accent_free) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            while (rows.next()) {
                insert.setLong(1, rows.getLong(1));
                insert.setString(2, AnswerKeys.of(CanonicalJson.readFields(rows.getString(2))));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
