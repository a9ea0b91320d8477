package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * The 23:40 tester, fault 6: a chronology action posted after the session ended got 403 "your account
 * does not give you access … speak to the headteacher" (false) and the note was lost; a 3,190-character
 * action and a 1,001-character rejection reason got 422 with an empty textarea and no error summary.
 * Now the signed-out page says what happened and shows what was typed for copying, with a way back
 * through the sign-in; a 422 shows the GOV.UK error summary and the text exactly as typed, in its form.
 */
class StaffTextKeptTest {

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aSignedOutPostShowsTheTruthAndWhatWasTyped(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Heledd Head", "head@test.example", "headteacher");
            String incidentReference = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("cy", "none", "Negeseuon cas"))));
            TestServer.Browser head = server.loggedIn("head@test.example");
            assertEquals(200, head.get("/staff/submissions/" + incidentReference).statusCode());
            server.jdbi().useHandle(handle -> handle.execute("DELETE FROM staff_session"));   // signed out elsewhere, or idle

            String note = "Phoned the parents at 4pm.\nThey will come in tomorrow.";
            HttpResponse<String> refused = head.post("/staff/submissions/" + incidentReference + "/chronology",
                    form("csrf-token", head.csrf(), "kind", "action", "detail", note));
            assertEquals(403, refused.statusCode());
            Document page = Jsoup.parse(refused.body());
            assertTrue(page.text().contains("You have been signed out"), page.text());
            assertFalse(page.text().contains("headteacher"), "never the false 'your account does not give you access'");
            assertEquals(note, page.selectFirst("textarea[readonly]").val(), "what was typed, to copy");
            String signIn = page.selectFirst("main a[href^=/staff/login]").attr("href");
            assertTrue(signIn.contains("next=%2Fstaff%2Fsubmissions%2F" + incidentReference), signIn);
            assertEquals(0, server.count("SELECT count(*) FROM incident_event WHERE kind = 'action'"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aTextTooLongComesBackExactlyAsTypedWithAnErrorSummary(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Heledd Head", "head@test.example", "headteacher");
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            TestServer.Browser parent = server.browser();
            String incidentReference = reference(parent.post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Unkind messages"))));
            String request = reference(parent.post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", "", "Dewi Rees", "all"))));

            TestServer.Browser head = server.loggedIn("head@test.example");
            String action = "Spoke to the class. ".repeat(159) + "End.";   // 3,184 characters: over 3,000
            HttpResponse<String> tooLong = head.post("/staff/submissions/" + incidentReference + "/chronology",
                    form("csrf-token", head.csrf(), "kind", "action", "detail", action));
            assertEquals(422, tooLong.statusCode());
            assertKept(tooLong, action, "/staff/submissions/" + incidentReference + "/chronology");
            HttpResponse<String> blank = head.post("/staff/submissions/" + incidentReference + "/chronology",
                    form("csrf-token", head.csrf(), "kind", "action", "detail", "  \n "));
            assertEquals(422, blank.statusCode());
            assertTrue(Jsoup.parse(blank.body()).selectFirst(".error-summary") != null, "a summary for an empty one too");

            TestServer.Browser office = server.loggedIn("office@test.example");
            String reason = "x".repeat(1_001);
            HttpResponse<String> longReason = office.post("/staff/submissions/" + request + "/reject",
                    form("csrf-token", office.csrf(), "reason", reason));
            assertEquals(422, longReason.statusCode());
            assertKept(longReason, reason, "/staff/submissions/" + request + "/reject");
            assertEquals(0, server.count("SELECT count(*) FROM incident_event WHERE kind = 'action'"));
        }
    }

    private static void assertKept(HttpResponse<String> response, String typed, String action) {
        Document page = Jsoup.parse(response.body());
        assertTrue(page.selectFirst(".error-summary a[href=#retry-text]") != null, "GOV.UK error summary: " + response.body());
        assertEquals(typed, page.getElementById("retry-text").val(), "exactly what was typed");
        assertEquals(action, page.getElementById("retry-text").closest("form").attr("action"));
        assertTrue(page.selectFirst("#retry-text-error") != null);
    }
}
