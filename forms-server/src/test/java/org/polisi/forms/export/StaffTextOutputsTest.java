package org.polisi.forms.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestMail;
import org.polisi.forms.TestServer;
import org.polisi.forms.alerts.SmtpMailerAccess;
import org.polisi.forms.text.BidiControls;

/**
 * Issue 25, fault 4: no test walked every CSV and e-mail output of text staff type (roster names and
 * classes, account names, reasons and notes). This one enumerates the outputs from the source (a new
 * CSV route or a new place that sends mail fails {@link #theOutputsWalkedHereAreAllThereAre} until it
 * is walked here), puts hostile text in every staff-typed field that reaches one, and checks each
 * output is escaped for its format: a CSV cell formula-safe with its bidirectional controls visible
 * and its line breaks inside its quotes (RFC 4180, OWASP CSV injection); an e-mail's typed text on
 * its own isolated line, and its subject one line (no header injection). Real server, real SMTP
 * server (GreenMail), both databases.
 */
class StaffTextOutputsTest {

    /** What a hostile member of staff (or a stolen account) might type. */
    static final List<String> HOSTILE = List.of("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", "\tTabbed",
            "Line one\r\nLine two", "<script>alert(1)</script>", "\u202eevil", "x\r\nBcc: victim@evil.example");

    private static final Path MAIN = Path.of("src/main/java/org/polisi/forms");

    /** The CSV routes and the classes that send mail, as this test walks them. */
    private static final List<String> CSV_ROUTES = List.of("/staff/consents.csv", "/staff/export.csv",
            "/staff/signatures.csv");
    private static final Map<String, Integer> MAIL_SENDERS = new TreeMap<>(Map.of(
            "alerts/AlertDelivery.java", 2,     // incident alerts (AlertDeliveryTest) and receipt copies (ReceiptCopiesTest)
            "alerts/LockoutMail.java", 1,       // the account holder's name: staff-typed, walked below
            "checkpoint/Checkpointer.java", 1)); // no typed text; its subject goes through SmtpMailer like every other

