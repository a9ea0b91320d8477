package org.polisi.forms.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Issue 20, fault 7: "the CSV has one row per answer; Excel on Windows must read Welsh letters;
 * times are UTC ISO strings; the urgent flag says yes even in the Welsh export". Read back with
 * Commons CSV from a real server, in both languages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvExportTest {

    TestServer server;
    TestServer.Browser head;
    String urgent;
    String calm;
    String agreementReference;

    @BeforeAll
    void start(@TempDir Path folder) {
        server = TestServer.start(folder);
        server.addStaff("testschool", "Heledd Pennaeth", "head@test.example", "headteacher");
        urgent = reference(server.browser().post("/forms/testschool/incident-report",
                form(incident("cy", "immediate-risk", "Negeseuon cas i Siôn ŵyr Gwŷn"))));
        calm = reference(server.browser().post("/forms/testschool/incident-report",
                form(incident("en", "none", "Unkind messages"))));
        agreementReference = reference(server.browser().post("/forms/testschool/parent-agreement",
                form(agreement("en"))));
        head = server.loggedIn("head@test.example");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static List<CSVRecord> rows(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().matches("text/csv; ?charset=utf-8"));
        assertEquals('\uFEFF', response.body().charAt(0), "a UTF-8 byte order mark, for Excel on Windows");
        return CSVFormat.DEFAULT.parse(new StringReader(response.body().substring(1))).getRecords();
    }

    private static CSVRecord row(List<CSVRecord> rows, String reference) {
        return rows.stream().filter(each -> each.get(0).equals(reference)).findFirst().orElseThrow();
    }

    @Test
    void oneFormHasOneRowPerSubmissionWithOneColumnPerQuestion() throws IOException {
        List<CSVRecord> rows = rows(head.get("/staff/export.csv?form=incident-report&lang=en"));
        assertEquals(3, rows.size(), "a header and one row per submission");
        List<String> header = rows.get(0).toList();
        assertEquals(List.of("Reference", "Received (UTC, ISO 8601)", "Received (UK time)", "Language", "Form version",
                "Urgent"), header.subList(0, 6));
        assertTrue(header.containsAll(List.of("Is any of this true?", "What happened")), header.toString());
        CSVRecord welshReport = row(rows, urgent);
        assertEquals("Welsh", welshReport.get(3), "the form's language, named in the reader's");
        assertEquals("Yes", welshReport.get(5));
        assertEquals("No", row(rows, calm).get(5));
        assertTrue(welshReport.get(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), welshReport.get(1));
        assertTrue(welshReport.get(2).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d \\+0[01]:00"),
                welshReport.get(2));
        assertEquals("Negeseuon cas i Siôn ŵyr Gwŷn", welshReport.get(header.indexOf("What happened")),
                "Welsh letters survive");
    }

    @Test
    void theWelshExportIsInWelshAndAnswersTheUrgentFlagAsWelshDoes() throws IOException {
        List<CSVRecord> rows = rows(head.get("/staff/export.csv?form=incident-report&lang=cy"));
        List<String> header = rows.get(0).toList();
        assertEquals(List.of("Cyfeirnod", "Derbyniwyd (UTC, ISO 8601)", "Derbyniwyd (amser y DU)", "Iaith",
                "Fersiwn y ffurflen", "Brys"), header.subList(0, 6));
        assertTrue(header.contains("Beth ddigwyddodd"), header.toString());
        assertEquals("Ydy", row(rows, urgent).get(5));
        assertEquals("Nac ydy", row(rows, calm).get(5));
        assertEquals("Saesneg", row(rows, calm).get(3));
        assertEquals("Cymraeg", row(rows, urgent).get(3));
        assertTrue(row(rows, calm).get(2).matches("\\d{1,2} [A-Za-z]+ \\d{4}, \\d\\d:\\d\\d \\+0[01]:00"),
                row(rows, calm).get(2));
        assertTrue(rows.stream().flatMap(CSVRecord::stream).noneMatch(cell -> cell.equals("Yes") || cell.equals("Ie")),
                "no English or bare yes in the Welsh export");
    }

    @Test
    void allFormsTogetherStillHaveOneRowPerSubmission() throws IOException {
        List<CSVRecord> rows = rows(head.get("/staff/export.csv?lang=en"));
        assertEquals(4, rows.size(), "a header and one row for each of the three submissions: " + rows);
        List<String> header = rows.get(0).toList();
        int what = header.indexOf("Report an online safety incident: What happened");
        assertTrue(what > 6, header.toString());
        assertEquals("Unkind messages", row(rows, calm).get(what));
        assertEquals("", row(rows, agreementReference).get(what), "another form's question is left empty");
        assertTrue(header.stream().anyMatch(column -> column.startsWith("Parent and carer agreement: ")), header.toString());
        rows.forEach(each -> assertEquals(header.size(), each.size(), "every row is as wide as the header"));
    }
}
