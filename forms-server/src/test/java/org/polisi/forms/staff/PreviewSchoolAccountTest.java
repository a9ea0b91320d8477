package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCliTestAccess;

/**
 * The 23:40 tester, fault 10: {@code user add --school ngp-template} (a cluster template's preview)
 * was accepted. A preview takes no submissions and has no staff: the account is refused, and the
 * message names the schools served. An address already used at another school gets a membership there
 * (one person, several schools: docs/adr/0080); at the same school again it is refused with a message
 * that says where.
 */
class PreviewSchoolAccountTest {

    @Test
    void aTemplatePreviewHasNoStaffAccounts(@TempDir Path folder) throws Exception {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path preview = manifests.resolve("ngp-template.json");
        String json = Files.readString(manifests.resolve("otherschool.json"), StandardCharsets.UTF_8)
                .replace("\"otherschool\"", "\"ngp-template\"");
        Files.writeString(preview, json.replaceFirst("\\{", "{\"preview\": true,"), StandardCharsets.UTF_8);
        String db = folder.resolve("data/polisi.db").toString();

        FormsCliTestAccess.Run refused = FormsCliTestAccess.runWithInput(TestServer.PASSWORD + "\n", "user", "add",
                "--db", db, "--manifests", manifests.toString(), "--school", "ngp-template", "--name", "Nia Preview",
                "--email", "nia@test.example", "--role", "office");
        assertEquals(2, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("template's preview") && refused.err().contains("testschool"), refused.err());

        FormsCliTestAccess.Run added = FormsCliTestAccess.runWithInput(TestServer.PASSWORD + "\n", "user", "add",
                "--db", db, "--manifests", manifests.toString(), "--school", "testschool", "--name", "Nia Real",
                "--email", "nia@test.example", "--role", "office");
        assertEquals(0, added.exitCode(), added.out());

        // the same address at another school: a membership of the same person (docs/adr/0080), no password asked
        FormsCliTestAccess.Run again = FormsCliTestAccess.runWithInput("", "user", "add",
                "--db", db, "--manifests", manifests.toString(), "--school", "otherschool", "--name", "Nia Real",
                "--email", "NIA@test.example", "--role", "safeguarding-lead");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("keeps its password and second factor"), again.out());
        // the same address at the same school again: refused, and the message says where it is held
        FormsCliTestAccess.Run twice = FormsCliTestAccess.runWithInput(TestServer.PASSWORD + "\n", "user", "add",
                "--db", db, "--manifests", manifests.toString(), "--school", "otherschool", "--name", "Nia Real",
                "--email", "nia@TEST.example", "--role", "office");
        assertEquals(2, twice.exitCode(), twice.out());
        assertTrue(twice.err().contains("already has an account at otherschool (safeguarding-lead)"), twice.err());

        // disabling one membership leaves the other; disabling the last one leaves the person unable to sign in
        FormsCliTestAccess.Run first = FormsCliTestAccess.runWithInput("", "user", "disable", "--db", db,
                "--manifests", manifests.toString(), "--school", "otherschool", "--email", "nia@test.example",
                "--by", "Head");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("Its account at another school stays as it is."), first.out());
        FormsCliTestAccess.Run last = FormsCliTestAccess.runWithInput("", "user", "disable", "--db", db,
                "--manifests", manifests.toString(), "--school", "testschool", "--email", "nia@test.example",
                "--by", "Head");
        assertEquals(0, last.exitCode(), last.err());
        assertTrue(last.out().contains("last enabled account: it cannot sign in at all now"), last.out());
    }
}
