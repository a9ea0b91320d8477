package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.export.PersonSearch;
import org.polisi.forms.names.AnswerKeys;
import org.sqlite.SQLiteDataSource;

/** Migration 12 gives submissions stored before the derived search key existed their key. */
class NameKeyBackfillTest {

    @Test
    void earlierSubmissionsGetTheirKeyAndAreFoundFast(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("old.db");
        Files.createDirectories(folder);
        SQLiteDataSource old = new SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + file);
        Database.migrations(old, false).target("11").load().migrate();
        Map<String, Object> answers = Map.of("parent-name", "Áine Ní Bhriain", "comments", "Diolch");
        Jdbi.create(old).useHandle(handle -> handle.createUpdate("""
                        INSERT INTO submission (school, seq, reference, form_id, form_kind, form_version, lang, fields_json,
                                                received_at, content_hash, prev_hash, hash)
                        VALUES ('testschool', 1, 'OLDREF23', 'parent-agreement', 'agreement', 'v', 'cy', :json,
                                '2025-01-01T00:00:00Z', 'x', 'x', 'x')""")
                .bind("json", CanonicalJson.write(answers)).execute());

        Jdbi migrated = Database.open(file);
        assertEquals(AnswerKeys.of(CanonicalJson.readFields(CanonicalJson.write(answers))), migrated.withHandle(handle -> handle.createQuery(
                "SELECT accent_free FROM submission_name_key").mapTo(String.class).one()));
        assertTrue(AnswerKeys.of(answers).contains("aine ni bhriain"), AnswerKeys.of(answers));
        assertEquals(1, new PersonSearch(migrated).find("Aine Ni Bhriain", PersonSearch.Scope.everything())
                .submissions().size());
    }
}
