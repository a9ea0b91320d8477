package org.polisi.forms.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.version;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.archive.AgreedText;

/**
 * After an agreement's wording changes (a rebuild publishes a new form version with its snapshot), the
 * staff pages list who signed only the older version and must sign again, per group, as a page and as
 * CSV, and the governors' summary counts staff on the current staff agreement.
 */
class WhoMustSignAgainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void peopleWhoSignedOnlyAnOlderVersionAreListedAsMustSignAgain(@TempDir Path folder) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path archive = TestServer.copyOfFixture("agreed-texts", folder.resolve("agreed-texts"));
        try (TestServer server = start(folder, manifests, archive)) {
            String gwen = reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Gwen Morgan"))));
            reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Siân Jones"))));
            reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("cy"), "parent-name", "Rhys Evans"))));

            String newVersion = republish(manifests, archive, "parent-agreement", "en", "Parents also agree to charge devices downstairs.");
            HttpResponse<String> stale = server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Late Signer")));
            assertTrue(stale.headers().firstValue("Location").orElse("").contains("/answers/"),
                    "the old version is no longer accepted: the form again, with its message");
            reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(with(agreement("en"), "form-version", newVersion), "parent-name", "SIÂN JONES"))));

            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            TestServer.Browser head = server.browser();
            head.login("head@test.example", TestServer.PASSWORD);
            Document page = Jsoup.parse(head.get("/staff/signatures").body());
            Element section = page.selectFirst("section[aria-labelledby=signatures--parent-agreement]");
            assertNotNull(section, page.outerHtml());
            assertEquals("Parents and carers", section.previousElementSibling().text(), "under the parents' heading");
            assertTrue(section.text().contains("2 people signed the current version; 1 person signed only an earlier version and must sign again."),
                    section.text());
            List<Element> rows = section.select("tbody tr");
            assertEquals(3, rows.size(), "Siân is one person, whatever the case of her name");
            assertEquals("Gwen Morgan", rows.get(0).child(0).text(), "those who must sign again come first");
            assertEquals("Must sign again", rows.get(0).child(1).text());
            assertEquals("/agreed-texts/testschool/parent-agreement/" + version("en", 1),
                    rows.get(0).selectFirst("a[href^=/agreed-texts/]").attr("href"), "with the text they signed");
            assertEquals("/staff/submissions/" + gwen, rows.get(0).selectFirst("a[href^=/staff/submissions/]").attr("href"));
            assertEquals("Signed the current version", rows.get(2).child(1).text());
            // ADR 0106 (tester 7 finding 17): the Welsh text did not change, but the English did since: check
            assertTrue(rows.stream().anyMatch(row -> row.text().contains("Rhys Evans") && row.text().contains(version("cy", 1))
                    && row.child(1).text().equals("Signed a version whose English has since changed: check")),
                    rows.toString());
            assertTrue(rows.stream().anyMatch(row -> row.child(0).text().equals("SIÂN JONES")
                    && row.text().contains(newVersion)), "her newest signature, her name as stored: " + rows);

            HttpResponse<String> csv = head.get("/staff/signatures.csv?form=parent-agreement");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            List<String> lines = csv.body().lines().toList();
            assertEquals("\uFEFFName,Status,Version signed,Language,Signed (UK time),\"Signed (UTC, ISO 8601)\",Reference,"
                    + "Earlier versions signed", lines.get(0)); // issue 20: times for people and for machines
            assertTrue(lines.get(1).startsWith("Gwen Morgan,Must sign again," + version("en", 1) + ",English,"),
                    lines.get(1));
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("SIÂN JONES,Signed the current version," + newVersion)
                    && line.endsWith(",1")), "Siân signed one earlier version: " + lines);

            Document welsh = Jsoup.parse(head.get("/staff/signatures?lang=cy").body());
            assertTrue(welsh.text().contains("Pwy sydd angen llofnodi eto"), welsh.text());
            assertTrue(welsh.text().contains("Angen llofnodi eto"));
            assertTrue(welsh.text().contains("Rhieni a gofalwyr"));
        }
    }

    @Test
    void onlyTheAgreementsAMemberOfStaffMayReadAreListedOrExported(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Gwen Morgan"))));
            server.addStaff("testschool", "Olwen Office", "office@test.example", "office");
            TestServer.Browser office = server.browser();
            office.login("office@test.example", TestServer.PASSWORD);
            // one decision for the page and its CSV (StaffRecords.mayOpen): a role that reads no agreement opens neither
            HttpResponse<String> page = office.get("/staff/signatures");
            assertEquals(403, page.statusCode(), page.body());
            assertFalse(page.body().contains("Gwen Morgan"));
            assertEquals(403, office.get("/staff/signatures.csv?form=parent-agreement").statusCode());
            assertEquals(403, office.get("/staff/signatures.csv?form=images-consent").statusCode(), "not an agreement");

            server.addStaff("otherschool", "Other Head", "head@other.example", "headteacher");
            TestServer.Browser other = server.browser();
            other.login("head@other.example", TestServer.PASSWORD);
            assertFalse(other.get("/staff/signatures").body().contains("Gwen Morgan"), "another school sees nothing");
            assertEquals(403, other.get("/staff/signatures.csv?form=parent-agreement").statusCode());
            HttpResponse<String> signedOut = server.browser().get("/staff/signatures.csv?form=parent-agreement");
            assertEquals(303, signedOut.statusCode());
            assertTrue(signedOut.headers().firstValue("Location").orElse("").startsWith("/staff/login"), "signed out: sent to log in");
        }
    }

    @Test
    void theGovernorsSummaryCountsStaffOnTheCurrentStaffAgreement(@TempDir Path folder) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path archive = TestServer.copyOfFixture("agreed-texts", folder.resolve("agreed-texts"));
        try (TestServer server = start(folder, manifests, archive)) {
            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            TestServer.Browser head = server.browser();
            head.login("head@test.example", TestServer.PASSWORD);
            assertTrue(head.get("/staff/governors").body().contains("Nobody has signed a staff agreement yet."));

            String first = addStaffAgreement(manifests, archive);
            for (String name : List.of("Aled Jones", "Bethan Lewis", "Carys Price", "Dafydd Rees")) {
                reference(server.browser().post("/forms/testschool/staff-agreement", form(staffAgreement(first, name))));
            }
            String second = republish(manifests, archive, "staff-agreement", "en", "Staff lock their screens.");
            reference(server.browser().post("/forms/testschool/staff-agreement", form(staffAgreement(second, "Aled Jones"))));

            Document governors = Jsoup.parse(head.get("/staff/governors").body());
            assertEquals("Of the 4 people who have signed ‘Staff agreement’, 1 (25%) has signed its current version.",
                    governors.selectFirst(".staff-agreement-currency").text());
            assertFalse(governors.text().contains("Bethan"), "counts only, no names");
            Document welsh = Jsoup.parse(head.get("/staff/governors?lang=cy").body());
            assertEquals("O’r 4 o bobl sydd wedi llofnodi ‘Cytundeb staff’, mae 1 (25%) wedi llofnodi’r fersiwn gyfredol.",
                    welsh.selectFirst(".staff-agreement-currency").text());
            Document list = Jsoup.parse(head.get("/staff/signatures").body());
            assertEquals("Staff", list.selectFirst("h2").text(), "staff are listed first");
        }
    }

    @Test
    void aNewVersionWhoseAgreedTextIsWordForWordTheSameAsksNoOneToSignAgain(@TempDir Path folder) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path archive = TestServer.copyOfFixture("agreed-texts", folder.resolve("agreed-texts"));
        try (TestServer server = start(folder, manifests, archive)) {
            reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Gwen Morgan"))));
            reference(server.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("cy"), "parent-name", "Rhys Evans"))));
            // Issue #17: a setting the page does not print changed, so the version did, the words did not.
            String unseen = republish(manifests, archive, "parent-agreement", "en",
                    "{headteacher=LocalizedText[byLanguage={}, everyLanguage=Mrs Eleri Williams-Ôwen]}", false);
            assertFalse(unseen.equals(version("en", 1)));

            server.addStaff("testschool", "Helen Head", "head@test.example", "headteacher");
            TestServer.Browser head = server.browser();
            head.login("head@test.example", TestServer.PASSWORD);
            Element section = Jsoup.parse(head.get("/staff/signatures").body())
                    .selectFirst("section[aria-labelledby=signatures--parent-agreement]");
            assertNotNull(section);
            assertFalse(section.text().contains("Must sign again"), section.text());
            assertTrue(section.text().contains("2 people signed the current version"), section.text());

            // A change anyone can see still asks Gwen to sign again.
            republish(manifests, archive, "parent-agreement", "en", "Parents also agree to charge devices downstairs.");
            Element after = Jsoup.parse(head.get("/staff/signatures").body())
                    .selectFirst("section[aria-labelledby=signatures--parent-agreement]");
            assertTrue(after.text().contains("1 person signed only an earlier version and must sign again."), after.text());
            assertTrue(after.select("tbody tr").stream().anyMatch(row -> row.text().contains("Gwen Morgan")
                    && row.child(1).text().equals("Must sign again")), after.text());
        }
    }

    private static String[] staffAgreement(String version, String name) {
        return with(with(with(agreement("en"), "form-id", "staff-agreement"), "form-version", version), "parent-name", name);
    }

    /** A staff agreement in the school's manifest, with its snapshot, as a build would publish it; returns its version. */
    private static String addStaffAgreement(Path manifests, Path archive) throws IOException {
        Path file = manifests.resolve("testschool.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        ObjectNode staff = manifest.get("forms").get(0).deepCopy();
        staff.put("id", "staff-agreement").put("signedBy", "staff");
        staff.putObject("title").put("en", "Staff agreement").put("cy", "Cytundeb staff");
        ((com.fasterxml.jackson.databind.node.ArrayNode) manifest.get("forms")).add(staff);
        ObjectNode snapshot = (ObjectNode) JSON.readTree(archive.resolve("testschool/parent-agreement/"
                + version("en", 1) + ".json").toFile());
        snapshot.put("formId", "staff-agreement").put("formTitle", "Staff agreement");
        Files.createDirectories(archive.resolve("testschool/staff-agreement"));
        JSON.writeValue(archive.resolve("testschool/staff-agreement/" + version("en", 1) + ".json").toFile(), snapshot);
        write(file, manifest);
        return version("en", 1);
    }

    /**
     * What a rebuild after a change of wording publishes: a new snapshot of the page's text in one
     * language, named by the version its texts hash to, and the manifest naming that version.
     */
    private static String republish(Path manifests, Path archive, String formId, String language, String addedSentence)
            throws IOException {
        return republish(manifests, archive, formId, language, addedSentence, true);
    }

    /**
     * A new version of the form in the manifest, with its snapshot, as a rebuild would publish it; returns it.
     * {@code visible}: whether the added source text shows on the page (false: a change only the
     * version's inputs see, such as a setting the page does not print or a new way of computing versions).
     */
    private static String republish(Path manifests, Path archive, String formId, String language, String addedSentence,
                                    boolean visible) throws IOException {
        return republish(manifests, archive, formId, language, addedSentence, visible, "2026-11-30");
    }

    /** As above, the new version first published on {@code published} (an ISO date), as the archive records it. */
    static String republish(Path manifests, Path archive, String formId, String language, String addedSentence,
                            boolean visible, String published) throws IOException {
        Path file = manifests.resolve("testschool.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        ObjectNode form = null;
        for (var each : manifest.get("forms")) {
            if (each.get("id").asText().equals(formId)) {
                form = (ObjectNode) each;
            }
        }
        String old = form.get("versions").get(language).asText();
        ObjectNode snapshot = (ObjectNode) JSON.readTree(archive.resolve("testschool").resolve(formId).resolve(old + ".json").toFile());
        snapshot.put("pageSource", snapshot.get("pageSource").asText() + addedSentence + "\n");
        // The page as the build renders it: with the sentence, unless the change is one no one sees.
        String html = snapshot.get("pageHtml").asText();
        snapshot.put("pageHtml", visible ? html.replace("</h1>", "</h1>\n<p>" + addedSentence + "</p>") : html);
        snapshot.put("firstPublished", published);
        String version = JSON.treeToValue(snapshot, AgreedText.class).versionOfTexts();
        snapshot.put("formVersion", version);
        snapshot.put("pageHtml", snapshot.get("pageHtml").asText().replace("value=\"" + old + "\"", "value=\"" + version + "\""));
        JSON.writeValue(archive.resolve("testschool").resolve(formId).resolve(version + ".json").toFile(), snapshot);
        ((ObjectNode) form.get("versions")).put(language, version);
        write(file, manifest);
        return version;
    }

    /** Writes the manifest with a later modification time, as a new build would, so the server reloads it. */
    private static void write(Path file, ObjectNode manifest) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        JSON.writeValue(file.toFile(), manifest);
        Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(2).isAfter(Instant.now())
                ? before.toInstant().plusSeconds(2) : Instant.now()));
    }

    private static TestServer start(Path folder, Path manifests, Path archive) {
        return TestServer.start(TestServer.settings(folder).set("manifest-dir", manifests).set("agreed-texts-dir", archive)
                .load(), Clock.systemUTC());
    }

}
