package org.polisi.forms.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.withdrawal;
import static org.polisi.forms.Submissions.withdrawing;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Issue 14, faults 1 to 3: a withdrawal withdraws exactly the statements chosen, for exactly the child
 * named on the consent the reference belongs to; a wrong child changes nothing and reveals nothing; a
 * parent without a reference can still withdraw, as a request that applies only once staff match it.
 * Real server, real SQLite, in English and in Welsh.
 */
class WithdrawalByStatementTest {

    private static final String PHOTOS = "consent.photos-on-website";
    private static final String VIDEO = "consent.video";

    private static Map<String, String> stateOf(TestServer server, String pupil) {
        return new ConsentState(server.jdbi()).of("testschool", server.forms("testschool")).value().stream()
                .filter(consent -> consent.pupil().equals(pupil) && consent.formId().equals("images-consent"))
                .collect(Collectors.toMap(CurrentConsent::statement, CurrentConsent::answer));
    }

    private static String consentFor(TestServer server, String... pupils) {
        String[] pairs = consent("en", pupils[0], "given", "given");
        if (pupils.length > 1) {
            pairs = java.util.stream.Stream.concat(java.util.Arrays.stream(pairs),
                    java.util.stream.Stream.of("pupil-names", pupils[1])).toArray(String[]::new);
        }
        return reference(server.browser().post("/forms/testschool/images-consent", form(pairs)));
    }

    /** The school office, signed in: the fixture's withdrawal form is read by the office. */
    private static TestServer.Browser office(TestServer server) {
        server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
        TestServer.Browser office = server.browser();
        office.login("office@test.example", TestServer.PASSWORD);
        return office;
    }

    /** A withdrawal sent without a reference: its reference. */
    private static String request(TestServer server, String language, String pupil, String... statements) {
        return reference(server.browser().post("/forms/testschool/consent-withdrawal",
                form(withdrawing(language, "", pupil, statements))));
    }

