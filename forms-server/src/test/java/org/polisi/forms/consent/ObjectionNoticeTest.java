package org.polisi.forms.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;
import static org.polisi.forms.consent.ObjectionFixture.notice;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCliTestAccess;
import org.polisi.forms.storage.ChainVerifier;

/**
 * Issue 15, docs/adr/0057: a notice of objection (kind {@code objection}) is filed as one, its ticks
 * are events in the school's consent event chain, an empty notice is refused at its field in the
 * form's language, the newest notice stands, and staff pages, CSV and receipts call it an objection,
 * never a consent, in both languages.
 */
class ObjectionNoticeTest {

    private static TestServer start(Path folder, TestDatabases.Kind kind) {
        return TestServer.start(ObjectionFixture.settings(TestServer.settings(folder, kind), folder).load(),
                Clock.systemUTC());
    }

    private static Map<String, String> stateOf(TestServer server, String pupil) {
        return new ConsentState(server.jdbi()).of("testschool", server.forms("testschool")).value().stream()
                .filter(line -> line.pupil().equals(pupil) && line.formId().equals(ObjectionFixture.FORM))
                .collect(Collectors.toMap(CurrentConsent::statement, CurrentConsent::answer));
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aNoticeIsFiledAsAnObjectionAndTheNewestNoticeStands(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = start(folder, kind)) {
            TestServer.Browser parent = server.browser();
            String first = reference(parent.post("/forms/testschool/photo-objection",
                    form(notice("cy", "Siân Ŵyn", "photographs-online"))));
            assertEquals("objection", server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT form_kind FROM submission WHERE reference = :reference").bind("reference", first)
                    .mapTo(String.class).one()));
            assertEquals(Map.of("not-agreed.photographs-online", "objects", "not-agreed.work-online", "no-objection"),
                    stateOf(server, "Siân Ŵyn"));

            reference(parent.post("/forms/testschool/photo-objection", form(notice("en", "Siân Ŵyn", "work-online"))));
            assertEquals(Map.of("not-agreed.photographs-online", "no-objection", "not-agreed.work-online", "objects"),
                    stateOf(server, "Siân Ŵyn"), "the parent changed their notice by sending another");
            assertEquals(List.of("objects", "no-objection", "no-objection", "objects"), server.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT answer FROM consent_event WHERE form_id = 'photo-objection' ORDER BY id")
                            .mapTo(String.class).list()), "both notices stay in the history");

