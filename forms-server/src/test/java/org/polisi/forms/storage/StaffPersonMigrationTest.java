package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.staff.AccountService;
import org.polisi.forms.staff.PasswordHasher;
import org.polisi.forms.staff.StaffUser;
import org.polisi.forms.staff.StaffUserDao;

/**
 * V100 (issue 25 fault 2, docs/adr/0080) on both databases: a database whose accounts V99 left (one
 * e-mail address, one account) becomes one person per account with the same id, each account their
 * only membership; passwords, second factors, recovery codes and sessions are kept; every chain
 * still verifies; and from then on an address can hold one membership per school, never two at one
 * school, while people and memberships stay undeletable.
 */
class StaffPersonMigrationTest {

    private static final Instant MORNING = Instant.parse("2026-09-01T08:30:00Z");
    private static final String SECRET = "sealed-secret-as-stored";

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void everyAccountBecomesOnePersonAndNothingIsLost(TestDatabases.Kind kind, @TempDir Path folder) {
        DatabaseAddress address = TestDatabases.fresh(kind, folder);
        PasswordHasher hasher = new PasswordHasher();
        String headHash = hasher.hash("heledd password one");
        String officeHash = hasher.hash("owain password two");
        List<Map<String, Object>> factorsBefore;
        try (Database old = Database.connect(address, "99")) {
            Jdbi jdbi = old.jdbi();
            long head = account(jdbi, "testschool", "Heledd Head", "Head@Test.example", "headteacher", headHash);
            account(jdbi, "otherschool", "Owain Office", "owain@other.example", "office", officeHash);
            jdbi.useTransaction(handle -> {
                handle.execute("INSERT INTO staff_second_factor (staff_user_id, secret, enrolled_at, last_step)"
                        + " VALUES (?, ?, ?, 7)", head, SECRET, Times.format(MORNING));
                for (String code : List.of("c1", "c2")) {
                    handle.execute("INSERT INTO staff_recovery_code (staff_user_id, code_hash, created_at) VALUES (?, ?, ?)",
                            head, code, Times.format(MORNING));
                }
                try (WriteTransaction transaction = WriteTransaction.over(handle);
                     RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, "testschool")) {
                    StaffAccountHistory.changed(events, head, StaffAccountHistory.SECOND_FACTOR,
                            StaffAccountHistory.secondFactorDigest(SECRET, List.of("c1", "c2")), "test", MORNING);
                }
                handle.execute("INSERT INTO staff_session (id_hash, staff_user_id, csrf_token, created_at, last_seen_at,"
                        + " language, enrolment_due) VALUES ('session-hash', ?, 'token', ?, ?, 'cy', 0)", head,
                        Times.format(MORNING), Times.format(MORNING));
                handle.execute("INSERT INTO staff_pending_sign_in (id_hash, staff_user_id, started_at) VALUES"
                        + " ('pending-hash', ?, ?)", head, Times.format(MORNING));
            });
            factorsBefore = jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT id, staff_user_id AS owner, code_hash, used_at FROM staff_recovery_code ORDER BY id").mapToMap().list());
            assertAllVerify(jdbi);
        }
        try (Database migrated = Database.connect(address)) {
            Jdbi jdbi = migrated.jdbi();
            assertEquals(List.of(Map.of("id", 1L, "email", "Head@Test.example", "password_hash", headHash),
                            Map.of("id", 2L, "email", "owain@other.example", "password_hash", officeHash)),
                    jdbi.withHandle(handle -> handle.createQuery("SELECT id, email, password_hash FROM staff_person ORDER BY id")
                            .map((row, context) -> Map.<String, Object>of("id", row.getLong(1), "email", row.getString(2),
                                    "password_hash", row.getString(3))).list()));
            assertEquals(2, count(jdbi, "SELECT count(*) FROM staff_user WHERE person_id = id"), "each its own person");
            StaffUser head = jdbi.withExtension(StaffUserDao.class, users -> users.findByEmail("head@test.example"))
                    .orElseThrow();
            assertTrue(new PasswordHasher().matches("heledd password one", head.passwordHash()), "the password kept");
            assertEquals(SECRET, jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT secret FROM staff_second_factor WHERE person_id = 1 AND last_step = 7").mapTo(String.class).one()));
            assertEquals(factorsBefore, jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT id, person_id AS owner, code_hash, used_at FROM staff_recovery_code ORDER BY id").mapToMap().list()),
                    "recovery codes kept, with their ids, now the person's");
            assertEquals(1, count(jdbi, "SELECT count(*) FROM staff_session WHERE staff_user_id = 1 AND language = 'cy'"),
                    "the session is kept: nobody is signed out by the migration");
            assertEquals(0, count(jdbi, "SELECT count(*) FROM staff_pending_sign_in"), "half-done sign-ins start again");
            assertAllVerify(jdbi);

            // from now on: one membership per school, a person at several schools
            AccountService accounts = new AccountService(jdbi, new PasswordHasher(), Clock.systemUTC(),
                    new ManifestCatalog(TestServer.fixture().resolve("manifests")));
            long second = accounts.add("otherschool", "Heledd Head", "head@test.example", "safeguarding-lead", null);
            assertTrue(second > 2, "ids go on from where they were");
            assertEquals(1L, jdbi.withExtension(StaffUserDao.class, users -> users.findById(second)).orElseThrow().personId());
            long newcomer = accounts.add("testschool", "Nia New", "nia@test.example", "office", "mango tractor lighthouse quilt");
            assertEquals(3L, jdbi.withExtension(StaffUserDao.class, users -> users.findById(newcomer)).orElseThrow().personId());
            assertThrows(IllegalArgumentException.class,
                    () -> accounts.add("testschool", "Heledd", "HEAD@test.example", "office", null));
            assertAllVerify(jdbi);

            // the database itself refuses what Polisi never does
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "INSERT INTO staff_user (school, person_id, name, email, role, created_at) VALUES"
                            + " ('testschool', 1, 'Again', 'head@test.example', 'office', 'x')")), "two at one school");
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "INSERT INTO staff_person (email, email_key, password_hash, created_at)"
                            + " VALUES ('HEAD@TEST.EXAMPLE', 'head@test.example', 'h', 'x')")),
                    "one person per address, whatever its case (its key, ADR 0107)");
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "INSERT INTO staff_person (email, password_hash, created_at) VALUES ('new@test.example', 'h', 'x')")),
                    "no person without their address's key");
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "DELETE FROM staff_person WHERE id = 2")), "a person is never deleted");
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "DELETE FROM staff_user WHERE id = 2")), "a membership is never deleted");
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "UPDATE staff_user SET person_id = 2 WHERE id = 1")), "a membership keeps its person");
            assertThrows(RuntimeException.class, () -> jdbi.useHandle(handle -> handle.execute(
                    "UPDATE staff_user SET school = 'otherschool' WHERE id = 1")), "and its school");
        }
    }

    /** An account as a server before V100 made it: the row and its chained creation events. */
    private static long account(Jdbi jdbi, String school, String name, String email, String role, String hash) {
        return jdbi.inTransaction(handle -> {
            long id = handle.createUpdate("INSERT INTO staff_user (school, name, email, role, password_hash, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, school).bind(1, name).bind(2, email).bind(3, role).bind(4, hash).bind(5, Times.format(MORNING))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            try (WriteTransaction transaction = WriteTransaction.over(handle);
                 RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, school)) {
                StaffAccountHistory.created(events, id, school, name, email, role, hash, "command line", MORNING);
            }
            return id;
        });
    }

    private static int count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static void assertAllVerify(Jdbi jdbi) {
        List<ChainVerifier.SchoolResult> results = new ChainVerifier(jdbi).verifyAll();
        assertTrue(results.stream().allMatch(result -> result.problem().isEmpty()), results.toString());
        assertTrue(results.stream().anyMatch(result -> result.chain().equals(RecordChains.STAFF_ACCOUNT.name())
                && result.records() > 0), results.toString());
    }
}
