package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.cli.FormsCliTestAccess;

/**
 * Tester 7's finding 11 (ADR 0107): {@code forms migrate} from an SQLite file that an older version
 * let hold "siân@…" and "SIÂN@…" as two people (the rows written directly, as that version did) is
 * refused before anything is copied, in plain words that name the addresses, their schools and what
 * to do, never SQL or a password hash; once one of them is removed, the copy goes through.
 */
class MigrateStaffAddressClashTest {

    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";

    @Test
    void aClashIsRefusedInPlainWordsAndNothingIsCommitted(@TempDir Path folder) {
        DatabaseAddress target = TestDatabases.postgresql();
        DatabaseAddress source = DatabaseAddress.sqlite(folder.resolve("data/polisi.db"));
        try (Database old = Database.connect(source, "112")) {
            old.jdbi().useHandle(handle -> {
                String[][] people = {{"siân@example.org", "testschool"}, {"SIÂN@example.org", "testschool"},
                    {"straße@example.org", "testschool"}, {"STRASSE@example.org", "otherschool"},
                    {"zoë@example.org", "testschool"}, {"zoe\u0308@example.org", "testschool"},
                    {"rhys@example.org", "testschool"}};
                for (String[] person : people) {
                    handle.execute("INSERT INTO staff_person (email, password_hash, created_at) VALUES (?, ?, ?)",
                            person[0], HASH, Instant.EPOCH.toString());
                    long id = handle.createQuery("SELECT max(id) FROM staff_person").mapTo(Long.class).one();
                    handle.execute("INSERT INTO staff_user (school, person_id, name, email, role, created_at)"
                            + " VALUES (?, ?, 'Someone', ?, 'office', ?)", person[1], id, person[0], Instant.EPOCH.toString());
                }
            });
        }
        FormsCliTestAccess.Run run = FormsCliTestAccess.run("migrate", "--from", source.file().toString(),
                "--to", target.jdbcUrl() + "?user=" + target.user());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        String said = run.out() + run.err();
        assertTrue(said.contains("two accounts at testschool differ only in letter case: siân@example.org and"
                + " SIÂN@example.org; they are one address now, so remove one with `forms user remove"), said);
        assertTrue(said.contains("two staff accounts differ only in letter case: straße@example.org (at testschool)"
                + " and STRASSE@example.org (at otherschool)"), said);
        assertTrue(said.contains("two accounts at testschool are one address written in two Unicode forms"
                + " (an accent typed as a separate mark): zoë@example.org and zoe\u0308@example.org"), said);
        for (String never : List.of("INSERT", "argon2", "c2FsdHNhbHQ", "SQL", "Batch", "duplicate key")) {
            assertFalse(said.contains(never), never + " in: " + said);
        }
        Jdbi copy = Database.open(target);
        assertEquals(0, (int) copy.withHandle(handle -> handle.createQuery("SELECT count(*) FROM staff_person")
                .mapTo(Integer.class).one()), "nothing committed");

        // verify names each clash on the source too
        FormsCliTestAccess.Run verify = FormsCliTestAccess.run("verify", "--db", source.file().toString());
        assertTrue(verify.out().contains("ATTENTION two accounts at testschool differ only in letter case: siân@"),
                verify.out() + verify.err());

        // one of each removed (as user remove does) or moved to another address: the copy goes through
        Jdbi from = Database.open(source);
        from.useHandle(handle -> handle.execute("UPDATE staff_user SET disabled = 1, removed_at = ?"
                + " WHERE email IN ('SIÂN@example.org', 'STRASSE@example.org', 'zoe\u0308@example.org')",
                Instant.EPOCH.toString()));
        DatabaseCopy.Copied copied = new DatabaseCopy(from, copy).copy(line -> { });
        assertEquals(7L, copied.rowsByTable().get("staff_person"));
    }
}
