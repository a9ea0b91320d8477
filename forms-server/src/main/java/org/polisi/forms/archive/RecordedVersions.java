package org.polisi.forms.archive;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The form versions the stored records name, each with how many records name it. */
@RegisterConstructorMapper(RecordedVersions.Version.class)
public interface RecordedVersions {

    record Version(String school, String formId, String formVersion, int records) {
    }

    @SqlQuery("""
            SELECT school, form_id, form_version, count(*) AS records
            FROM submission GROUP BY school, form_id, form_version ORDER BY school, form_id, form_version
            """)
    List<Version> all();
}
