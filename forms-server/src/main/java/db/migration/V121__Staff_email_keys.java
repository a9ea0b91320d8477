package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.polisi.forms.staff.EmailClashes;
import org.polisi.forms.staff.EmailKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills V120's {@code staff_person.email_key} for every person ({@link EmailKey}: SQL cannot compute
 * ICU's case folding, so this step is Java, the same on SQLite and PostgreSQL), then makes the key
 * unique among the people not marked (docs/adr/0107).
 *
 * <p>People an older version let share a key (on SQLite, "siân@…" and "SIÂN@…") are kept, both
 * rows, and marked ({@code email_clash = 1}), so the server still starts; each clash is logged in
 * plain words, and {@code forms verify} and {@code forms migrate} name it until one is removed or
 * given another address.
 */
public class V121__Staff_email_keys extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V121__Staff_email_keys.class);

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<Long, String> keys = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, email FROM staff_person ORDER BY id")) {
            while (rows.next()) {
                keys.put(rows.getLong(1), EmailKey.of(rows.getString(2)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE staff_person SET email_key = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> key : keys.entrySet()) {
                update.setString(1, key.getValue());
                update.setLong(2, key.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement mark = connection.prepareStatement("UPDATE staff_person SET email_clash = 1 WHERE id = ?")) {
            for (EmailClashes.Clash clash : EmailClashes.find(connection)) {
                for (EmailClashes.Account account : clash.accounts()) {
                    mark.setLong(1, account.personId());
                    mark.addBatch();
                }
                LOG.warn("Staff addresses: {}", clash.describe());
            }
            mark.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNIQUE INDEX staff_person_email_key ON staff_person (email_key) WHERE email_clash = 0");
            // every person has a key from now on: a row without one would be found by no sign-in or check
            if (connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                statement.execute("ALTER TABLE staff_person ALTER COLUMN email_key SET NOT NULL");
            } else {   // SQLite cannot add NOT NULL to a column in place
                statement.execute("CREATE TRIGGER staff_person_email_key_given BEFORE INSERT ON staff_person"
                        + " WHEN NEW.email_key IS NULL BEGIN SELECT RAISE(ABORT, 'a staff person needs their address''s"
                        + " key (ADR 0107)'); END");
                statement.execute("CREATE TRIGGER staff_person_email_key_kept BEFORE UPDATE OF email_key ON staff_person"
                        + " WHEN NEW.email_key IS NULL BEGIN SELECT RAISE(ABORT, 'a staff person needs their address''s"
                        + " key (ADR 0107)'); END");
            }
        }
    }
}