    @Test
    void theOutputsWalkedHereAreAllThereAre() throws IOException {
        List<String> routes = new ArrayList<>();
        Matcher csv = Pattern.compile("\"(/staff/[a-z-]+\\.csv)\"")
                .matcher(Files.readString(MAIN.resolve("web/Routes.java")));
        while (csv.find()) {
            routes.add(csv.group(1));
        }
        assertEquals(CSV_ROUTES, routes.stream().sorted().toList());
        Map<String, Integer> senders = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                int calls = Files.readString(file).split("mailer\\.send\\(", -1).length - 1;
                if (calls > 0) {
                    senders.put(MAIN.relativize(file).toString().replace('\\', '/'), calls);
                }
            }
        }
        assertEquals(MAIL_SENDERS, senders, "every place that sends mail");
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void hostileRosterTextIsEscapedInEveryCsvExport(TestDatabases.Kind kind, @TempDir Path folder) throws IOException {
        try (TestServer server = TestServer.start(folder, kind)) {
            server.addStaff("testschool", "Heledd Pennaeth", "head@test.example", "headteacher");
            TestServer.Browser parent = server.browser();
            StringBuilder roster = new StringBuilder("Pupil,Class\n");
            List<String> references = new ArrayList<>();
            for (int i = 0; i < HOSTILE.size(); i++) {
                String pupil = "Pupil " + (char) ('A' + i);
                references.add(reference(parent.post("/forms/testschool/images-consent",
                        form(consent("en", pupil, "given", "refused")))));
                roster.append(pupil).append(",\"").append(HOSTILE.get(i).replace("\"", "\"\"")).append("\"\n");
            }
            TestServer.Browser head = server.loggedIn("head@test.example");
            HttpResponse<String> pasted = head.post("/staff/roster", form("csrf-token", head.csrf(), "roster-text",
                    roster.toString()));
            assertEquals(303, pasted.statusCode(), pasted.body());

            for (String route : List.of("/staff/consents.csv", "/staff/export.csv", "/staff/export.csv?form=images-consent",
                    "/staff/signatures.csv?form=parent-agreement")) {
                HttpResponse<String> response = head.get(route);
                assertEquals(200, response.statusCode(), route);
                assertFalse(response.body().contains("\u202e"), route + ": a raw override");
                for (CSVRecord row : CSVFormat.DEFAULT.parse(new StringReader(response.body().substring(1)))) {
                    for (String cell : row) {
                        assertTrue(cell.isEmpty() || cell.startsWith("'") || !SafeCsv.needsGuard(cell),
                                route + ": an unguarded formula " + row);
                    }
                }
            }
            List<CSVRecord> consents = CSVFormat.DEFAULT.parse(new StringReader(head.get("/staff/consents.csv").body()
                    .substring(1))).getRecords();
            for (int i = 0; i < HOSTILE.size(); i++) {
                String reference = references.get(i);
                List<CSVRecord> rows = consents.stream().filter(row -> row.get(row.size() - 1).equals(reference)).toList();
                assertEquals(2, rows.size(), "one row per statement, none split by a line break: " + HOSTILE.get(i));
                String stored = server.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT class_name FROM roster_pupil WHERE pupil = :pupil")
                        .bind("pupil", rows.get(0).get(0)).mapTo(String.class).one());
                assertEquals(SafeCsv.cell(stored), rows.get(0).get(1), "the class as stored, escaped: " + HOSTILE.get(i));
                assertTrue(stored.strip().equals(HOSTILE.get(i).strip())
                        || stored.replaceAll("\\s+", "").equals(HOSTILE.get(i).replaceAll("\\s+", "")),
                        "the roster keeps what was typed (white space aside): " + stored);
            }
        }
    }

    @Test
    void aHostileAccountNameInTheLockoutMailIsIsolatedOnItsLine(@TempDir Path folder) throws Exception {
        GreenMail mail = TestMail.start();
        try (TestServer server = TestServer.start(TestServer.settings(folder)
                .set("alerts.smtp-host", "127.0.0.1").set("alerts.smtp-port", mail.getSmtp().getPort())
                .set("alerts.smtp-starttls", false).set("alerts.from", "polisi@testschool.example").load(),
                java.time.Clock.systemUTC())) {
            String name = "=cmd| <script>x</script> \u202eevil";
            server.addStaff("testschool", name, "head@test.example", "headteacher");
            TestServer.Browser browser = server.browser();
            for (int i = 0; i < 9 && mail.getReceivedMessages().length == 0; i++) {
                String token = TestServer.hiddenValue(browser.get("/staff/login").body(), "csrf-token");
                browser.post("/staff/login", form("csrf-token", token, "email", "head@test.example", "password", "wrong " + i));
            }
            assertTrue(mail.waitForIncomingEmail(10_000, 1), "the holder is told");
            String text = new String(mail.getReceivedMessages()[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(text.contains("\u202e"), "a raw override reorders the sentence: " + text);
            assertTrue(text.contains("Dear \u2068=cmd| <script>x</script> [U+202E]evil\u2069,"), text);
            assertTrue(text.contains("Annwyl \u2068=cmd| <script>x</script> [U+202E]evil\u2069,"), text);
        } finally {
            mail.stop();
        }
    }

    @Test
    void aSubjectIsOneLineWhateverItHoldsSoNoHeaderCanBeInjected() throws Exception {
        GreenMail mail = TestMail.start();
        try {
            for (String hostile : HOSTILE) {
                SmtpMailerAccess.send(mail.getSmtp().getPort(), "head@testschool.example",
                        "Form ‘" + hostile + "’, reference ABCD1234", "Body", Instant.now());
            }
            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(HOSTILE.size(), received.length, "one message each, to one recipient");
            for (int i = 0; i < received.length; i++) {
                MimeMessage message = received[i];
                assertEquals(1, message.getAllRecipients().length, HOSTILE.get(i));
                assertNull(message.getRecipients(Message.RecipientType.BCC), HOSTILE.get(i));
                String subject = message.getSubject();
                assertFalse(subject.matches("(?s).*[\\r\\n\\t\\u202e].*"), "one line: " + subject);
                String expected = BidiControls.visible(HOSTILE.get(i).replaceAll("[\\r\\n\\t]", " "));
                assertEquals("Form ‘" + expected + "’, reference ABCD1234", subject);
            }
        } finally {
            mail.stop();
        }
    }
}
