package org.polisi.forms.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/** Alerts leave the outbox through a real SMTP server (GreenMail, in this JVM, on a free port). */
class AlertDeliveryTest {

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static TestServer serverMailingTo(Path folder, int smtpPort) {
        return serverMailingTo(folder, smtpPort, TestDatabases.Kind.SQLITE);
    }

    /** As {@link #serverMailingTo(Path, int)}, on SQLite or PostgreSQL (delivery differs: ADR 54). */
    static TestServer serverMailingTo(Path folder, int smtpPort, TestDatabases.Kind kind) {
        return org.polisi.forms.TestMail.server(folder, smtpPort, kind);
    }

    static GreenMail smtpOn(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static Map<String, Object> outboxRow(TestServer server, String reference) {
        return server.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT sent_at, attempts, last_error FROM outbox WHERE reference = :reference")
                .bind("reference", reference).mapToMap().one());
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anUrgentReportIsEmailedToTheSafeguardingLeadInBothLanguagesWithoutItsContent(TestDatabases.Kind kind, @TempDir Path folder)
            throws Exception {
        int port = freePort();
        GreenMail mail = smtpOn(port);
        try (TestServer server = serverMailingTo(folder, port, kind)) {
            server.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            server.addStaff("testschool", "Olwen Office", "office@testschool.example", "office");
            String reference = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "illegal-content", "Secret details of the images"))));

            assertEquals(new AlertDelivery.Round(1, 0), server.alerts().deliverPending());

            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(1, received.length);
            MimeMessage message = received[0];
            assertEquals(List.of("lead@testschool.example"), Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(String::valueOf).toList());
            assertEquals("polisi@testschool.example", String.valueOf(message.getFrom()[0]));
            assertTrue(message.getSubject().contains(reference), message.getSubject());
            assertTrue(message.getSubject().contains("Adroddiad diogelwch ar-lein brys"), message.getSubject());
            String body = GreenMailUtil.getBody(message);
            String text = new String(message.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("Reference: " + reference), text);
            assertTrue(text.contains("Cyfeirnod: " + reference), text);
            assertTrue(text.contains("Suspected illegal content"), text);
            assertTrue(text.contains("Amheuaeth o gynnwys anghyfreithlon"), text);
            assertTrue(text.contains("Gareth Evans"), text);
            assertTrue(text.contains("https://forms.testschool.example/staff/submissions/" + reference), text);
            assertFalse(text.contains("Secret details") || body.contains("Secret details"), "the report's content never leaves");

            assertNotNull(outboxRow(server, reference).get("sent_at"));
            assertEquals(new AlertDelivery.Round(0, 0), server.alerts().deliverPending(), "sent once, not again");
            assertEquals(1, mail.getReceivedMessages().length);
        } finally {
            mail.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void withNoSafeguardingLeadAccountTheHeadteacherIsAlerted(TestDatabases.Kind kind, @TempDir Path folder) throws Exception {
        int port = freePort();
        GreenMail mail = smtpOn(port);
        try (TestServer server = serverMailingTo(folder, port, kind)) {
            server.addStaff("testschool", "Huw Headteacher", "head@testschool.example", "headteacher");
            reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("cy", "immediate-risk", "Manylion"))));

            assertEquals(new AlertDelivery.Round(1, 0), server.alerts().deliverPending());
            assertEquals("head@testschool.example",
                    String.valueOf(mail.getReceivedMessages()[0].getRecipients(Message.RecipientType.TO)[0]));
        } finally {
            mail.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anAlertTheMailServerCannotTakeStaysQueuedWithTheReasonAndIsSentWhenItCan(TestDatabases.Kind kind, @TempDir Path folder)
            throws Exception {
        int port = freePort();   // nothing listens there yet
        try (TestServer server = serverMailingTo(folder, port, kind)) {
            server.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            String reference = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "illegal-content", "Details"))));

            assertEquals(new AlertDelivery.Round(0, 1), server.alerts().deliverPending());
            Map<String, Object> failed = outboxRow(server, reference);
            assertNull(failed.get("sent_at"));
            assertEquals(1, ((Number) failed.get("attempts")).intValue());
            assertNotNull(failed.get("last_error"));

            GreenMail mail = smtpOn(port);
            try {
                assertEquals(new AlertDelivery.Round(1, 0), server.alerts().deliverPending());
                assertEquals(1, mail.getReceivedMessages().length);
                Map<String, Object> sent = outboxRow(server, reference);
                assertNotNull(sent.get("sent_at"));
                assertEquals(2, ((Number) sent.get("attempts")).intValue());
                assertNull(sent.get("last_error"));
            } finally {
                mail.stop();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void theReportersNameIsSentIsolatedOnItsOwnLineItsBidiControlsShown(TestDatabases.Kind kind, @TempDir Path folder) throws Exception {
        int port = freePort();
        GreenMail mail = smtpOn(port);
        List<String> names = List.of("Ann <Bee> Jones &amp; co", "\u202EGareth \u200FEvans", "Siân “Sid” O’Connor 🙂");
        try (TestServer server = serverMailingTo(folder, port, kind)) {
            server.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            for (String name : names) {
                server.browser().post("/forms/testschool/incident-report", form(org.polisi.forms.Submissions.with(
                        incident("cy", "immediate-risk", "Manylion"), "reporter-name", name)));
            }
            // A name with a line break never reaches an alert: the intake refuses it (issue 23) and
            // sends the browser to the draft's page to correct it (ADR 0052).
            assertEquals(303, server.browser().post("/forms/testschool/incident-report", form(
                    org.polisi.forms.Submissions.with(incident("cy", "immediate-risk", "Manylion"), "reporter-name",
                            "Ann\nReference: FAKE1234"))).statusCode());
            assertEquals(new AlertDelivery.Round(names.size(), 0), server.alerts().deliverPending());
            StringBuilder all = new StringBuilder();
            for (MimeMessage message : mail.getReceivedMessages()) {
                all.append(new String(message.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\r\n", "\n"));
            }
            for (String name : names) {
                // isolated, and its own bidirectional controls shown as code points (ADR 0061)
                String shown = org.polisi.forms.text.BidiControls.visible(name);
                assertTrue(all.toString().contains("Raised by: \u2068" + shown + "\u2069\n"), name);
                assertTrue(all.toString().contains("Codwyd gan: \u2068" + shown + "\u2069\n"), name);
            }
            assertTrue(all.toString().contains("Raised by: \u2068[U+202E]Gareth [U+200F]Evans\u2069\n"), all.toString());
            assertFalse(all.toString().contains("\nReference: FAKE1234"), "a name cannot start a line of its own");
        } finally {
            mail.stop();
        }
    }
}
