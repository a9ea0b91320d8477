package org.polisi.forms.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polisi.forms.TestServer;

/**
 * {@code ./polisi forms export --person} finds every invented person of issue 12 however their
 * name is spelt, and says how each record matched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessExportTest {

    TestServer server;
    String db;
    /** Stored name → the reference of the record that holds it. */
    final Map<String, String> references = new LinkedHashMap<>();

    static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @BeforeAll
    void start(@TempDir Path folder) {
        server = TestServer.start(folder);
        db = folder.resolve("data/polisi.db").toString();
        TestServer.Browser browser = server.browser();
        for (String parent : new String[] {"Áine Murphy", "O’Connor", "Áine Ní Bhriain", "Łukasz Wróbel",
            "Çağrı Yılmaz", "Nguyễn Thị Minh", "Mary‐Jane Smith", "\u200FSiân\u200E Jones", nfd("Gwenllïan ap Dafydd"),
            "O'Brien", "Alys Morgan"}) {
            references.put(parent, reference(browser.post("/forms/testschool/parent-agreement",
                    form(with(agreement("cy"), "parent-name", parent)))));
        }
        references.put("Ŵyn Llŷr", reference(browser.post("/forms/testschool/images-consent",
                form(consent("cy", "Ŵyn Llŷr", "given", "refused")))));
        references.put("Dafydd ap Gwilym", reference(browser.post("/forms/testschool/incident-report",
                form(with(incident("en", "immediate-risk", "Spoke to Mrs O’Connor at the gate."), "reporter-name",
                        "Dafydd ap Gwilym")))));
        server.addStaff("testschool", "Siôn Llŷr", "sion@testschool.example", "office");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode export(String person) throws IOException {
        FormsCliTest.Run run = FormsCliTest.run("", "export", "--db", db, "--person", person);
        assertEquals(0, run.exitCode(), run.out());
        return new ObjectMapper().readTree(run.out());
    }

    /** How the submission with the reference matched, or "" when the export does not list it. */
    private static String matched(JsonNode export, String reference) {
        for (JsonNode submission : export.get("submissions")) {
            if (submission.get("reference").asText().equals(reference)) {
                return submission.get("matched").asText();
            }
        }
        return "";
    }

    @ParameterizedTest(name = "{1} finds {0} {2}")
    @CsvSource(delimiter = '|', value = {
        "Áine Murphy|Áine Murphy|exactly",
        "Áine Murphy|áine MURPHY|exactly",
        "Áine Murphy|Aine Murphy|without accents",
        "O’Connor|O'Connor|exactly",
        "O’Connor|o‘connor|exactly",
        "O'Brien|O’Brien|exactly",
        "Áine Ní Bhriain|Aine Ni Bhriain|without accents",
        "Łukasz Wróbel|Lukasz Wrobel|without accents",
        "Łukasz Wróbel|ŁUKASZ WRÓBEL|exactly",
        "Çağrı Yılmaz|Cagri Yilmaz|without accents",
        "Nguyễn Thị Minh|Nguyen Thi Minh|without accents",
        "Nguyễn Thị Minh|nguyễn thị minh|exactly",
        "Mary‐Jane Smith|Mary-Jane  Smith|exactly",
        "Mary‐Jane Smith|Mary–Jane Smith|exactly",
        "\u200FSiân\u200E Jones|Siân Jones|exactly",
        "Gwenllïan ap Dafydd|Gwenllïan ap Dafydd|exactly",
    })
    void everyInventedPersonIsFoundAndTheMatchIsStated(String stored, String typed, String how) throws IOException {
        String key = references.containsKey(stored) ? stored : nfd(stored);
        assertEquals(how, matched(export(typed), references.get(key)), typed);
        assertEquals(how, matched(export(nfd(typed)), references.get(key)), "typed decomposed (NFD): " + typed);
    }

    @Test
    void aPupilsConsentsAreFoundBySpellingsOfTheirName() throws IOException {
        for (String typed : new String[] {"Ŵyn Llŷr", nfd("Ŵyn Llŷr"), "ŵyn llŷr", "Wyn Llyr"}) {
            JsonNode export = export(typed);
            assertEquals(references.get("Ŵyn Llŷr"), export.get("submissions").get(0).get("reference").asText());
            assertEquals(2, export.get("consentEvents").size(), typed);
            assertEquals(typed.equals("Wyn Llyr") ? "without accents" : "exactly",
                    export.get("consentEvents").get(0).get("matched").asText());
        }
    }

    @Test
    void aNameInsideAnIncidentAlertsAndStaffAccountsAreFoundToo() throws IOException {
        JsonNode connor = export("O'Connor");
        assertEquals("exactly", matched(connor, references.get("Dafydd ap Gwilym")), "named inside an incident report");

        JsonNode reporter = export("dafydd ap gwilym");
        assertEquals(1, reporter.get("alertsRaised").size(), reporter.toString());
        assertEquals("Dafydd ap Gwilym", reporter.get("alertsRaised").get(0).get("raisedBy").asText());
        int views = server.count("SELECT count(*) FROM incident_view WHERE channel = 'command-line'");
        assertTrue(views >= 1, "an exported incident report is recorded as viewed");

        JsonNode staff = export("Sion Llyr");
        assertEquals(1, staff.get("staffAccounts").size());
        assertEquals("without accents", staff.get("staffAccounts").get(0).get("matched").asText());
    }

    @Test
    void anErasedRecordAndItsDerivedKeyAreGone() throws IOException {
        String reference = reference(server.browser().post("/forms/testschool/parent-agreement",
                form(with(agreement("en"), "parent-name", "Eirlys Ó Súilleabháin"))));
        assertEquals("without accents", matched(export("Eirlys O Suilleabhain"), reference));
        assertEquals(0, FormsCliTest.run("", "erase", "--db", db, "--school", "testschool", "--reference", reference)
                .exitCode());
        assertEquals("", matched(export("Eirlys O Suilleabhain"), reference));
        assertEquals(0, server.count("SELECT count(*) FROM submission_name_key k JOIN submission s"
                + " ON s.id = k.submission_id WHERE s.reference = '" + reference + "'"));
    }

    @Test
    void someoneElseIsNotFoundAndAQueryTooShortIsRefused() throws IOException {
        JsonNode export = export("Bryn Morgan");
        assertEquals(0, export.get("submissions").size(), export.toString());
        assertEquals(2, FormsCliTest.run("", "export", "--db", db, "--person", "\u200B a\u0301").exitCode());
    }
}
