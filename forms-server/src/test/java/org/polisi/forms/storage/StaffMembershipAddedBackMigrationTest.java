package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.config.DatabaseAddress;

/**
 * V112 (ADR 0101): one live membership per person and school, so a removed person can be added back
 * beside the removed row. A database filled as V111 left it keeps every membership and id, and the
 * rules on staff_user (never deleted, a removal never undone, school and person fixed) still hold;
 * SQLite re-creates the table, PostgreSQL changes the constraint in place.
 */
class StaffMembershipAddedBackMigrationTest {

    private static final String RHYS = "rhys@cluster.example";

    /** A database with a removed membership, filled as V111 left it, migrated: every row, id and history kept. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aDatabaseFilledBeforeTheChangeKeepsItsMembershipsAndTheirRules(TestDatabases.Kind kind, @TempDir Path folder) {
        DatabaseAddress address = TestDatabases.fresh(kind, folder);
        String rowsBefore;
        try (Database old = Database.connect(address, "111")) {
            old.jdbi().useHandle(handle -> {
                handle.execute("INSERT INTO staff_person (email, password_hash, created_at) VALUES (?, 'hash', ?)",
                        RHYS, Instant.EPOCH.toString());
                long person = handle.createQuery("SELECT id FROM staff_person").mapTo(Long.class).one();
                handle.execute("INSERT INTO staff_user (school, person_id, name, email, role, created_at)"
                        + " VALUES ('testschool', ?, 'Rhys', ?, 'office', ?)", person, RHYS, Instant.EPOCH.toString());
                handle.execute("INSERT INTO staff_user (school, person_id, name, email, role, created_at)"
                        + " VALUES ('otherschool', ?, 'Rhys', ?, 'office', ?)", person, RHYS, Instant.EPOCH.toString());
                handle.execute("UPDATE staff_user SET disabled = 1, removed_at = ? WHERE school = 'testschool'",
                        Instant.EPOCH.toString());
            });
            rowsBefore = rows(old.jdbi());
            assertThrows(RuntimeException.class, () -> addedBack(old.jdbi()), "before V112 a removed person stays out");
        }
        try (Database migrated = Database.connect(address)) {
            Jdbi jdbi = migrated.jdbi();
            assertEquals(rowsBefore, rows(jdbi), "every membership, with its id");
            addedBack(jdbi);
            assertThrows(RuntimeException.class, () -> addedBack(jdbi), "one live membership per school");
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "UPDATE staff_user SET removed_at = NULL WHERE school = 'testschool' AND removed_at IS NOT NULL")));
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "DELETE FROM staff_user WHERE removed_at IS NOT NULL")));
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "UPDATE staff_user SET school = 'elsewhere' WHERE removed_at IS NULL AND school = 'testschool'")));
            long added = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM staff_user WHERE school = 'testschool'"
                    + " AND removed_at IS NULL").mapTo(Long.class).one());
            // no id is used twice (PostgreSQL's sequence also moved past the insert refused before V112)
            assertTrue(added >= 3, "ids go on from where they were: " + added);
        }
    }

    private static void addedBack(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("INSERT INTO staff_user (school, person_id, name, email, role, created_at)"
                + " SELECT school, person_id, name, email, 'headteacher', created_at FROM staff_user"
                + " WHERE school = 'testschool' AND removed_at IS NOT NULL"));
    }

    private static String rows(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, school, person_id, name, email, role, created_at,"
                + " disabled, removed_at FROM staff_user ORDER BY id").mapToMap().list().toString());
    }

}