    @Test
    void aPartWithdrawalOfOneStatementLeavesTheOthersGivenInBothLanguages(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            for (String language : List.of("en", "cy")) {
                String pupil = language.equals("en") ? "Alys Morgan" : "Bryn Morgan";
                String reference = consentFor(server, pupil);
                HttpResponse<String> sent = server.browser().post("/forms/testschool/consent-withdrawal",
                        form(withdrawing(language, reference, pupil, PHOTOS)));
                assertEquals(303, sent.statusCode(), sent.body());
                assertEquals(Map.of(PHOTOS, "withdrawn", VIDEO, "given"), stateOf(server, pupil), language);
            }
        }
    }

    @Test
    void theFirstPageLeadsToTheFormsStatementsAsCheckboxesInTheParentsLanguage(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            String reference = consentFor(server, "Alys Morgan");
            HttpResponse<String> english = server.browser().postAndFollow("/forms/testschool/consent-withdrawal",
                    form(withdrawal("en", reference, "Alys Morgan")));
            assertEquals(200, english.statusCode());
            Document page = Jsoup.parse(english.body());
            assertEquals(List.of("all", PHOTOS, VIDEO), page.select("input[type=checkbox][name=withdraw]").eachAttr("value"));
            assertEquals(List.of("All of them", "Photos on the school website", "Video of school events"),
                    page.select(".checkboxes label").eachText());
            assertEquals(reference, page.selectFirst("input[type=hidden][name=reference]").val());
            assertEquals("Alys Morgan", page.selectFirst("input[type=hidden][name=pupil-names]").val());
            assertEquals(Map.of(PHOTOS, "given", VIDEO, "given"), stateOf(server, "Alys Morgan"), "nothing yet");

            Document welsh = Jsoup.parse(server.browser().postAndFollow("/forms/testschool/consent-withdrawal",
                    form(withdrawal("cy", reference, "Alys Morgan"))).body());
            assertEquals("cy", welsh.selectFirst("html").attr("lang"));
            assertEquals(List.of("Pob un ohonynt", "Lluniau ar wefan yr ysgol", "Fideo o ddigwyddiadau’r ysgol"),
                    welsh.select(".checkboxes label").eachText());
            assertEquals("Dewiswch beth i’w dynnu’n ôl", welsh.selectFirst("h1").text());
        }
    }

    @Test
    void choosingNothingOnTheSecondPageIsAnErrorInBothLanguagesAndChangesNothing(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            String reference = consentFor(server, "Alys Morgan");
            HttpResponse<String> english = server.browser().postAndFollow("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", reference, "Alys Morgan")));
            assertEquals(200, english.statusCode(), "the second page again, at a GET address (ADR 0052)");
            assertEquals(List.of("Select the consents you withdraw, or ‘All of them’"),
                    Jsoup.parse(english.body()).select(".error-summary__list li").eachText());
            assertTrue(Jsoup.parse(english.body()).title().startsWith("Error: "));
            HttpResponse<String> welsh = server.browser().postAndFollow("/forms/testschool/consent-withdrawal",
                    form(withdrawing("cy", reference, "Alys Morgan")));
            assertEquals(List.of("Dewiswch y caniatadau rydych yn eu tynnu’n ôl, neu ‘Pob un ohonynt’"),
                    Jsoup.parse(welsh.body()).select(".error-summary__list li").eachText());
            HttpResponse<String> forged = server.browser().postAndFollow("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", reference, "Alys Morgan", "consent.not-a-statement")));
            assertEquals(200, forged.statusCode());
            assertEquals(1, Jsoup.parse(forged.body()).select(".error-summary__list li").size());
            assertEquals(Map.of(PHOTOS, "given", VIDEO, "given"), stateOf(server, "Alys Morgan"));
            assertEquals(0, server.count("SELECT count(*) FROM submission WHERE form_kind = 'withdrawal'"));
        }
    }

    @Test
    void aReferenceWithAnotherChildsNameIsRefusedWithoutSayingWhoseFormItIsAndChangesNothing(
            @TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            consentFor(server, "Alys Morgan");
            String brynsForm = consentFor(server, "Bryn Morgan");
            for (String language : List.of("en", "cy")) {
                for (String[] attempt : List.of(withdrawal(language, brynsForm, "Alys Morgan"),
                        withdrawing(language, brynsForm, "Alys Morgan", "all"),
                        withdrawing(language, brynsForm, "A Stranger", "all"))) {
                    HttpResponse<String> refused = server.browser().postAndFollow("/forms/testschool/consent-withdrawal",
                            form(attempt));
                    assertEquals(200, refused.statusCode());
                    String summary = Jsoup.parse(refused.body()).select(".error-summary__list").text();
                    assertTrue(summary.contains(language.equals("en") ? "for the child you named"
                            : "ar gyfer y plentyn a enwoch"), summary);
                    assertFalse(refused.body().contains("Bryn"), "the page must not say whose form it is");
                }
            }
            assertEquals(Map.of(PHOTOS, "given", VIDEO, "given"), stateOf(server, "Bryn Morgan"));
            assertEquals(Map.of(PHOTOS, "given", VIDEO, "given"), stateOf(server, "Alys Morgan"));
            assertEquals(0, server.count("SELECT count(*) FROM consent_event WHERE answer = 'withdrawn'"));
        }
    }

    @Test
    void aFormForTwoChildrenWithdrawsOnlyForTheChildNamedMatchedLikeTheRecordsIssue(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            String reference = consentFor(server, "Siân O'Brien", "Bryn Morgan");
            assertEquals(303, server.browser().post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", reference, "  SIAN O’BRIEN ", "all"))).statusCode());
            assertEquals(Map.of(PHOTOS, "withdrawn", VIDEO, "withdrawn"), stateOf(server, "Siân O'Brien"));
            assertEquals(Map.of(PHOTOS, "given", VIDEO, "given"), stateOf(server, "Bryn Morgan"));
        }
    }

    @Test
    void theReceiptNamesTheChildTheFormAndEachStatementWithdrawnInTheParentsLanguage(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            String reference = consentFor(server, "Alys Morgan");
            TestServer.Browser parent = server.browser();
            HttpResponse<String> sent = parent.post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("cy", reference, "Alys Morgan", VIDEO)));
            Document receipt = Jsoup.parse(parent.get(sent.headers().firstValue("Location").orElseThrow()).body());
            String text = receipt.select(".receipt").text();
            assertTrue(text.contains("Alys Morgan"), text);
            assertTrue(text.contains("Defnyddio delweddau digidol"), text);
            assertTrue(text.contains("Caniatadau a dynnwyd yn ôl Fideo o ddigwyddiadau’r ysgol"), text);
            assertFalse(text.contains("Lluniau ar wefan yr ysgol"), "only the statement withdrawn: " + text);
            assertTrue(receipt.selectFirst(".withdrawal-applied") != null, text);
        }
    }

    @Test
    void withoutAReferenceTheWithdrawalWaitsForStaffAndAppliesOnlyOnceMatched(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            String reference = consentFor(server, "Nia Morgan");
            TestServer.Browser parent = server.browser();
            HttpResponse<String> firstPage = parent.postAndFollow("/forms/testschool/consent-withdrawal",
                    form(withdrawal("en", "", "nia morgan")));
            assertEquals(200, firstPage.statusCode(), "a blank reference is allowed");
            // issue: "the school will … confirm it to you", but the form collects no way to reach the parent
            assertTrue(firstPage.body().contains("this withdrawal applies only once the school has found the consent form."
                    + " This website cannot tell you when that happens: ask the school office."), firstPage.body());
            assertFalse(firstPage.body().contains("confirm it to you"), firstPage.body());
            HttpResponse<String> sent = parent.post("/forms/testschool/consent-withdrawal",
                    form(withdrawing("en", "", "nia morgan", PHOTOS)));
            String request = reference(sent);
            Document receipt = Jsoup.parse(parent.get(sent.headers().firstValue("Location").orElseThrow()).body());
            String pending = receipt.selectFirst(".withdrawal-pending").text();
            assertTrue(pending.contains("the withdrawal applies once the school has found your consent form")
                    && pending.contains("This website cannot tell you when that happens, or whether the school could not find"
                    + " the form: ask the school office."), pending);
            assertFalse(receipt.text().contains("confirm it to you") || receipt.text().contains("will contact you"), receipt.text());
            assertEquals(Map.of(PHOTOS, "given", VIDEO, "given"), stateOf(server, "Nia Morgan"), "not applied yet");

            TestServer.Browser office = office(server);
            Document dashboard = Jsoup.parse(office.get("/staff/").body());
            assertEquals(List.of(request), dashboard.select(".withdrawal-requests a").eachText());
            Document consents = Jsoup.parse(office.get("/staff/consents").body());
            assertTrue(consents.select("td.withdrawal-pending").text().contains(request), consents.outerHtml());

            Document requestPage = Jsoup.parse(office.get("/staff/submissions/" + request).body());
            assertTrue(requestPage.select(".summary-list").text().contains("Consents withdrawn Photos on the school website"),
                    "staff see what the parent withdraws, in words");
            String csv = office.get("/staff/export.csv?form=consent-withdrawal").body();
            assertTrue(csv.contains("Consents withdrawn") && csv.contains("Photos on the school website"), csv);
            assertEquals(List.of(reference), requestPage.select("input[name=consent]").eachAttr("value"));
            HttpResponse<String> matched = office.post("/staff/submissions/" + request + "/match",
                    form("csrf-token", office.csrf(), "consent", reference));
            assertEquals(303, matched.statusCode(), matched.body());

            assertEquals(Map.of(PHOTOS, "withdrawn", VIDEO, "given"), stateOf(server, "Nia Morgan"));
            assertEquals(1, server.count("SELECT count(*) FROM withdrawal_decision WHERE decision = 'matched'"
                    + " AND decided_by LIKE 'Olwen Office%'"));
            assertTrue(Jsoup.parse(office.get("/staff/consents").body()).select("td.withdrawal-pending").isEmpty());
            assertTrue(Jsoup.parse(office.get("/staff/").body()).select(".withdrawal-requests").isEmpty());
            assertEquals(422, office.post("/staff/submissions/" + request + "/reject",
                    form("csrf-token", office.csrf(), "reason", "changed my mind")).statusCode(), "decided once");
        }
    }

    @Test
    void staffRejectARequestOnlyWithAReasonAndARejectedRequestWithdrawsNothing(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            consentFor(server, "Nia Morgan");
            String request = request(server, "cy", "Nia Morgan", "all");
            TestServer.Browser office = office(server);
            HttpResponse<String> noReason = office.post("/staff/submissions/" + request + "/reject",
                    form("csrf-token", office.csrf(), "reason", "   "));
            assertEquals(422, noReason.statusCode());
            assertTrue(noReason.body().contains("Give a reason for rejecting this request"), noReason.body());
            assertEquals(403, office.post("/staff/submissions/" + request + "/reject",
                    form("csrf-token", "forged", "reason", "no")).statusCode());
            assertEquals(303, office.post("/staff/submissions/" + request + "/reject",
                    form("csrf-token", office.csrf(), "reason", "The parent phoned: sent by mistake")).statusCode());
            assertEquals(Map.of(PHOTOS, "given", VIDEO, "given"), stateOf(server, "Nia Morgan"));
            String page = office.get("/staff/submissions/" + request).body();
            assertTrue(page.contains("The parent phoned: sent by mistake"), page);
            assertTrue(server.count("SELECT count(*) FROM consent_event WHERE answer = 'withdrawn'") == 0);
        }
    }

    @Test
    void aRequestCannotBeMatchedToAConsentThatDoesNotNameTheChild(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            String other = consentFor(server, "Bryn Morgan");
            String request = request(server, "en", "Alys Morgan", "all");
            TestServer.Browser office = office(server);
            HttpResponse<String> refused = office.post("/staff/submissions/" + request + "/match",
                    form("csrf-token", office.csrf(), "consent", other));
            assertEquals(422, refused.statusCode());
            assertEquals(Map.of(PHOTOS, "given", VIDEO, "given"), stateOf(server, "Bryn Morgan"));
            assertEquals(0, server.count("SELECT count(*) FROM withdrawal_decision"));
        }
    }

    @Test
    void decisionsAreAppendOnly(@TempDir Path temporaryFolder) {
        try (TestServer server = TestServer.start(temporaryFolder)) {
            consentFor(server, "Nia Morgan");
            String request = request(server, "en", "Nia Morgan", "all");
            TestServer.Browser office = office(server);
            office.post("/staff/submissions/" + request + "/reject", form("csrf-token", office.csrf(), "reason", "no"));
            for (String change : List.of("DELETE FROM withdrawal_decision", "UPDATE withdrawal_decision SET reason = 'yes'",
                    "UPDATE withdrawal_decision SET reason = ''")) {
                assertThrowsSql(server, change);
            }
        }
    }

    static void assertThrowsSql(TestServer server, String sql) {
        try {
            server.jdbi().useHandle(handle -> handle.execute(sql));
        } catch (RuntimeException refused) {
            assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused.getMessage());
            return;
        }
        throw new AssertionError("not refused: " + sql);
    }
}
