package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCliTestAccess;
import org.polisi.forms.storage.ChainVerifier;

/**
 * Issue 20, fault 8 (the staff side): "the staff login names Polisi, not the school, and has no route
 * for a forgotten password". The sign-in page names the school it serves in both languages, and
 * {@code ./polisi forms user reset} issues a new password under the same rules as a new account's,
 * keeping the second factor and recording the change in the account's chain.
 */
class PasswordResetAndBrandingTest {

    @Test
    void theSignInPageNamesTheSchoolInBothLanguages(@TempDir Path folder) throws Exception {
        Path manifests = folder.resolve("manifests");
        Files.createDirectories(manifests);
        Files.copy(TestServer.fixture().resolve("manifests/testschool.json"), manifests.resolve("testschool.json"));
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("manifest-dir", manifests).load(),
                Clock.systemUTC())) {
            Document english = Jsoup.parse(server.browser().get("/staff/login?lang=en").body());
            assertTrue(english.selectFirst("header").text().contains("Test Primary School"), english.selectFirst("header").text());
            assertTrue(!english.selectFirst("header").text().contains("Polisi"), "not the software's name");
            Document welsh = Jsoup.parse(server.browser().get("/staff/login?lang=cy").body());
            assertTrue(welsh.selectFirst("header").text().contains("Ysgol Gynradd Prawf"), welsh.selectFirst("header").text());
        }
    }

    @Test
    void aServerForSeveralSchoolsNamesTheOneAskedFor(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            Document page = Jsoup.parse(server.browser().get("/staff/login?lang=en&school=testschool").body());
            assertTrue(page.selectFirst("header").text().contains("Test Primary School"), page.selectFirst("header").text());
            assertTrue(page.selectFirst("form[method=post]").attr("action").contains("school=testschool"),
                    "a wrong password shows the same school again");
            Document unknown = Jsoup.parse(server.browser().get("/staff/login?lang=en&school=no-such").body());
            assertTrue(!unknown.selectFirst("header").text().contains("Test Primary School"));
        }
    }

    @Test
    void aHeadteacherIssuesANewPasswordFromTheCommandLine(@TempDir Path folder) throws Exception {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            String db = server.database.toString();
            String manifests = TestServer.fixture().resolve("manifests").toString();
            String newPassword = "mae’r gwenoliaid yn ôl ym mis ebrill";

            FormsCliTestAccess.Run weak = FormsCliTestAccess.runWithInput("password\n", "user", "reset", "--db", db,
                    "--manifests", manifests, "--school", "testschool", "--email", "office@test.example",
                    "--by", "Heledd Pennaeth");
            assertEquals(2, weak.exitCode(), "the password policy applies: " + weak.out());
            FormsCliTestAccess.Run otherSchool = FormsCliTestAccess.runWithInput(newPassword + "\n", "user", "reset",
                    "--db", db, "--manifests", manifests, "--school", "otherschool", "--email", "office@test.example",
                    "--by", "Heledd Pennaeth");
            assertEquals(2, otherSchool.exitCode(), "an account of another school is no such account");

            FormsCliTestAccess.Run reset = FormsCliTestAccess.runWithInput(newPassword + "\n", "user", "reset",
                    "--db", db, "--manifests", manifests, "--school", "testschool", "--email", "office@test.example",
                    "--by", "Heledd Pennaeth");
            assertEquals(0, reset.exitCode(), reset.out());

            assertEquals(303, server.browser().login("office@test.example", newPassword).statusCode(),
                    "the new password signs in, with the account's second factor as before");
            assertTrue(server.browser().login("office@test.example", TestServer.PASSWORD).statusCode() != 303,
                    "the old password no longer does");
            assertEquals(1, server.count("SELECT count(*) FROM staff_account_event WHERE change = 'password'"
                    + " AND changed_by = 'Heledd Pennaeth (command line)'"));
            assertTrue(new ChainVerifier(server.jdbi()).verifyAll().stream().allMatch(result -> result.problem().isEmpty()),
                    "the account's history still matches it");
        }
    }
}
