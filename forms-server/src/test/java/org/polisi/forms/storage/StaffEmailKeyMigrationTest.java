package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.staff.EmailClashes;
import org.polisi.forms.staff.EmailKey;
import org.polisi.forms.staff.StaffUser;
import org.polisi.forms.staff.StaffUserDao;

/**
 * V120 and V121 (ADR 0107): every staff person gets their address's key; people an older version let
 * share one ("straße@…" and "STRASSE@…" on either database, since neither NOCASE nor lower() folds ß)
 * are kept and marked, not a failed start; each is named in plain words, and sign-in picks the person
 * spelt as typed. The key is unique among the rest.
 */
class StaffEmailKeyMigrationTest {

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void peopleAnOlderVersionLetShareAnAddressAreKeptMarkedAndNamed(TestDatabases.Kind kind, @TempDir Path folder)
            throws Exception {
        DatabaseAddress address = TestDatabases.fresh(kind, folder);
        try (Database old = Database.connect(address, "112")) {
            old.jdbi().useHandle(handle -> {
                for (String email : List.of("straße@example.org", "STRASSE@example.org", "rhys@example.org")) {
                    handle.execute("INSERT INTO staff_person (email, password_hash, created_at) VALUES (?, 'hash', ?)",
                            email, Instant.EPOCH.toString());
                    long person = handle.createQuery("SELECT max(id) FROM staff_person").mapTo(Long.class).one();
                    handle.execute("INSERT INTO staff_user (school, person_id, name, email, role, created_at)"
                            + " VALUES ('testschool', ?, 'Someone', ?, 'office', ?)", person, email, Instant.EPOCH.toString());
                }
            });
        }
        try (Database migrated = Database.connect(address)) {   // the start does not fail
            Jdbi jdbi = migrated.jdbi();
            assertEquals(List.of("strasse@example.org|1", "strasse@example.org|1", "rhys@example.org|0"),
                    jdbi.withHandle(handle -> handle.createQuery("SELECT email_key, email_clash FROM staff_person ORDER BY id")
                            .map((rows, context) -> rows.getString(1) + "|" + rows.getInt(2)).list()));
            List<EmailClashes.Clash> clashes = jdbi.withHandle(handle -> EmailClashes.find(handle.getConnection()));
            assertEquals(1, clashes.size());
            assertEquals("two accounts at testschool differ only in letter case: straße@example.org and"
                    + " STRASSE@example.org; they are one address now, so remove one with `forms user remove --school"
                    + " testschool --email ADDRESS` or give it another address with `forms user change-email`",
                    clashes.get(0).describe());
            // sign-in is never ambiguous: the person spelt as typed, else the older
            assertEquals(List.of("STRASSE@example.org"), jdbi.withExtension(StaffUserDao.class,
                    users -> users.memberships("STRASSE@example.org")).stream().map(StaffUser::email).toList());
            assertEquals(List.of("straße@example.org"), jdbi.withExtension(StaffUserDao.class,
                    users -> users.memberships("Strasse@example.org")).stream().map(StaffUser::email).toList());
            // the key is unique among the people not marked
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "INSERT INTO staff_person (email, email_key, password_hash, created_at) VALUES (?, ?, 'x', 'now')",
                    "RHYS@example.org", EmailKey.of("RHYS@example.org"))));
        }
    }
}
