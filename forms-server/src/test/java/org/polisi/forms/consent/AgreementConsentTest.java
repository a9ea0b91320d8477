package org.polisi.forms.consent;

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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;

/**
 * Tester 7's finding 19 (ADR 0106): a consent question asked inside an agreement (Rumney's parent/carer
 * agreement: "I give permission for my child to have access to the internet", given or refused) is a
 * consent like any other: its answers are consent events, stand on the consents register (filterable,
 * in the CSV), can be withdrawn on line, and "who must sign again" shows a signature that refused (or
 * later withdrew) the permission as such. The fixture's parent agreement is given the child's name and
 * that question, and its withdrawal form offers it, as the site now publishes it. SQLite and PostgreSQL,
 * a real server, English and Welsh.
 */
class AgreementConsentTest {

    private static final String HEAD = "head@test.example";
    private static final String AGREEMENT = "/forms/testschool/parent-agreement";
    private static final String INTERNET = "permission.internet-access";

    /** The fixture with a consent question in its parent agreement, and that agreement among the withdrawal form's choices. */
    static TestServer start(Path folder, TestDatabases.Kind kind) throws IOException {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        Path school = manifests.resolve("testschool.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(school.toFile());
        for (var each : manifest.get("forms")) {
            String id = each.get("id").asText();
            if (id.equals("parent-agreement")) {
                ArrayNode fields = (ArrayNode) each.get("fields");
                fields.insert(1, json.readTree("""
                        {"name": "pupil-names", "type": "pupil-names", "required": false, "maxLength": 100, "maxItems": 3,
                         "label": {"en": "Your child's full name", "cy": "Enw llawn eich plentyn"}, "options": [],
                         "statements": []}"""));
                fields.add(json.readTree("""
                        {"name": "permission", "type": "consent", "required": true,
                         "label": {"en": "Permission", "cy": "Caniatâd"}, "options": [],
                         "statements": [{"id": "internet-access",
                           "text": {"en": "I give permission for my child to have access to the internet at school.",
                                    "cy": "Rwy'n rhoi caniatâd i fy mhlentyn gael mynediad i'r rhyngrwyd yn yr ysgol."},
                           "label": {"en": "Internet access", "cy": "Mynediad i'r rhyngrwyd"}}]}"""));
            }
            if (id.equals("consent-withdrawal")) {
                for (var field : each.get("fields")) {
                    if (field.get("name").asText().equals("consent-form")) {
                        ((ArrayNode) field.get("options")).add(json.readTree("""
                                {"value": "parent-agreement", "label": {"en": "Parent and carer agreement",
                                 "cy": "Cytundeb rhieni a gofalwyr"}}"""));
                    }
                }
            }
        }
        json.writeValue(school.toFile(), manifest);
        TestServer server = TestServer.start(TestServer.settings(folder, kind).set("manifest-dir", manifests).load(),
                Clock.systemUTC());
        server.addStaff("testschool", "Heledd Pennaeth", HEAD, "headteacher");
        return server;
    }

    static String sign(TestServer server, String language, String parent, String pupil, String internet) {
        String[] pairs = with(with(with(agreement(language), "parent-name", parent), "pupil-names", pupil),
                INTERNET, internet);
        HttpResponse<String> sent = server.browser().post(AGREEMENT, form(pairs));
        assertEquals(303, sent.statusCode(), sent.body());
        return reference(sent);
    }

    private static List<CurrentConsent> internet(TestServer server) {
        return new ConsentState(server.jdbi()).of("testschool", server.forms("testschool")).value().stream()
                .filter(consent -> consent.formId().equals("parent-agreement")).toList();
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aPermissionAskedInAnAgreementStandsOnTheRegisterAndTheSignaturesSayItWasRefused(TestDatabases.Kind kind,
                                                                                        @TempDir Path folder)
            throws IOException {
        try (TestServer server = start(folder, kind)) {
            String refusing = sign(server, "en", "Refusing Parent", "No Internet Kid", "refused");
            String giving = sign(server, "cy", "Rhiant Cydsynio", "Plentyn Gwe", "given");

            List<CurrentConsent> lines = internet(server);
            assertEquals(2, lines.size(), "one standing answer per child: " + lines);
            assertTrue(lines.stream().anyMatch(line -> line.pupil().equals("No Internet Kid")
                    && line.answer().equals(ConsentEvent.REFUSED) && line.reference().equals(refusing)), lines.toString());
            assertTrue(lines.stream().anyMatch(line -> line.pupil().equals("Plentyn Gwe")
                    && line.answer().equals(ConsentEvent.GIVEN) && line.reference().equals(giving)), lines.toString());

            TestServer.Browser head = server.loggedIn(HEAD);
            Document register = Jsoup.parse(head.get("/staff/consents").body());
            assertNotNull(register.selectFirst("option[value=parent-agreement." + INTERNET + "]"),
                    "the statement is among the register's filters");
            Document filtered = Jsoup.parse(head.get("/staff/consents?statement=parent-agreement." + INTERNET).body());
            assertTrue(filtered.text().contains("No Internet Kid") && filtered.text().contains("Plentyn Gwe"),
                    filtered.text());
            assertTrue(filtered.text().contains("I do not give consent"), filtered.text());
            String csv = head.get("/staff/consents.csv").body();
            assertTrue(csv.lines().anyMatch(line -> line.contains("No Internet Kid") && line.contains("I do not give consent")
                    && line.contains(refusing)), csv);

            Element signatures = Jsoup.parse(head.get("/staff/signatures").body())
                    .selectFirst("section[aria-labelledby=signatures--parent-agreement]");
            assertNotNull(signatures);
            assertTrue(signatures.select("tbody tr").stream().anyMatch(row -> row.child(0).text().equals("Refusing Parent")
                    && row.child(1).text().equals("Signed the current version; Refused: Internet access")),
                    signatures.text());
            assertTrue(signatures.select("tbody tr").stream().anyMatch(row -> row.child(0).text().equals("Rhiant Cydsynio")
                    && row.child(1).text().equals("Signed the current version")), signatures.text());
            String signaturesCsv = head.get("/staff/signatures.csv?form=parent-agreement").body();
            assertTrue(signaturesCsv.contains("Refusing Parent,Signed the current version; Refused: Internet access,"),
                    signaturesCsv);
            Element welsh = Jsoup.parse(head.get("/staff/signatures?lang=cy").body())
                    .selectFirst("section[aria-labelledby=signatures--parent-agreement]");
            assertTrue(welsh.text().contains("Wedi llofnodi’r fersiwn gyfredol; Gwrthodwyd: Mynediad i'r rhyngrwyd"),
                    welsh.text());

            Document record = Jsoup.parse(head.get("/staff/submissions/" + refusing).body());
            assertTrue(record.text().contains("No Internet Kid"), "the record shows the consent's history");
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aPermissionGivenInAnAgreementCanBeWithdrawnOnLineAndARefusalHasNothingToWithdraw(TestDatabases.Kind kind,
                                                                                          @TempDir Path folder)
            throws IOException {
        try (TestServer server = start(folder, kind)) {
            TestServer.Browser signer = server.browser();
            HttpResponse<String> signed = signer.post(AGREEMENT, form(with(with(with(agreement("en"), "parent-name",
                    "Giving Parent"), "pupil-names", "Web Kid"), INTERNET, "given")));
            String giving = reference(signed);
            String refusing = sign(server, "en", "Refusing Parent", "No Internet Kid", "refused");

            Document receipt = Jsoup.parse(signer.get(signed.headers().firstValue("Location").orElseThrow()).body());
            Element withdraw = receipt.selectFirst("a[href$=consent-withdrawal.html?reference=" + giving + "]");
            assertNotNull(withdraw, "the receipt links to withdrawing this consent: " + receipt.text());
            assertEquals("Withdraw this consent", withdraw.text());

            TestServer.Browser parent = server.browser();
            HttpResponse<String> first = parent.post("/forms/testschool/consent-withdrawal",
                    form(withdrawal("en", giving, "Web Kid")));
            assertEquals(303, first.statusCode(), first.body());
            String statements = first.headers().firstValue("Location").orElseThrow();
            assertTrue(statements.contains("/statements/"), statements);
            Document second = Jsoup.parse(parent.get(statements).body());
            assertEquals(List.of("all", INTERNET), second.select("input[type=checkbox][name=withdraw]").eachAttr("value"));
            assertTrue(second.text().contains("Internet access")
                    || second.text().contains("I give permission for my child to have access to the internet"),
                    second.text());
            assertFalse(second.text().contains("You did not give a reference number"), second.text());

            List<String> pairs = new ArrayList<>(List.of(withdrawal("en", giving, "Web Kid")));
            pairs.addAll(List.of("withdraw-step", "statements", "withdraw", INTERNET));
            HttpResponse<String> sent = server.browser().post("/forms/testschool/consent-withdrawal",
                    form(pairs.toArray(String[]::new)));
            assertEquals(303, sent.statusCode(), sent.body());
            assertTrue(sent.headers().firstValue("Location").orElse("").contains("/received/"),
                    sent.headers().firstValue("Location").orElse(""));
            assertTrue(internet(server).stream().anyMatch(line -> line.pupil().equals("Web Kid")
                    && line.answer().equals(ConsentEvent.WITHDRAWN)), internet(server).toString());

            TestServer.Browser head = server.loggedIn(HEAD);
            Element signatures = Jsoup.parse(head.get("/staff/signatures").body())
                    .selectFirst("section[aria-labelledby=signatures--parent-agreement]");
            assertTrue(signatures.select("tbody tr").stream().anyMatch(row -> row.child(0).text().equals("Giving Parent")
                    && row.child(1).text().equals("Signed the current version; Withdrawn since: Internet access")),
                    signatures.text());

            HttpResponse<String> nothing = server.browser().post("/forms/testschool/consent-withdrawal",
                    form(withdrawal("en", refusing, "No Internet Kid")));
            String location = nothing.headers().firstValue("Location").orElse("");
            assertFalse(location.contains("/statements/"), "a refusal has nothing to withdraw: " + location);
        }
    }

    /** A withdrawal's first page for the parent agreement. */
    static String[] withdrawal(String language, String reference, String pupil) {
        return new String[] {"form-id", "consent-withdrawal", "form-lang", language, "form-version",
            version(language, 4), "reference", reference, "parent-name", "Siân Jones", "pupil-names", pupil,
            "pupil-names", "", "pupil-names", "", "consent-form", "parent-agreement", "website", ""};
    }
}
