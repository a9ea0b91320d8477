package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.retention.ErasureService;
import org.polisi.forms.storage.ChainVerifier;

/**
 * Issue 20, fault 5: "one click erases a record for good, even an urgent safeguarding report; no
 * confirmation, no reason; afterwards the record answers Page not found". Each example is checked on
 * a real server and database, in both languages, with variants of the same kind (a missing reason, a
 * reason of invisible characters, a role that may not erase, a report kept under a legal hold with
 * and without a date, the command line's erasure).
 */
class ErasurePagesTest {

    private static final String HEAD = "head@test.example";

    private static TestServer serverWithStaff(Path folder) {
        TestServer server = TestServer.start(folder);
        server.addStaff("testschool", "Heledd Pennaeth", HEAD, "headteacher");
        server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
        server.addStaff("testschool", "Sam Safe", "safe@test.example", "safeguarding-lead");
        return server;
    }

    private static HttpResponse<String> erase(TestServer.Browser staff, String reference, String... pairs) {
        List<String> all = new java.util.ArrayList<>(List.of("csrf-token", staff.csrf()));
        all.addAll(List.of(pairs));
        return staff.post("/staff/submissions/" + reference + "/erase", form(all.toArray(String[]::new)));
    }

    private static boolean erased(TestServer server, String reference) {
        return server.count("SELECT count(*) FROM submission WHERE erased_at IS NOT NULL AND reference = '"
                + reference + "'") == 1;
    }

    @Test
    void erasingAsksForConfirmationAndAReasonAndLeavesATombstone(@TempDir Path folder) {
        try (TestServer server = serverWithStaff(folder)) {
            String reference = reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(agreement("en"))));
            TestServer.Browser head = server.loggedIn(HEAD);

            Document record = Jsoup.parse(head.get("/staff/submissions/" + reference).body());
            assertTrue(record.select("form[action$=/erase]").isEmpty(), "no one-click erasure on the record page");
            assertNotNull(record.selectFirst("a[href=/staff/submissions/" + reference + "/erase]"), record.outerHtml());

            HttpResponse<String> confirm = head.get("/staff/submissions/" + reference + "/erase");
            assertEquals(200, confirm.statusCode());
            Document page = Jsoup.parse(confirm.body());
            assertEquals("post", page.selectFirst("form[action$=/erase]").attr("method"));
            assertNotNull(page.selectFirst("label[for=erase--reason] + .hint + textarea#erase--reason[name=reason]"),
                    page.outerHtml());
            assertNotNull(page.selectFirst("input#erase--confirm[type=checkbox][name=confirm]"));
            assertNotNull(page.selectFirst("label[for=erase--confirm]"));
            assertTrue(page.select("script").isEmpty(), "works without JavaScript");

            HttpResponse<String> bare = erase(head, reference);
            assertEquals(422, bare.statusCode(), "neither reason nor confirmation");
            Document refused = Jsoup.parse(bare.body());
            assertEquals(List.of("Enter why you are erasing this submission",
                    "Tick the box to confirm that the answers cannot be brought back"),
                    refused.select(".error-summary a").eachText());
            assertEquals(List.of("#erase--reason", "#erase--confirm"), refused.select(".error-summary a").eachAttr("href"));
            assertFalse(erased(server, reference));

            HttpResponse<String> unconfirmed = erase(head, reference, "reason", "Asked for by the parent");
            assertEquals(422, unconfirmed.statusCode());
            assertEquals("Asked for by the parent", Jsoup.parse(unconfirmed.body()).selectFirst("#erase--reason").text(),
                    "what was typed is kept");
            assertEquals(422, erase(head, reference, "reason", "\u200B \u00A0\n", "confirm", "yes").statusCode(),
                    "a reason that shows nothing is no reason");
            assertFalse(erased(server, reference));

            String because = "Mrs O’Brien asked on 3 November <b>in writing</b>";
            HttpResponse<String> done = erase(head, reference, "reason", because, "confirm", "yes");
            assertEquals(303, done.statusCode());
            assertEquals("/staff/submissions/" + reference, done.headers().firstValue("Location").orElseThrow());
            assertTrue(erased(server, reference));

            HttpResponse<String> tombstone = head.get("/staff/submissions/" + reference);
            assertEquals(200, tombstone.statusCode(), "a tombstone, not Page not found");
            Document stone = Jsoup.parse(tombstone.body());
            assertEquals("Submission " + reference + ": answers erased", stone.selectFirst("h1").text());
            List<String> terms = stone.select("dt").eachText();
            List<String> values = stone.select("dd").eachText();
            assertEquals(List.of("Form", "Received", "Answers erased on", "Erased by", "Because"), terms);
            assertTrue(values.get(3).contains("Heledd Pennaeth"), values.toString());
            assertEquals(because, values.get(4), "the reason exactly as typed, escaped");
            assertTrue(stone.select("dd b").isEmpty(), "no markup from the reason");
            assertFalse(tombstone.body().contains("Siân Jones") || tombstone.body().contains("sian@example.org"),
                    "nothing the form said");

