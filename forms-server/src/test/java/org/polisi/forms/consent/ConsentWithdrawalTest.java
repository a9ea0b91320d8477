package org.polisi.forms.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

class ConsentWithdrawalTest {

    private static Map<String, String> stateOf(TestServer server, String pupil) {
        return new ConsentState(server.jdbi()).of("testschool", server.forms("testschool")).value().stream()
                .filter(consent -> consent.pupil().equals(pupil))
                .collect(Collectors.toMap(CurrentConsent::statement, CurrentConsent::answer));
    }

    @Test
    void aWithdrawalChangesTheCurrentStateAndKeepsTheHistory(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            TestServer.Browser parent = server.browser();
            String consentReference = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Dewi Rees", "given", "refused"))));
            assertEquals(Map.of("consent.photos-on-website", "given", "consent.video", "refused"),
                    stateOf(server, "Dewi Rees"));

            String typedReference = consentReference.substring(0, 4).toLowerCase() + "-" + consentReference.substring(4);
            assertEquals(303, parent.post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("cy", typedReference, "Dewi Rees", "consent.photos-on-website"))).statusCode());

            assertEquals(Map.of("consent.photos-on-website", "withdrawn", "consent.video", "refused"),
                    stateOf(server, "Dewi Rees"));
            List<String> history = server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT answer FROM consent_event WHERE statement = 'consent.photos-on-website' ORDER BY id")
                    .mapTo(String.class).list());
            assertEquals(List.of("given", "withdrawn"), history);

            String newer = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Dewi Rees", "given", "given"))));
            assertTrue(!newer.equals(consentReference));
            assertEquals(Map.of("consent.photos-on-website", "given", "consent.video", "given"),
                    stateOf(server, "Dewi Rees"), "a newer consent form stands");
        }
    }

    @Test
    void theStaffConsentPageShowsTheStateAfterWithdrawal(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            TestServer.Browser parent = server.browser();
            String reference = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Mali Owen", "given", "given"))));
            parent.post("/forms/testschool/consent-withdrawal", form(withdrawing("en", reference, "Mali Owen", "all")));

            TestServer.Browser office = server.browser();
            office.login("office@test.example", TestServer.PASSWORD);
            String page = office.get("/staff/consents").body();
            assertTrue(page.contains("Mali Owen"));
            assertTrue(page.contains("Consent withdrawn"));
            assertTrue(!page.contains("<td>I give consent</td>"), page);
        }
    }

    @Test
    void theConsentFormsRecordShowsItsHistoryWithTheWithdrawalThatChangedIt(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            TestServer.Browser parent = server.browser();
            String consentReference = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Mali Owen", "given", "refused"))));
            String withdrawalReference = reference(parent.post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", consentReference, "mali owen", "all"))));

            TestServer.Browser office = server.browser();
            office.login("office@test.example", TestServer.PASSWORD);
            Document page = Jsoup.parse(office.get("/staff/submissions/" + consentReference).body());

            List<List<String>> rows = page.select("h2:contains(History of this consent form) + table tbody tr").stream()
                    .map(row -> row.select("td").eachText()).toList();
            assertEquals(3, rows.size(), page.outerHtml());
            assertEquals(List.of("Mali Owen", "I give consent", "This form"),
                    List.of(rows.get(0).get(0), rows.get(0).get(2), rows.get(0).get(4)));
            assertEquals(List.of("Mali Owen", "I do not give consent", "This form"),
                    List.of(rows.get(1).get(0), rows.get(1).get(2), rows.get(1).get(4)));
            assertEquals(List.of("Mali Owen", "Consent withdrawn", withdrawalReference),
                    List.of(rows.get(2).get(0), rows.get(2).get(2), rows.get(2).get(4)));
            assertEquals("/staff/submissions/" + withdrawalReference,
                    page.select("h2:contains(History of this consent form) + table tbody tr").get(2)
                            .selectFirst("a").attr("href"));
        }
    }
}
