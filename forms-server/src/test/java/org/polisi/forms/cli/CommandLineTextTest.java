package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;

/**
 * Tester 5's fault 8: the command line stored control characters in the names and words it records
 * ({@code erase --by $'Tess\nFAKE LINE'}, {@code user disable --by $'Ann\r\nX\x1b[31m'}), which the
 * web refuses in every name field. The kind: every option whose text is stored ({@code erase --by},
 * {@code --because}, {@code user add --name}, every account change's {@code --by}). Each refuses a
 * control character or a line separator, saying which option and what, and stores nothing; a
 * decomposed Welsh name is stored composed (NFC). And erasing an erased record says it was erased, by
 * whom and when, not that there is no such record. The real command line, on both databases.
 */
class CommandLineTextTest {

    private static final List<String> UNREADABLE = List.of("Tess\nFAKE LINE", "Ann\r\nX\u001b[31m", "Tab\there",
            "Bell\u0007", "C1\u009b31m", "Line\u2028separator", "\u0000", "   ");

    private static String db(TestServer server, ServerConfig config, TestDatabases.Kind kind) {
        return kind == TestDatabases.Kind.SQLITE ? server.database.toString()
                : config.database().jdbcUrl() + "?user=" + config.database().user();
    }

    private static String manifests() {
        return TestServer.fixture().resolve("manifests").toString();
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void everyStoredOptionRefusesControlCharactersAndStoresNothing(TestDatabases.Kind kind, @TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder, kind).load();
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            String db = db(server, config, kind);
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            String record = reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(agreement("en"))));
            int events = server.count("SELECT count(*) FROM staff_account_event");

            for (String unreadable : UNREADABLE) {
                FormsCliTestAccess.Run erase = FormsCliTestAccess.run("erase", "--db", db, "--manifests", manifests(),
                        "--school", "testschool", "--reference", record, "--by", unreadable);
                assertEquals(2, erase.exitCode(), erase.out());
                assertTrue(erase.err().contains("'--by'"), "names the option: " + erase.err());
                FormsCliTestAccess.Run because = FormsCliTestAccess.run("erase", "--db", db, "--manifests", manifests(),
                        "--school", "testschool", "--reference", record, "--by", "Tess", "--because", unreadable);
                assertEquals(2, because.exitCode(), because.out());
                assertTrue(because.err().contains("'--because'"), because.err());
                FormsCliTestAccess.Run disable = FormsCliTestAccess.run("user", "disable", "--db", db, "--manifests",
                        manifests(), "--school", "testschool", "--email", "office@test.example", "--by", unreadable);
                assertEquals(2, disable.exitCode(), disable.out());
                FormsCliTestAccess.Run add = FormsCliTestAccess.runWithInput("mango tractor lighthouse quilt\n", "user",
                        "add", "--db", db, "--manifests", manifests(), "--school", "testschool", "--name", unreadable,
                        "--email", "new@test.example", "--role", "office");
                assertEquals(2, add.exitCode(), add.out());
                assertTrue(add.err().contains("'--name'"), add.err());
            }
            // an address is stored and printed too: no control, format or space character in it
            for (String address : List.of("a\u001b[31m@test.example", "a@test\u0000.example", "a\u202E@test.example",
                    "a@test.exam\u0085ple", "a\u00A0b@test.example", "a@test.example\u2028")) {
                FormsCliTestAccess.Run add = FormsCliTestAccess.runWithInput("mango tractor lighthouse quilt\n", "user",
                        "add", "--db", db, "--manifests", manifests(), "--school", "testschool", "--name", "Nia Head",
                        "--email", address, "--role", "office");
                assertEquals(2, add.exitCode(), add.out());
                assertTrue(add.err().contains("email must be an email address") || add.err().contains("'--email'"),
                        add.err());
                FormsCliTestAccess.Run change = FormsCliTestAccess.run("user", "change-email", "--db", db, "--manifests",
                        manifests(), "--school", "testschool", "--email", "office@test.example", "--new-email", address,
                        "--by", "Heledd Pennaeth");
                assertEquals(2, change.exitCode(), change.out());
            }
            assertEquals(1, server.count("SELECT count(*) FROM staff_person"), "only Olwen's address");
            // values only looked up are refused the same way, never passed to the database (a NUL broke PostgreSQL's driver)
            for (String[] lookup : List.<String[]>of(
                    new String[] {"erase", "--school", "test\u0000school", "--reference", record, "--by", "Tess"},
                    new String[] {"erase", "--school", "testschool", "--reference", "\u0000" + record, "--by", "Tess"},
                    new String[] {"user", "disable", "--school", "testschool", "--email", "office@test.example\u0000",
                        "--by", "Tess"},
                    new String[] {"export", "--person", "Rhys\u0000"})) {
                String[] args = java.util.Arrays.copyOf(lookup, lookup.length + 4);
                System.arraycopy(new String[] {"--db", db, "--manifests", manifests()}, 0, args, lookup.length, 4);
                FormsCliTestAccess.Run refused = FormsCliTestAccess.run(args);
                assertEquals(2, refused.exitCode(), String.join(" ", lookup) + ": " + refused.err());
                assertTrue(refused.err().contains("the control character U+0000"), refused.err());
            }
            FormsCliTestAccess.Run line = FormsCliTestAccess.run("erase", "--db", db, "--manifests", manifests(),
                    "--school", "testschool", "--reference", record, "--by", "Tess\nFAKE LINE");
            assertTrue(line.err().contains("a line feed at character 5"), "says what and where: " + line.err());
            assertEquals(0, server.count("SELECT count(*) FROM erasure"), "nothing erased");
            assertEquals(events, server.count("SELECT count(*) FROM staff_account_event"), "no account change");
            assertEquals(0, server.count("SELECT count(*) FROM staff_user WHERE email = 'new@test.example'"));
            assertEquals(0, server.count("SELECT count(*) FROM staff_user WHERE disabled <> 0"));

            // readable text is stored, composed; a bidirectional control is kept as typed (shown as [U+202E])
            String decomposed = "Gwenlli\u0308an ap Dafydd";
            FormsCliTestAccess.Run erased = FormsCliTestAccess.run("erase", "--db", db, "--manifests", manifests(),
                    "--school", "testschool", "--reference", record, "--by", decomposed, "--because", "Asked \u202Eby letter");
            assertEquals(0, erased.exitCode(), erased.err());
            assertEquals("Gwenllïan ap Dafydd", server.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT erased_by FROM erasure").mapTo(String.class).one()));

            // erasing it again says it was erased, when and by whom
            FormsCliTestAccess.Run again = FormsCliTestAccess.run("erase", "--db", db, "--manifests", manifests(),
                    "--school", "testschool", "--reference", record, "--by", "Tess");
            assertEquals(1, again.exitCode());
            assertTrue(again.out().startsWith("Not erased again: testschool " + record + " was erased at 20")
                    && again.out().contains(" by Gwenllïan ap Dafydd"), again.out());
            FormsCliTestAccess.Run unknown = FormsCliTestAccess.run("erase", "--db", db, "--manifests", manifests(),
                    "--school", "testschool", "--reference", "NOSUCH99", "--by", "Tess");
            assertEquals("No such record to erase: testschool NOSUCH99", unknown.out().strip());
        }
    }
}