            Document welsh = Jsoup.parse(head.get("/staff/submissions/" + reference + "?lang=cy").body());
            assertEquals(List.of("Ffurflen", "Derbyniwyd", "Atebion wedi’u dileu ar", "Dilëwyd gan", "Oherwydd"),
                    welsh.select("dt").eachText());

            assertEquals(1, server.count("SELECT count(*) FROM erasure_explanation"));
            List<ChainVerifier.SchoolResult> chains = new ChainVerifier(server.jdbi()).verifyAll();
            assertTrue(chains.stream().allMatch(result -> result.problem().isEmpty()), chains.toString());
            assertTrue(chains.stream().anyMatch(result -> result.chain().equals("erasure-explanation")
                    && result.records() == 1), chains.toString());
            for (String sql : List.of("UPDATE erasure_explanation SET explanation = 'forged'",
                    "DELETE FROM erasure_explanation")) {
                assertThrows(UnableToExecuteStatementException.class,
                        () -> server.jdbi().useHandle(handle -> handle.execute(sql)), sql);
            }
            assertEquals(404, head.get("/staff/submissions/" + reference + "/erase").statusCode(),
                    "an erased record cannot be erased again");
        }
    }

    /** Tester 2, finding 7: once the only consent is erased, the register must not say none was ever received. */
    @Test
    void afterTheOnlyConsentIsErasedTheRegisterSaysNoneStandsNotNoneReceived(@TempDir Path folder) {
        try (TestServer server = serverWithStaff(folder)) {
            assertEquals(303, server.browser().sendChecked("/forms/testschool/images-consent",
                    form(org.polisi.forms.Submissions.consent("en", "Alys Morgan", "given", "refused"))).statusCode());
            String consent = server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT reference FROM submission WHERE form_id = 'images-consent'").mapTo(String.class).one());
            TestServer.Browser head = server.loggedIn(HEAD);
            assertTrue(Jsoup.parse(head.get("/staff/consents").body()).text().contains("Alys Morgan"));
            assertEquals(303, erase(head, consent, "reason", "Asked for by the parent", "confirm", "yes").statusCode());
            for (String language : List.of("en", "cy")) {
                String page = Jsoup.parse(head.get("/staff/consents?lang=" + language).body()).text();
                assertFalse(page.contains("Alys Morgan"), page);
                assertFalse(page.contains("have been received yet") || page.contains("wedi dod i law eto"), page);
                assertTrue(page.contains("or every one received has been erased")
                        || page.contains("neu mae pob un a ddaeth i law wedi’i ddileu"), page);
            }
        }
    }

    @Test
    void theConfirmPageAndItsErrorsAreInWelsh(@TempDir Path folder) {
        try (TestServer server = serverWithStaff(folder)) {
            String reference = reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(agreement("cy"))));
            TestServer.Browser head = server.loggedIn(HEAD);
            Document page = Jsoup.parse(head.get("/staff/submissions/" + reference + "/erase?lang=cy").body());
            assertEquals("cy", page.selectFirst("html").attr("lang"));
            assertEquals("Dileu cyflwyniad " + reference + "?", page.selectFirst("h1").text());
            assertEquals("Pam ydych chi’n ei ddileu?", page.selectFirst("label[for=erase--reason]").text());
            Document refused = Jsoup.parse(erase(head, reference, "reason", "Cais gan y rhiant").body());
            assertEquals(List.of("Ticiwch y blwch i gadarnhau na ellir cael yr atebion yn ôl"),
                    refused.select(".error-summary a").eachText());
        }
    }

    @Test
    void anIncidentReportUnderALegalHoldCannotBeErasedUntilItsDateHasPassed(@TempDir Path folder) {
        try (TestServer server = serverWithStaff(folder)) {
            String report = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Unkind messages about Rhys"))));
            TestServer.Browser head = server.loggedIn(HEAD);

            Document record = Jsoup.parse(head.get("/staff/submissions/" + report).body());
            assertTrue(record.selectFirst(".legal-hold").text().contains("no date is set yet"), record.outerHtml());
            assertTrue(record.select("a[href$=/erase]").isEmpty(), "no way to erase a held report");
            HttpResponse<String> confirm = head.get("/staff/submissions/" + report + "/erase");
            assertEquals(409, confirm.statusCode());
            assertTrue(Jsoup.parse(confirm.body()).select("textarea").isEmpty());
            assertEquals(409, erase(head, report, "reason", "Asked for", "confirm", "yes").statusCode());
            assertFalse(erased(server, report));

            chronology(head, report, "2999-12-31");
            HttpResponse<String> dated = erase(head, report, "reason", "Asked for", "confirm", "yes");
            assertEquals(409, dated.statusCode());
            assertTrue(Jsoup.parse(dated.body()).selectFirst(".legal-hold").text().contains("31 December 2999"),
                    dated.body());
            Document welsh = Jsoup.parse(head.get("/staff/submissions/" + report + "/erase?lang=cy").body());
            assertTrue(welsh.selectFirst(".legal-hold").text().contains("cadw cyfreithiol"), welsh.outerHtml());
            assertFalse(erased(server, report));

            assertInstanceOf(ErasureService.Outcome.Held.class, server.erasure().eraseOnRequest("testschool", report,
                    Optional.empty(), "test", Instant.now()), "the service refuses it too, whoever calls it");

            // a keep-until day that has passed would end the hold at once: refused (found by a tester)
            assertEquals(422, head.post("/staff/submissions/" + report + "/chronology",
                    form("csrf-token", head.csrf(), "kind", "keep-until", "detail", "2020-01-01")).statusCode());
            assertEquals(409, erase(head, report, "reason", "Kept for the period the policy sets; now asked for",
                    "confirm", "yes").statusCode(), "still held");
            String today = java.time.LocalDate.now(org.polisi.forms.i18n.Dates.SCHOOL_TIME).toString();
            chronology(head, report, today);
            assertEquals(409, erase(head, report, "reason", "Kept for the period the policy sets; now asked for",
                    "confirm", "yes").statusCode(), "held to the end of its last day");
            assertInstanceOf(ErasureService.Outcome.Erased.class, server.erasure().eraseOnRequest("testschool", report,
                    Optional.of("Kept for the period the policy sets; now asked for"), "Head <head@test.example>",
                    Instant.now().plus(java.time.Duration.ofDays(2))), "erased once its last day has passed");
            assertTrue(erased(server, report));
            assertEquals(0, server.count("SELECT count(*) FROM incident_event WHERE kind = 'action' AND detail <> ''"));
        }
    }

    private static void chronology(TestServer.Browser head, String report, String keepUntil) {
        assertEquals(303, head.post("/staff/submissions/" + report + "/chronology",
                form("csrf-token", head.csrf(), "kind", "keep-until", "detail", keepUntil)).statusCode());
    }

    @Test
    void onlyTheHeadteacherErasesAndATombstoneIsShownOnlyToThoseWhoMayReadItsForm(@TempDir Path folder) {
        try (TestServer server = serverWithStaff(folder)) {
            String consent = reference(server.browser().post("/forms/testschool/images-consent",
                    form(org.polisi.forms.Submissions.consent("en", "Dewi Rees", "given", "refused"))));
            String agreement = reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(agreement("en"))));
            String report = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Unkind messages"))));
            TestServer.Browser office = server.loggedIn("office@test.example");
            assertEquals(200, office.get("/staff/submissions/" + consent).statusCode(), "the office reads consents");
            assertEquals(403, office.get("/staff/submissions/" + consent + "/erase").statusCode());
            assertEquals(403, erase(office, consent, "reason", "No", "confirm", "yes").statusCode());
            assertFalse(erased(server, consent));
            assertTrue(Jsoup.parse(office.get("/staff/submissions/" + consent).body())
                    .select("a[href$=/erase]").isEmpty());

            TestServer.Browser head = server.loggedIn(HEAD);
            for (String each : List.of(consent, agreement)) {
                assertEquals(303, erase(head, each, "reason", "Asked for", "confirm", "yes").statusCode());
            }
            chronology(head, report, java.time.LocalDate.now(org.polisi.forms.i18n.Dates.SCHOOL_TIME).toString());
            assertInstanceOf(ErasureService.Outcome.Erased.class, server.erasure().eraseOnRequest("testschool", report,
                    Optional.of("Asked for"), "Head <head@test.example>", Instant.now().plus(java.time.Duration.ofDays(2))),
                    "its hold ended with the day staff set");

            assertEquals(200, office.get("/staff/submissions/" + consent).statusCode(), "the office sees its tombstone");
            assertEquals(404, office.get("/staff/submissions/" + agreement).statusCode(),
                    "an agreement's tombstone is the headteacher's");
            assertEquals(404, office.get("/staff/submissions/" + report).statusCode(),
                    "an incident's tombstone is not the office's to see");
            assertEquals(200, server.loggedIn("safe@test.example").get("/staff/submissions/" + report).statusCode());
            assertEquals(404, head.get("/staff/submissions/NOSUCHREF").statusCode());
        }
    }

    @Test
    void theCommandLineRefusesAHeldReportAndRecordsWhy(@TempDir Path folder) throws Exception {
        try (TestServer server = serverWithStaff(folder)) {
            String report = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Unkind messages"))));
            String agreement = reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(agreement("en"))));
            String db = server.database.toString();
            org.polisi.forms.cli.FormsCliTestAccess.Run held = org.polisi.forms.cli.FormsCliTestAccess.run("erase",
                    "--db", db, "--school", "testschool", "--reference", report);
            assertEquals(1, held.exitCode());
            assertTrue(held.out().contains("legal hold"), held.out());
            assertFalse(erased(server, report));

            org.polisi.forms.cli.FormsCliTestAccess.Run done = org.polisi.forms.cli.FormsCliTestAccess.run("erase",
                    "--db", db, "--school", "testschool", "--reference", agreement, "--because", "Parent’s letter");
            assertEquals(0, done.exitCode(), done.out());
            assertEquals("Parent’s letter", server.erasure().tombstone("testschool", agreement).orElseThrow()
                    .explanation().orElseThrow());
        }
    }
}
