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

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCli;
import org.polisi.forms.logging.LogText;
import org.polisi.forms.text.BidiControls;
import org.polisi.forms.text.DisplayText;

/**
 * Issue 20 (left-over), two faults of every CSV the server and its command line write, and the
 * kind of the first in every other output:
 * <ul>
 *   <li>RFC 4180 and a spreadsheet's needs: each file starts with the UTF-8 byte order mark and ends
 *       every record with CRLF (a line break typed in an answer stays inside its quoted cell), the
 *       same through the staff pages and through {@code forms export} to a file or to standard output;</li>
 *   <li>bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C),
 *       stored exactly, never reach a CSV raw (an override would show a cell's text reversed, as in
 *       "Trojan Source"): each is written {@code [U+202E]}; staff pages and e-mail lines show them
 *       the same way, JSON escapes them ({@code \\u202e}, read back exactly), logs escape them.</li>
 * </ul>
 */
class CsvFilesTest {

    /** Every bidirectional formatting character, each inside an answer where it would reorder it. */
    static final String BIDI = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    static final String SPOOF = "Invoice \u202Efdp.exe";
    static final String SPOOF_SHOWN = "Invoice [U+202E]fdp.exe";

    /** The records of a CSV file, after checking its bytes: the BOM, and CRLF after every record and nowhere else outside quotes. */
    static List<CSVRecord> rfc4180(String what, String file) throws IOException {
        assertTrue(file.startsWith("\uFEFF"), what + ": starts with the byte order mark");
        assertFalse(file.substring(1).contains("\uFEFF"), what + ": one byte order mark");
        assertTrue(file.endsWith("\r\n"), what + ": the last record ends with CRLF");
        boolean quoted = false;
        int records = 0;
        for (int i = 1; i < file.length(); i++) {
            char c = file.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\r') {
                assertEquals('\n', file.charAt(i + 1), what + ": CR alone at " + i);
            } else if (!quoted && c == '\n') {
                assertEquals('\r', file.charAt(i - 1), what + ": LF without CR ends a record at " + i);
                records++;
            }
        }
        assertFalse(quoted, what + ": every quote closed");
        List<CSVRecord> parsed = CSVFormat.DEFAULT.parse(new StringReader(file.substring(1))).getRecords();
        assertEquals(parsed.size(), records, what + ": one CRLF per record");
        return parsed;
    }

    private static void noRawBidi(String what, String text) {
        for (char c : BIDI.toCharArray()) {
            assertFalse(text.indexOf(c) >= 0, what + String.format(": raw U+%04X", (int) c));
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void everyStaffCsvIsRfc4180WithABomAndShowsBidiControls(TestDatabases.Kind kind, @TempDir Path folder)
            throws Exception {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Heledd Pennaeth", "head@test.example", "headteacher");
            TestServer.Browser parent = server.browser();
            String typed = SPOOF + "\nail two, \"quoted\"\n" + BIDI;
            String incident = reference(parent.post("/forms/testschool/incident-report", form(incident("en", "none", typed))));
            assertEquals(typed, CsvInjectionTest.stored(server, incident, "what-happened"), "stored exactly as typed");
            String pupil = "\u2067Rhys\u2069 \u202EsenoJ";
            String consentReference = reference(parent.post("/forms/testschool/images-consent",
                    form(consent("en", pupil, "given", "refused"))));
            String signer = "Siân \u200FJones\u061C";
            reference(parent.post("/forms/testschool/parent-agreement", form(with(agreement("cy"), "parent-name", signer))));

            TestServer.Browser head = server.loggedIn("head@test.example");
            Map<String, String> files = new LinkedHashMap<>();
            for (String path : List.of("/staff/export.csv?form=incident-report", "/staff/export.csv",
                    "/staff/export.csv?lang=cy", "/staff/consents.csv", "/staff/consents.csv?lang=cy",
                    "/staff/signatures.csv?form=parent-agreement")) {
                var response = head.get(path);
                assertEquals(200, response.statusCode(), path);
                assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"), path);
                files.put(path, response.body());
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                rfc4180(file.getKey(), file.getValue());
                noRawBidi(file.getKey(), file.getValue());
            }
            List<CSVRecord> incidents = rfc4180("incidents", files.get("/staff/export.csv?form=incident-report"));
            int whatHappened = incidents.get(0).toList().indexOf("What happened");
            assertEquals(BidiControls.visible(typed), incidents.get(1).get(whatHappened),
                    "the cell is the answer, its line breaks inside it, each control shown");
            assertTrue(incidents.get(1).get(whatHappened).startsWith(SPOOF_SHOWN));
            assertTrue(files.get("/staff/consents.csv").contains("[U+2067]Rhys[U+2069] [U+202E]senoJ"));
            assertTrue(files.get("/staff/signatures.csv?form=parent-agreement").contains("Siân [U+200F]Jones[U+061C]"));

            // the staff record page shows them too; JSON keeps the exact text, escaped
            String page = head.get("/staff/submissions/" + incident).body();
            assertTrue(Jsoup.parse(page).selectFirst("main").text().contains(SPOOF_SHOWN), page);
            assertFalse(page.contains("\u202E"), "no override on the staff page");
            String json = head.post("/staff/people.json", form("csrf-token", head.csrf(), "name", "Rhys")).body();
            assertTrue(json.contains("\\u202e") || json.contains("\\u202E"), json);
            noRawBidi("people.json", json);
            String exported = new ObjectMapper().readTree(json).findValues("pupil").stream()
                    .map(node -> node.asText()).filter(value -> value.contains("Rhys")).findFirst().orElseThrow();
            assertEquals(CsvInjectionTest.stored(server, consentReference, "pupil-names"), exported, "JSON reads back exactly");

            if (kind == TestDatabases.Kind.SQLITE) {
                String manifests = TestServer.fixture().resolve("manifests").toString();
                Path out = folder.resolve("export.csv");
                assertEquals(0, cli("export", "--db", server.database.toString(), "--manifests", manifests,
                        "--school", "testschool", "--out", out.toString()).exitCode);
                String written = Files.readString(out, StandardCharsets.UTF_8);
                rfc4180("forms export --out", written);
                noRawBidi("forms export --out", written);
                Cli printed = cli("export", "--db", server.database.toString(), "--manifests", manifests,
                        "--school", "testschool", "--form", "incident-report", "--lang", "cy");
                rfc4180("forms export to standard output", printed.out);
                noRawBidi("forms export to standard output", printed.out);
            }
        }
    }

    @Test
    void logsEscapeThemAndOurOwnSentencesShowThem() {
        assertEquals("a\\u202eb\\u2066c\\u200fd", LogText.escape("a\u202Eb\u2066c\u200Fd"));
        assertEquals(DisplayText.FSI + SPOOF_SHOWN + DisplayText.PDI, DisplayText.isolated(SPOOF), "an e-mail's slot");
        for (char c : BIDI.toCharArray()) {
            assertEquals(String.format("x[U+%04X]y", (int) c), BidiControls.visible("x" + c + "y"));
        }
        assertEquals("Siân Jones, ŵ ŷ, עברית, العربية", BidiControls.visible("Siân Jones, ŵ ŷ, עברית, العربية"),
                "letters of every script are untouched");
        assertEquals("'[U+202E]=1+1", SafeCsv.cell("\u202E=1+1"), "a formula behind a control is still guarded");
    }

    record Cli(int exitCode, String out) {
    }

    private static Cli cli(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int exit = FormsCli.commandLine().execute(args);
            return new Cli(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
