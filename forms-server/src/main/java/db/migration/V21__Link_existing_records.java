package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.polisi.forms.storage.ChainBackfill;

/**
 * Links the rows already in the record chains' tables (issue #23): SQL cannot compute SHA-256, so
 * this step is Java. Runs between V20 (the columns) and V22 (the triggers that require links).
 */
public class V21__Link_existing_records extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ChainBackfill.linkExisting(context.getConnection());
    }
}
