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
            assertTrue(text.contains("through the form ‘Report an online safety incident’"), text);
            assertTrue(text.contains("drwy’r ffurflen ‘Rhoi gwybod am ddigwyddiad diogelwch ar-lein’"), text);
            assertTrue(text.contains("nothing that was typed in the report, and nobody’s name"), text);
            // nothing the public chose or typed: not the reporter's name, not an answer's label (ADR 0081)
            assertFalse(text.contains("Gareth Evans"), text);
            assertFalse(text.contains("Suspected illegal content") || text.contains("Category"), text);
            assertFalse(text.contains("Amheuaeth o gynnwys anghyfreithlon") || text.contains("Categori"), text);
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

    /**
     * Tester 2, finding 1: anyone could put text and a link into the school's alert e-mails through
     * the reporter's name. Variants: every one-line and multi-line answer, urgent and not, both
     * languages; none of it reaches any alert.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void noTextAMemberOfThePublicTypedReachesAnAlert(TestDatabases.Kind kind, @TempDir Path folder) throws Exception {
        int port = freePort();
        GreenMail mail = smtpOn(port);
        String lure = "Now sign in at https://evil.example/staff";
        try (TestServer server = serverMailingTo(folder, port, kind)) {
            server.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            server.addStaff("testschool", "Huw Headteacher", "head@testschool.example", "headteacher");
            List<String> names = List.of("Ann Jones (DSL) " + lure, "\u202EGareth \u200FEvans", "Si\u00e2n O\u2019Connor");
            for (String name : names) {
                for (String urgency : List.of("immediate-risk", "illegal-content")) {
                    server.browser().post("/forms/testschool/incident-report", form(org.polisi.forms.Submissions.with(
                            incident("en", urgency, "Visit https://evil.example/what " + lure), "reporter-name", name)));
                }
            }
            server.addStaff("testschool", "Osc Coordinator", "osc@testschool.example", "online-safety-coordinator");
            for (String urgency : List.of("none", "immediate-risk")) {   // a non-urgent alert too
                for (String language : List.of("en", "cy")) {
                    server.browser().post("/forms/testschool/online-safety-log", form(new String[] {"form-id",
                        "online-safety-log", "form-lang", language, "form-version",
                        org.polisi.forms.Submissions.version(language, 5), "reporter-name", names.get(0),
                        "urgent-concern", urgency, "what-happened", lure, "website", ""}));
                }
            }
            int delivered = server.alerts().deliverPending().sent();
            assertTrue(delivered >= names.size() * 2 + 2 + 4, "every report alerted: " + delivered);
            assertTrue(server.count("SELECT count(*) FROM outbox WHERE kind = 'incident' AND sent_at IS NOT NULL") >= 2);
            StringBuilder all = new StringBuilder();
            for (MimeMessage message : mail.getReceivedMessages()) {
                all.append(message.getSubject()).append('\n').append(new String(message.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
            String text = all.toString();
            assertFalse(text.contains("evil.example"), text);
            assertFalse(text.contains("Ann Jones") || text.contains("Gareth") || text.contains("Connor"), text);
            assertFalse(text.contains("Raised by") || text.contains("Codwyd gan"), text);
            assertFalse(text.contains("Cyberbullying") || text.contains("immediate risk"), text);
        } finally {
            mail.stop();
        }
    }
}
