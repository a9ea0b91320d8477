package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.staff.PasswordHasher;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.SubmissionDao;
import picocli.CommandLine;

class FormsCliTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            int exitCode = FormsCli.commandLine().execute(args);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalErr.print(errors.toString(StandardCharsets.UTF_8)); // still in the test's output
        }
    }

    @Test
    void userAddReadsThePasswordFromStandardInputAndTheAccountCanLogIn(@TempDir Path temporaryFolder) {
        String db = temporaryFolder.resolve("data/polisi.db").toString();
        String manifests = TestServer.fixture().resolve("manifests").toString();
        String password = "mango tractor lighthouse quilt";
        Run added = run(password + "\n", "user", "add", "--db", db, "--manifests", manifests, "--school", "testschool",
                "--name", "Nia Head", "--email", "nia@test.example", "--role", "headteacher");
        assertEquals(0, added.exitCode(), added.out());
        assertTrue(added.out().contains("/staff/account"), "says where the second factor is set up: " + added.out());

        String hash = Database.open(Path.of(db)).withHandle(handle -> handle.createQuery(
                "SELECT password_hash FROM staff_person WHERE email = 'nia@test.example'").mapTo(String.class).one());
        assertTrue(new PasswordHasher().matches(password, hash));
        assertEquals(2, run(password + "\n", "user", "add", "--db", db, "--manifests", manifests, "--school",
                "testschool", "--name", "X", "--email", "x@test.example", "--role", "caretaker").exitCode());
    }

    /** Issue 13: an account holds the office's account word; the form word is refused, naming every account word. */
    @Test
    void userAddTakesAccountRoleWordsAndSaysWhichInItsHelp(@TempDir Path temporaryFolder) {
        String db = temporaryFolder.resolve("data/polisi.db").toString();
        String manifests = TestServer.fixture().resolve("manifests").toString();
        String known = "headteacher, safeguarding-lead, online-safety-coordinator, office";
        Run refused = run("mango tractor lighthouse quilt\n", "user", "add", "--db", db, "--manifests", manifests,
                "--school", "testschool", "--name", "Olwen", "--email", "olwen@test.example", "--role", "school-office");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("role must be one of " + known), refused.err());
        assertEquals(0, run("mango tractor lighthouse quilt\n", "user", "add", "--db", db, "--manifests", manifests,
                "--school", "testschool", "--name", "Olwen", "--email", "olwen@test.example", "--role", "office")
                .exitCode());
        Run help = run("", "user", "add", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("One of " + known + "."), help.out());
    }

    /** Issue 23, fault 7: NIST SP 800-63B's checks, and only schools that exist. */
    @Test
    void userAddRefusesWeakPasswordsAndUnknownSchools(@TempDir Path temporaryFolder) {
        String db = temporaryFolder.resolve("data/polisi.db").toString();
        String manifests = TestServer.fixture().resolve("manifests").toString();
        for (String weak : new String[] {"aaaaaaaaaaaa", "password1234", "            ", "short", "aaaaaaaaaaaaaaaaaaaa",
            "abcdefghijklmnopqrstu", "12345678901234567890", "correct horse battery staple", "qwertyuiopasdfghjkl",
            "Nia Head testschool 2026", "password password password"}) {
            Run refused = run(weak + "\n", "user", "add", "--db", db, "--manifests", manifests, "--school",
                    "testschool", "--name", "Nia Head", "--email", "nia@test.example", "--role", "headteacher");
            assertEquals(2, refused.exitCode(), "'" + weak + "' was accepted");
        }
        for (String school : new String[] {"nosuchschool", "testschool2", "rumney"}) {
            assertEquals(2, run("mango tractor lighthouse quilt\n", "user", "add", "--db", db, "--manifests", manifests,
                    "--school", school, "--name", "Nia", "--email", "nia@test.example", "--role", "headteacher")
                    .exitCode(), school);
        }
        int accounts = Database.open(Path.of(db)).withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM staff_user").mapTo(Integer.class).one());
        assertEquals(0, accounts);
    }

    /** The refusal says what nbvcxz found: a common password used twice, not the holder's name. */
    @Test
    void aWeakPasswordIsRefusedForItsTrueReason(@TempDir Path temporaryFolder) {
        String db = temporaryFolder.resolve("data/polisi.db").toString();
        String manifests = TestServer.fixture().resolve("manifests").toString();
        Run refused = run("passwordpassword1\n", "user", "add", "--db", db, "--manifests", manifests, "--school",
                "testschool", "--name", "Nia Head", "--email", "nia@test.example", "--role", "headteacher");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("a commonly used password"), refused.err());
        assertTrue(refused.err().contains("the same part more than once"), refused.err());
        assertFalse(refused.err().contains("your name"), refused.err());
        Run named = run("nia head nia head 2026\n", "user", "add", "--db", db, "--manifests", manifests, "--school",
                "testschool", "--name", "Nia Head", "--email", "nia@test.example", "--role", "headteacher");
        assertEquals(2, named.exitCode());
        assertTrue(named.err().contains("your name, e-mail address or school"), named.err());
    }

    @Test
    void verifyBackupAndExport(@TempDir Path temporaryFolder) throws Exception {
        String db = temporaryFolder.resolve("data/polisi.db").toString();
        String manifests = TestServer.fixture().resolve("manifests").toString();
        String texts = TestServer.fixture().resolve("agreed-texts").toString();
        String agreementReference;
        try (TestServer server = TestServer.start(temporaryFolder)) {
            agreementReference = reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "@SUM(1+1) Rhys"))));
            reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Rhys was sent unkind messages"))));

            Run verified = run("", "verify", "--db", db, "--agreed-texts", texts);
            assertEquals(0, verified.exitCode(), verified.out());
            assertTrue(verified.out().contains("OK testschool submission: 2 record(s)"), verified.out());
            assertTrue(verified.out().contains("OK agreed texts: 15 snapshot(s)"), verified.out());

            Path backup = temporaryFolder.resolve("backups/copy.db");
            Run backedUp = run("", "backup", "--db", db, "--agreed-texts", texts, "--to", backup.toString());
            assertEquals(0, backedUp.exitCode());
            assertTrue(Database.open(backup).withExtension(SubmissionDao.class,
                    dao -> dao.findByReference(agreementReference)).isPresent());
            assertTrue(backedUp.out().contains("Backed up 15 agreed text(s)"), backedUp.out());
            assertTrue(backedUp.out().contains("Not in the backup") && backedUp.out().contains("second-factor-aes.key"),
                    "backup names the key it leaves out: " + backedUp.out());
            assertTrue(Files.isRegularFile(temporaryFolder.resolve("backups/copy.db.agreed-texts/testschool/parent-agreement/"
                    + org.polisi.forms.Submissions.version("en", 1) + ".json")), "the archive is copied beside the database");
            assertEquals(0, run("", "verify", "--db", backup.toString(), "--agreed-texts",
                    temporaryFolder.resolve("backups/copy.db.agreed-texts").toString()).exitCode(), "the backup verifies");
            assertEquals(2, run("", "backup", "--db", db, "--to", backup.toString()).exitCode(), "never overwrites");

            Path csv = temporaryFolder.resolve("agreements.csv");
            assertEquals(0, run("", "export", "--db", db, "--manifests", manifests, "--school", "testschool",
                    "--form", "parent-agreement", "--out", csv.toString()).exitCode());
            String text = Files.readString(csv);
            assertTrue(text.startsWith("\uFEFFReference,\"Received (UTC, ISO 8601)\",Received (UK time),Language,Form version,"
                    + "Urgent,Your name,"), "a byte order mark for Excel (issue 20), then the header: " + text);
            assertTrue(text.contains(",1 September 2026,"), "a date answer as people read it: " + text);
            assertTrue(text.contains("'@SUM(1+1) Rhys"), text);
            assertTrue(text.contains("Year 3"));

            Run person = run("", "export", "--db", db, "--person", "rhys");
            assertEquals(0, person.exitCode());
            assertTrue(person.out().contains(agreementReference), person.out());
            assertTrue(person.out().contains("Rhys was sent unkind messages"));

            Run erase = run("", "erase", "--db", db, "--school", "testschool", "--reference", agreementReference);
            assertEquals(0, erase.exitCode(), erase.out());
            assertEquals(0, run("", "verify", "--db", db, "--agreed-texts", texts).exitCode(),
                    "an erasure leaves the chain whole");

            server.jdbi().useHandle(handle -> {
                handle.execute("DROP TRIGGER submission_only_erasure");
                handle.execute("UPDATE submission SET lang = 'cy' WHERE seq = 2");
            });
            Run broken = run("", "verify", "--db", db, "--agreed-texts", texts);
            assertEquals(1, broken.exitCode());
            assertTrue(broken.out().contains("BROKEN testschool submission: record 2"), broken.out());
        }
    }

    /** Issue 14: purge applies the form's rule and says, for each record it removed, until when it was kept and why. */
    @Test
    void purgePrintsWhatItRemovedAndWhy(@TempDir Path temporaryFolder) {
        var config = TestServer.settings(temporaryFolder).load();
        String old;
        String recent;
        try (TestServer past = TestServer.start(config, Clock.offset(Clock.systemUTC(), Duration.ofDays(-40)))) {
            old = reference(past.browser().post("/forms/testschool/images-consent",
                    form(org.polisi.forms.Submissions.consent("en", "Old Pupil", "given", "given"))));
        }
        try (TestServer present = TestServer.start(config, Clock.systemUTC())) {
            recent = reference(present.browser().post("/forms/testschool/images-consent",
                    form(org.polisi.forms.Submissions.consent("en", "New Pupil", "given", "given"))));
        }
        Run purged = run("", "purge", "--db", config.database().file().toString(), "--manifests",
                config.manifestDir().toString());
        assertEquals(0, purged.exitCode(), purged.out());
        assertTrue(purged.out().contains("purged testschool images-consent " + old), purged.out());
        assertTrue(purged.out().contains("(30 days after it was received)"), purged.out());
        assertTrue(!purged.out().contains(recent), purged.out());
        assertTrue(purged.out().contains("1 submission(s) purged"), purged.out());
    }
}
