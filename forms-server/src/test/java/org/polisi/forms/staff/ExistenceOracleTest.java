package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.intake.ReferenceGenerator;
import org.polisi.forms.retention.ErasureService;

/**
 * A member of staff cannot learn that a record exists by asking for one their role may not read:
 * a tester's school-office account got 403 for a real incident report and 404 for a made-up
 * reference. Every address keyed by a reference (the record, its chronology, a withdrawal's
 * match and reject) now answers a record the role may not read, an erased one whose tombstone it may
 * not see, another school's and one that never existed with the same status and the same page.
 * (Erasure is the headteacher's alone, who reads every form: any other role gets 403 for any reference.)
 */
class ExistenceOracleTest {

    /** The status and the page, with the reference asked for taken out. */
    private record Answer(int status, String body) {
        static Answer of(HttpResponse<String> response, String reference) {
            return new Answer(response.statusCode(), response.body().replace(reference, "REF"));
        }
    }

    private static void sameAnswer(String what, Function<String, HttpResponse<String>> ask, List<String> references) {
        String never = references.get(0);
        Answer expected = Answer.of(ask.apply(never), never);
        assertEquals(404, expected.status(), what + " of a reference that never existed");
        for (String reference : references.subList(1, references.size())) {
            assertEquals(expected, Answer.of(ask.apply(reference), reference), what + " of " + reference);
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aRecordTheRoleMayNotReadIsAnsweredAsOneThatDoesNotExist(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            server.addStaff("testschool", "Sam Safe", "safe@test.example", "safeguarding-lead");
            TestServer.Browser public_ = server.browser();
            String incident = reference(public_.post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Unkind messages"))));
            String erasedAgreement = reference(public_.post("/forms/testschool/parent-agreement",
                    form(agreement("cy"))));
            String agreement = reference(public_.post("/forms/testschool/parent-agreement", form(agreement("en"))));
            String consent = reference(public_.post("/forms/testschool/images-consent",
                    form(consent("en", "Nia Morgan", "given", "given"))));
            String request = reference(public_.post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", "", "Nia Morgan", "all"))));
            String otherSchool = reference(public_.post("/forms/otherschool/incident-report", form(
                    "form-lang", "en", "form-version", "b0f4de80f903", "reporter-name", "Other Reporter",
                    "urgent-concern", "none", "what-happened", "At the other school")));
            assertInstanceOf(ErasureService.Outcome.Erased.class, server.erasure().eraseOnRequest("testschool",
                    erasedAgreement, Optional.of("asked by the parent"), "Helen Head", Instant.now()));
            String never = new ReferenceGenerator().next();

            TestServer.Browser office = server.loggedIn("office@test.example");
            List<String> notTheOffices = List.of(never, incident, erasedAgreement, agreement, otherSchool);
            sameAnswer("the office's record page", reference -> office.get("/staff/submissions/" + reference),
                    notTheOffices);
            sameAnswer("the office's chronology entry", reference -> office.post("/staff/submissions/" + reference
                    + "/chronology", form("csrf-token", office.csrf(), "kind", "status", "detail", "closed")),
                    notTheOffices);

            TestServer.Browser safeguarding = server.loggedIn("safe@test.example");
            List<String> notTheLeads = List.of(never, agreement, erasedAgreement, consent, request, otherSchool);
            sameAnswer("the lead's record page", reference -> safeguarding.get("/staff/submissions/" + reference),
                    notTheLeads);
            sameAnswer("the lead's match", reference -> safeguarding.post("/staff/submissions/" + reference + "/match",
                    form("csrf-token", safeguarding.csrf(), "consent", consent)), notTheLeads);
            sameAnswer("the lead's reject", reference -> safeguarding.post("/staff/submissions/" + reference
                    + "/reject", form("csrf-token", safeguarding.csrf(), "reason", "no")), notTheLeads);
            sameAnswer("the lead's record page in Welsh", reference -> safeguarding.get("/staff/submissions/"
                    + reference + "?lang=cy"), notTheLeads);

            // the 23:40 tester, fault 10: a probe of another school's record is logged naming the account
            String logged;
            try (org.polisi.forms.LogCapture log = new org.polisi.forms.LogCapture()) {
                assertEquals(404, office.get("/staff/submissions/" + otherSchool).statusCode());
                logged = log.text();
            }
            long officeId = server.staffUser("office@test.example").id();
            assertTrue(logged.contains("Staff account " + officeId + " (office) of testschool asked for record "
                    + otherSchool + " of another school"), logged);

            assertEquals(200, office.get("/staff/submissions/" + consent).statusCode(), "the office's own form");
            assertEquals(200, safeguarding.get("/staff/submissions/" + incident).statusCode(), "the lead's own form");
            assertEquals(0, server.count("SELECT count(*) FROM incident_event"), "nothing was added");
            assertEquals(0, server.count("SELECT count(*) FROM withdrawal_decision"), "nothing was decided");
        }
    }
}
