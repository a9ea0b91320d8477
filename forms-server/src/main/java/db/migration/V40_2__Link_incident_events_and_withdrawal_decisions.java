package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.polisi.forms.storage.ChainBackfill;
import org.polisi.forms.storage.RecordChains;

/**
 * Links the incident events and withdrawal decisions already stored into their schools' record
 * chains (issue #23): SQL cannot compute SHA-256, so this step is Java. Runs between V40.1 (the
 * columns) and V40.3 (the triggers that require links).
 */
public class V40_2__Link_incident_events_and_withdrawal_decisions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ChainBackfill.link(context.getConnection(), RecordChains.INCIDENT_EVENT);
        ChainBackfill.link(context.getConnection(), RecordChains.WITHDRAWAL_DECISION);
    }
}