            List<ChainVerifier.SchoolResult> results = new ChainVerifier(server.jdbi()).verifyAll();
            assertTrue(results.stream().allMatch(result -> result.problem().isEmpty()), results.toString());
            assertTrue(results.stream().anyMatch(result -> result.chain().equals("consent-event") && result.records() == 4),
                    results.toString());
        }
    }

    /** What {@code ./polisi forms verify} runs, on the database the server wrote. */
    @Test
    void formsVerifyPassesWithNotices(@TempDir Path folder) {
        try (TestServer server = start(folder, TestDatabases.Kind.SQLITE)) {
            reference(server.browser().post("/forms/testschool/photo-objection",
                    form(notice("en", "Gwen Morgan", "photographs-online", "work-online"))));
        }
        FormsCliTestAccess.Run run = FormsCliTestAccess.run("verify", "--db", folder.resolve("data/polisi.db").toString(),
                "--agreed-texts", folder.resolve("agreed-texts").toString());
        assertEquals(0, run.exitCode(), run.out());
    }

    /** An empty notice would say nothing: refused at the field, in the form's language, and nothing stored. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anEmptyNoticeIsRefusedAtItsFieldInTheFormsLanguage(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = start(folder, kind)) {
            HttpResponse<String> welsh = server.browser().postAndFollow("/forms/testschool/photo-objection",
                    form(notice("cy", "Siân Ŵyn")));
            assertEquals(200, welsh.statusCode(), welsh.body());
            Document page = Jsoup.parse(welsh.body());
            assertEquals(List.of("Dewiswch o leiaf un ateb ar gyfer ‘" + ObjectionFixture.LABEL_CY + "’"),
                    page.select(".error-summary li").eachText(), welsh.body());
            HttpResponse<String> english = server.browser().postAndFollow("/forms/testschool/photo-objection",
                    form(notice("en", "Siân Ŵyn", "")));
            assertEquals(200, english.statusCode(), english.body());
            assertTrue(Jsoup.parse(english.body()).text()
                    .contains("Select at least one answer for ‘What you do NOT give permission for’"), english.body());
            assertEquals(0, server.count("SELECT count(*) FROM submission"));
            assertEquals(0, server.count("SELECT count(*) FROM consent_event"));
        }
    }

    /** The by-class consents page and its CSV: "objects to X" for the child, never "consent given". */
    @Test
    void staffSeeObjectionsAsObjectionsOnThePageAndInCsv(@TempDir Path folder) {
        try (TestServer server = start(folder, TestDatabases.Kind.SQLITE)) {
            server.addStaff("testschool", "Hana Head", "head@test.example", "headteacher");
            reference(server.browser().post("/forms/testschool/photo-objection",
                    form(notice("en", "Gwen Morgan", "photographs-online"))));
            TestServer.Browser head = server.loggedIn("head@test.example");

            Document page = Jsoup.parse(head.get("/staff/consents").body());
            Element row = page.select("tr").stream().filter(tr -> tr.text().contains("Gwen Morgan")
                    && tr.text().contains(ObjectionFixture.PHOTOS)).findFirst().orElse(null);
            assertNotNull(row, page.html());
            assertTrue(row.text().contains("Objects to this"), row.outerHtml());
            assertFalse(row.text().contains("consent"), row.outerHtml());
            Element work = page.select("tr").stream().filter(tr -> tr.text().contains(ObjectionFixture.WORK))
                    .findFirst().orElseThrow();
            assertTrue(work.text().contains("No objection"), work.outerHtml());
            assertFalse(page.select("td").stream().anyMatch(td -> td.text().contains("I give consent")), page.html());
            assertTrue(page.select("select[name=answer] option").stream().anyMatch(o -> o.attr("value").equals("objects")));

            Document objecting = Jsoup.parse(head.get("/staff/consents?answer=objects").body());
            assertTrue(objecting.text().contains(ObjectionFixture.PHOTOS), objecting.html());
            assertFalse(objecting.text().contains(ObjectionFixture.WORK + " No objection"), objecting.html());

            String csv = head.get("/staff/consents.csv").body();
            String line = csv.lines().filter(each -> each.contains("Gwen Morgan") && each.contains("Images of my child"))
                    .findFirst().orElseThrow(() -> new AssertionError(csv));
            assertTrue(line.contains("Objects to this"), line);
            assertFalse(csv.contains("I give consent"), csv);

            Document welsh = Jsoup.parse(head.get("/staff/consents?lang=cy").body());
            assertTrue(welsh.text().contains("Yn gwrthwynebu hyn"), welsh.html());
            assertTrue(welsh.text().contains(ObjectionFixture.PHOTOS_CY), welsh.html());
            assertFalse(welsh.select("td").stream().anyMatch(td -> td.text().contains("Rwy'n rhoi caniatâd")), welsh.html());
        }
    }

    /** The receipt of a notice offers to change it by sending it again; nothing about withdrawing consent. */
    @Test
    void theReceiptSaysHowToChangeTheNoticeInItsLanguage(@TempDir Path folder) {
        try (TestServer server = start(folder, TestDatabases.Kind.SQLITE)) {
            for (String language : List.of("en", "cy")) {
                TestServer.Browser parent = server.browser();
                HttpResponse<String> sent = parent.post("/forms/testschool/photo-objection",
                        form(notice(language, "Gwen Morgan", "work-online")));
                assertEquals(303, sent.statusCode(), sent.body());
                String location = sent.headers().firstValue("Location").orElseThrow();
                Document receipt = Jsoup.parse(parent.get(location.substring(location.indexOf("/forms/"))).body());
                Element change = receipt.selectFirst(".withdraw-link a");
                assertNotNull(change, receipt.html());
                assertEquals("/testschool/" + language + "/photo-objection.html", change.attr("href"));
                assertTrue(change.text().startsWith(language.equals("en") ? "Change this notice" : "Newid yr hysbysiad hwn"),
                        change.text());
                String text = receipt.text();
                assertFalse(text.contains("Withdraw") || text.contains("withdraw") || text.contains("Tynnu"), text);
                assertFalse(text.contains(language.equals("en") ? "The text you agreed to" : "cytunoch"), text);
            }
        }
    }

    /** The staff record of a notice shows its history under its own name. */
    @Test
    void theRecordShowsTheNoticesHistory(@TempDir Path folder) {
        try (TestServer server = start(folder, TestDatabases.Kind.SQLITE)) {
            server.addStaff("testschool", "Hana Head", "head@test.example", "headteacher");
            String reference = reference(server.browser().post("/forms/testschool/photo-objection",
                    form(notice("en", "Gwen Morgan", "photographs-online"))));
            Document record = Jsoup.parse(server.loggedIn("head@test.example").get("/staff/submissions/" + reference).body());
            assertTrue(record.select("h2").eachText().contains("History of this notice of objection"), record.html());
            assertFalse(record.select("h2").eachText().contains("History of this consent form"), record.html());
            assertTrue(record.text().contains("Objects to this"), record.html());
        }
    }

    /**
     * Issue 20: a notice of objection went straight to the record, with no chance to see it first.
     * Like a consent or an agreement (docs/adr/0052), it now goes through "Check your answers": each
     * question with the answer as given in the page's language, a "Change" link to the question, and
     * only "Send" makes the record, once.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aNoticeIsCheckedBeforeItIsRecordedInEachLanguage(TestDatabases.Kind kind, @TempDir Path folder) {
        try (TestServer server = start(folder, kind)) {
            for (String language : List.of("en", "cy")) {
                TestServer.Browser parent = server.browser();
                HttpResponse<String> continued = parent.post("/forms/testschool/photo-objection",
                        form(notice(language, "Gwen Morgan", "photographs-online")) + "&check-answers=yes");
                assertEquals(303, continued.statusCode(), continued.body());
                String check = continued.headers().firstValue("Location").orElseThrow();
                assertTrue(check.matches("/forms/testschool/photo-objection/check/[A-Za-z0-9_-]{43}"), check);
                assertEquals(language.equals("en") ? 0 : 1,
                        server.count("SELECT count(*) FROM submission WHERE form_kind = 'objection'"),
                        "nothing is recorded before Send");

                Document page = Jsoup.parse(parent.get(check).body());
                assertEquals(language, page.selectFirst("html").attr("lang"));
                List<String> questions = page.select(".summary-list--check dt").eachText();
                assertEquals(language.equals("en")
                        ? List.of("Your child's full name", "Your child's year group", "What you do NOT give permission for")
                        : List.of("Enw llawn eich plentyn", "Grŵp blwyddyn eich plentyn", ObjectionFixture.LABEL_CY),
                        questions);
                assertTrue(page.selectFirst(".summary-list--check").text().contains(
                        language.equals("en") ? ObjectionFixture.PHOTOS : ObjectionFixture.PHOTOS_CY), page.html());
                assertTrue(page.selectFirst(".summary-list--check").text().contains("Gwen Morgan"));
                List<String> changes = page.select(".summary-list__actions a").eachAttr("href");
                assertEquals(3, changes.size(), "a Change link for each question");
                assertTrue(changes.get(2).endsWith("#photo-objection--not-agreed--question"), changes.get(2));

                HttpResponse<String> sent = parent.post(check, "lang=" + language);
                assertEquals(303, sent.statusCode());
                assertTrue(sent.headers().firstValue("Location").orElseThrow().startsWith("/forms/testschool/received/"));
                HttpResponse<String> again = parent.post(check, "lang=" + language);
                // Send again (a double tap): the receipt of the same record again, no second record (23:40 tester)
                assertEquals(303, again.statusCode(), "Send again: the same receipt, no second record");
                assertEquals(sent.headers().firstValue("Location").orElseThrow().replaceFirst("\\?.*", ""),
                        again.headers().firstValue("Location").orElseThrow().replaceFirst("\\?.*", ""));
            }
            assertEquals(2, server.count("SELECT count(*) FROM submission WHERE form_kind = 'objection'"),
                    "one notice per language, each sent twice");
        }
    }
}
