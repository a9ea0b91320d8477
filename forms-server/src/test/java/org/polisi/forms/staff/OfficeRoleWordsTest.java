package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.version;
import static org.polisi.forms.TestServer.form;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.contract.StaffRole;
import org.polisi.forms.TestServer;

/**
 * Issue 13: forms name the office {@code school-office}, its accounts hold {@code office}
 * ({@link StaffRole}). One translation serves reading, alerting and the confirmation: a form whose
 * {@code notify} names the school office alerts the office accounts, they may read the report, and the
 * reporter is told to tell the school office, in English and Welsh.
 */
class OfficeRoleWordsTest {

    private static final String ONLINE_SAFETY_NOTIFY =
            "\"notify\": {\"incident\": [\"online-safety-coordinator\"], \"urgent\": [\"online-safety-coordinator\", \"headteacher\"]}";

    /** The fixture with the online safety log notifying the school office (and the headteacher when urgent). */
    private static TestServer officeNotified(Path folder) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path file = manifests.resolve("testschool.json");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(ONLINE_SAFETY_NOTIFY), "the fixture's online safety log notifies as expected");
        Files.writeString(file, text.replace(ONLINE_SAFETY_NOTIFY,
                "\"notify\": {\"incident\": [\"school-office\"], \"urgent\": [\"school-office\", \"headteacher\"]}"),
                StandardCharsets.UTF_8);
        return TestServer.start(TestServer.settings(folder).set("manifest-dir", manifests).load(), Clock.systemUTC());
    }

    private static String[] log(String language, String urgentConcern) {
        return new String[] {"form-id", "online-safety-log", "form-lang", language, "form-version", version(language, 5),
            "reporter-name", "Gareth Evans", "urgent-concern", urgentConcern, "what-happened", "A worrying message",
            "website", ""};
    }

    @Test
    void aFormNotifyingTheSchoolOfficeAlertsTheOfficeAccountsWhoMayReadIt(@TempDir Path folder) throws IOException {
        try (TestServer server = officeNotified(folder)) {
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            String incident = reference(server.browser().post("/forms/testschool/online-safety-log", form(log("en", "none"))));
            assertEquals(1, server.count("SELECT count(*) FROM outbox WHERE reference = '" + incident
                    + "' AND recipient_role = 'office'"));
            assertEquals(0, server.count("SELECT count(*) FROM outbox WHERE recipient_role = 'school-office'"),
                    "the outbox holds account words only");
            String agreementReference = reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(agreement("en"))));

            TestServer.Browser office = server.loggedIn("office@test.example");
            assertEquals(200, office.get("/staff/submissions/" + incident).statusCode(), "alerted, so may read it");
            assertNotEquals(200, office.get("/staff/submissions/" + agreementReference).statusCode(),
                    "the parent agreement is the headteacher's");
        }
    }

    @Test
    void theUrgentConfirmationNamesTheSchoolOfficeInBothLanguages(@TempDir Path folder) throws IOException {
        try (TestServer server = officeNotified(folder)) {
            for (String[] expected : new String[][] {{"en", "school office, headteacher"},
                {"cy", "swyddfa’r ysgol, pennaeth"}}) {
                TestServer.Browser reporter = server.browser();
                String location = reporter.post("/forms/testschool/online-safety-log", form(log(expected[0],
                        "immediate-risk"))).headers().firstValue("Location").orElseThrow();
                String status = Jsoup.parse(reporter.get(location).body()).selectFirst(".alert-status").text();
                assertTrue(status.endsWith(expected[1] + "."), status);
            }
            assertEquals(2, server.count("SELECT count(*) FROM outbox WHERE recipient_role = 'office'"));
            assertEquals(2, server.count("SELECT count(*) FROM outbox WHERE recipient_role = 'headteacher'"));
        }
    }
}
