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
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * Tester 7's finding 22 (ADR 0106): a withdrawal's reference typed in lower case, with spaces or with a
 * hyphen (as phone keyboards and people write it) is read the same way at every step: the second page
 * recognises the consent, offers only what stands as given on it and never says that no reference was
 * given; a consent with nothing given left says so; the withdrawal then applies to that consent.
 * SQLite and PostgreSQL, a real server, English and Welsh.
 */
class ReferenceAsTypedTest {

    private static final String FORM = "/forms/testschool/consent-withdrawal";

    /** The ways a parent may type reference {@code r}: lower case, spaced, hyphenated, padded, mixed. */
    private static List<String> typings(String r) {
        return List.of(r.toLowerCase(Locale.ROOT), r.substring(0, 4) + " " + r.substring(4),
                r.substring(0, 4) + "-" + r.substring(4), " " + r + " ",
                r.substring(0, 4).toLowerCase(Locale.ROOT) + " - " + r.substring(4), r.substring(0, 4) + "\u2011" + r.substring(4));
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aReferenceTypedInLowerCaseOrSpacedIsRecognisedOnTheSecondPage(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            for (String language : List.of("en", "cy")) {
                String reference = reference(server.browser().post("/forms/testschool/images-consent",
                        form(consent(language, "Alys Morgan", "refused", "given"))));
                for (String typed : typings(reference)) {
                    TestServer.Browser parent = server.browser();
                    HttpResponse<String> first = parent.post(FORM, form(withdrawal(language, typed, "Alys Morgan")));
                    assertEquals(303, first.statusCode(), typed + ": " + first.body());
                    String location = first.headers().firstValue("Location").orElseThrow();
                    assertTrue(location.contains("/statements/"), typed + ": " + location);
                    Document page = Jsoup.parse(parent.get(location).body());
                    assertEquals(List.of("all", "consent.video"),
                            page.select("input[type=checkbox][name=withdraw]").eachAttr("value"),
                            "'" + typed + "': only the consent given on that form");
                    assertFalse(page.text().contains("You did not give a reference number"), typed + ": " + page.text());
                    assertFalse(page.text().contains("Ni wnaethoch roi cyfeirnod"), typed + ": " + page.text());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theReceiptsLinkTheStaffRecordAndTheFirstPageReadAReferenceTheSameWay(TestDatabases.Kind kind,
                                                                           @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            String reference = reference(server.browser().post("/forms/testschool/images-consent",
                    form(consent("en", "Alys Morgan", "given", "given"))));
            server.addStaff("testschool", "Heledd Pennaeth", "head@test.example", "headteacher");
            TestServer.Browser head = server.loggedIn("head@test.example");
            for (String typed : typings(reference)) {
                String inUrl = java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8);
                Document page = Jsoup.parse(server.browser().get("/testschool/en/consent-withdrawal.html?reference="
                        + inUrl).body());
                assertEquals(reference, page.selectFirst("input[name=reference]").attr("value"),
                        "'" + typed + "': the withdrawal page is filled in with the reference");
                HttpResponse<String> record = head.get("/staff/submissions/" + inUrl.replace("+", "%20"));
                assertEquals(200, record.statusCode(), "'" + typed + "': staff open the record");
                assertTrue(record.body().contains(reference));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aLowerCaseReferenceToAConsentWithNothingGivenSaysThereIsNothingToWithdraw(TestDatabases.Kind kind,
                                                                               @TempDir Path folder) {
        try (TestServer server = TestServer.start(folder, kind)) {
            String reference = reference(server.browser().post("/forms/testschool/images-consent",
                    form(consent("en", "Alys Morgan", "refused", "refused"))));
            for (String typed : typings(reference)) {
                HttpResponse<String> first = server.browser().post(FORM, form(withdrawal("en", typed, "Alys Morgan")));
                String location = first.headers().firstValue("Location").orElse("");
                assertFalse(location.contains("/statements/"), typed + ": nothing to withdraw, no choice offered");
            }
            String given = reference(server.browser().post("/forms/testschool/images-consent",
                    form(consent("en", "Alys Morgan", "given", "given"))));
            String typed = given.toLowerCase(Locale.ROOT).substring(0, 4) + " " + given.substring(4).toLowerCase(Locale.ROOT);
            HttpResponse<String> sent = server.browser().post(FORM, form(withdrawing("en", typed, "Alys Morgan", "all")));
            assertEquals(303, sent.statusCode(), sent.body());
            assertTrue(sent.headers().firstValue("Location").orElse("").contains("/received/"));
            assertTrue(new ConsentState(server.jdbi()).of("testschool", server.forms("testschool")).value().stream()
                    .filter(line -> line.reference().equals(given))
                    .allMatch(line -> line.answer().equals(ConsentEvent.WITHDRAWN)), "applied to the consent typed");
        }
    }
}
