package org.polisi.forms.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.TestServer.form;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestMail;
import org.polisi.forms.TestServer;
import org.polisi.forms.alerts.AlertDelivery;

/**
 * Issue 20, "a receipt that lasts": a copy of the receipt by e-mail (docs/adr/0060), through the
 * outbox and a real SMTP server (GreenMail in this JVM). The page offers it only where a mail server
 * is set and the form is not an incident report; the copy holds the reference, the form, the date,
 * each statement with the answer as given (typed text isolated on lines of its own) and the way to
 * withdraw; it is sent once, and its address is deleted once sent.
 */
class ReceiptCopiesTest {

    private static TestServer mailingServer(Path folder, int smtpPort, TestDatabases.Kind kind) {
        return TestMail.server(folder, smtpPort, kind);
    }

    private static String receiptOf(HttpResponse<String> sent) {
        assertEquals(303, sent.statusCode(), sent.body());
        String receipt = sent.headers().firstValue("Location").orElseThrow();
        assertTrue(receipt.contains("/received/"), receipt);
        return receipt;
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aConsentsReceiptIsEmailedOnceWithItsAnswersAndTheAddressIsThenForgotten(TestDatabases.Kind kind,
                                                                                  @TempDir Path folder) throws Exception {
        GreenMail mail = TestMail.start();
        try (TestServer server = mailingServer(folder, mail.getSmtp().getPort(), kind)) {
            TestServer.Browser parent = server.browser();
            String pupil = "Nia <b>Morgan</b>\u202E";
            String receipt = receiptOf(parent.post("/forms/testschool/images-consent",
                    form(consent("cy", pupil, "given", "refused"))));
            Document page = Jsoup.parse(parent.get(receipt).body());
            String reference = page.selectFirst(".reference").text();
            assertEquals("Cael copi drwy e-bost", page.selectFirst("#receipt-copy h2").text());
            assertTrue(page.selectFirst("#receipt-copy-hint").text().startsWith("Er mwyn i chi gael copi"),
                    "the reason is given, in the page's language");
            assertEquals("email", page.selectFirst("#receipt-copy-email").attr("type"));
            String action = page.selectFirst("#receipt-copy form").attr("action");

            HttpResponse<String> asked = parent.post(action, form("lang", "cy", "email", "  rhiant@example.org "));
            assertEquals(303, asked.statusCode(), asked.body());
            String back = asked.headers().firstValue("Location").orElseThrow();
            assertFalse(back.contains("rhiant") || back.contains("example.org"), "no address in a URL: " + back);
            Document waiting = Jsoup.parse(parent.get(back).body());
            assertEquals("Mae copi yn aros i’w anfon drwy e-bost i’r cyfeiriad a roesoch.",
                    waiting.selectFirst(".receipt-copy__state").text());
            assertEquals(0, server.count("SELECT count(*) FROM outbox WHERE kind = 'receipt' AND sent_at IS NOT NULL"));

            assertEquals(new AlertDelivery.Round(1, 0), server.alerts().deliverPending());
            assertEquals(new AlertDelivery.Round(0, 0), server.alerts().deliverPending(), "sent once");
            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(1, received.length);
            assertEquals("rhiant@example.org", String.valueOf(received[0].getRecipients(Message.RecipientType.TO)[0]));
            assertEquals("Eich copi o ‘Defnyddio delweddau digidol’, cyfeirnod " + reference, received[0].getSubject());
            String text = new String(received[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\r\n", "\n");
            assertTrue(text.contains("Cyfeirnod: " + reference + "\n"), text);
            assertTrue(text.contains("Ffurflen: Defnyddio delweddau digidol\n"), text);
            assertTrue(text.contains("Lluniau ar wefan yr ysgol\n  \u2068Rwy'n rhoi caniatâd\u2069\n"), text);
            assertTrue(text.contains("Fideo o ddigwyddiadau’r ysgol\n  \u2068Nid wyf yn rhoi caniatâd\u2069\n"), text);
            // as typed, isolated, its own direction controls made visible (ADR 0061, as in alerts)
            assertTrue(text.contains("\n  \u2068" + org.polisi.forms.text.BidiControls.visible(pupil) + "\u2069\n"),
                    "the child's name as typed, isolated: " + text);
            assertFalse(text.contains("\u202E"), "no override reaches the e-mail: " + text);
            assertTrue(text.contains("Tynnu’r caniatâd hwn yn ôl:\nhttps://forms.testschool.example/testschool/cy/"
                    + "consent-withdrawal.html?reference=" + reference), "the way to withdraw it: " + text);
            assertTrue(text.contains("I newid ateb, anfonwch y ffurflen eto"), "and how to change an answer: " + text);
            assertFalse(text.contains("neu ei newid"), "the link is not said to change anything (ADR 0102): " + text);
            assertTrue(text.contains("https://forms.testschool.example/agreed-texts/testschool/images-consent/"), text);

            assertNull(server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT recipient_address FROM outbox WHERE kind = 'receipt'").mapTo(String.class).one()),
                    "the address is deleted once the mail server has taken the copy");
            assertEquals("Mae copi wedi’i anfon drwy e-bost i’r cyfeiriad a roesoch.",
                    Jsoup.parse(parent.get(back).body()).selectFirst(".receipt-copy__state").text());
            assertEquals(0, server.count("SELECT count(*) FROM outbox WHERE kind <> 'receipt'"),
                    "a consent alerts nobody: the copy is no alert");
        } finally {
            mail.stop();
        }
    }

    @Test
    void aWrongAddressIsRefusedOnTheReceiptWithWhatWasTypedAndAFourthCopyIsNotSent(@TempDir Path folder) {
        GreenMail mail = TestMail.start();
        try (TestServer server = mailingServer(folder, mail.getSmtp().getPort(), TestDatabases.Kind.SQLITE)) {
            TestServer.Browser parent = server.browser();
            String receipt = receiptOf(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Nia Morgan", "given", "refused"))));
            String action = Jsoup.parse(parent.get(receipt).body()).selectFirst("#receipt-copy form").attr("action");
            for (String wrong : List.of("not an address", "two@@example.org", "a@b", "line\nbreak@example.org",
                    "x".repeat(250) + "@example.org")) {
                HttpResponse<String> refused = parent.post(action, form("lang", "en", "email", wrong));
                assertEquals(422, refused.statusCode(), wrong);
                Document page = Jsoup.parse(refused.body());
                assertTrue(page.title().startsWith("Error:"), page.title());
                assertEquals("#receipt-copy-email", page.selectFirst(".error-summary__list a").attr("href"));
                assertEquals(wrong, page.selectFirst("#receipt-copy-email").attr("value"), "what was typed is kept");
                assertTrue(page.selectFirst(".reference") != null, "the receipt is still shown");
            }
            for (int i = 0; i < ReceiptCopies.MOST_PER_RECORD; i++) {
                assertEquals(303, parent.post(action, form("lang", "en", "email", "parent" + i + "@example.org"))
                        .statusCode());
            }
            HttpResponse<String> fourth = parent.post(action, form("lang", "en", "email", "another@example.org"));
            assertEquals(422, fourth.statusCode());
            assertTrue(fourth.body().contains("already been emailed 3 times"), fourth.body());
            assertEquals(ReceiptCopies.MOST_PER_RECORD,
                    server.count("SELECT count(*) FROM outbox WHERE kind = 'receipt'"));
            assertEquals(404, parent.post(action.replaceAll("t=[^&]+", "t=1.forged"),
                    form("lang", "en", "email", "x@example.org")).statusCode(), "only with the receipt's own link");
        } finally {
            mail.stop();
        }
    }

    @Test
    void withoutAMailServerOrForAnIncidentReportNoCopyIsOffered(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            TestServer.Browser parent = server.browser();
            String receipt = receiptOf(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Nia Morgan", "given", "refused"))));
            assertNull(Jsoup.parse(parent.get(receipt).body()).selectFirst("#receipt-copy"),
                    "nothing would be sent, so nothing is offered");
            assertEquals(404, parent.post(receipt, form("lang", "en", "email", "x@example.org")).statusCode());
            assertEquals(0, server.count("SELECT count(*) FROM outbox"));
        }
        GreenMail mail = TestMail.start();
        try (TestServer server = mailingServer(folder.resolve("mailing"), mail.getSmtp().getPort(),
                TestDatabases.Kind.SQLITE)) {
            TestServer.Browser staff = server.browser();
            String receipt = receiptOf(staff.post("/forms/testschool/incident-report",
                    form(incident("en", "none", "What happened"))));
            assertNull(Jsoup.parse(staff.get(receipt).body()).selectFirst("#receipt-copy"),
                    "a report's content never goes by e-mail");
            assertEquals(404, staff.post(receipt, form("lang", "en", "email", "x@example.org")).statusCode());
        } finally {
            mail.stop();
        }
    }

    @Test
    void erasingTheRecordDeletesTheAddressAndTheCopyIsNeverSent(@TempDir Path folder) throws Exception {
        GreenMail mail = TestMail.start();
        try (TestServer server = mailingServer(folder, mail.getSmtp().getPort(), TestDatabases.Kind.SQLITE)) {
            TestServer.Browser parent = server.browser();
            String receipt = receiptOf(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Nia Morgan", "given", "refused"))));
            Document page = Jsoup.parse(parent.get(receipt).body());
            String reference = page.selectFirst(".reference").text();
            assertEquals(303, parent.post(page.selectFirst("#receipt-copy form").attr("action"),
                    form("lang", "en", "email", "parent@example.org")).statusCode());
            server.erasure().eraseOnRequest("testschool", reference, java.util.Optional.of("Asked by the parent"),
                    "Huw Headteacher <head@testschool.example>", java.time.Instant.now());

            assertEquals(new AlertDelivery.Round(0, 0), server.alerts().deliverPending());
            assertEquals(0, mail.getReceivedMessages().length);
            assertEquals(0, server.count("SELECT count(*) FROM outbox WHERE recipient_address IS NOT NULL"));
        } finally {
            mail.stop();
        }
    }

    /** A copy the mail server never takes is tried for three days; then its address is deleted and the page says so. */
    @Test
    void aCopyThatCannotBeSentForThreeDaysForgetsItsAddress(@TempDir Path folder) throws Exception {
        int nothingListens;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        try (TestServer server = mailingServer(folder, nothingListens, TestDatabases.Kind.SQLITE)) {
            TestServer.Browser parent = server.browser();
            String receipt = receiptOf(parent.post("/forms/testschool/images-consent",
                    form(consent("en", "Nia Morgan", "given", "refused"))));
            String action = Jsoup.parse(parent.get(receipt).body()).selectFirst("#receipt-copy form").attr("action");
            String back = parent.post(action, form("lang", "en", "email", "parent@example.org"))
                    .headers().firstValue("Location").orElseThrow();
            assertEquals(new AlertDelivery.Round(0, 1), server.alerts().deliverPending());
            assertEquals(1, server.count("SELECT count(*) FROM outbox WHERE recipient_address IS NOT NULL"),
                    "kept while it is still being tried");
            server.jdbi().useHandle(handle -> handle.execute("UPDATE outbox SET raised_at = ?",
                    org.polisi.forms.storage.Times.format(java.time.Instant.now()
                            .minus(ReceiptCopies.GIVE_UP_AFTER).minusSeconds(60))));

            assertEquals(new AlertDelivery.Round(0, 0), server.alerts().deliverPending(), "not tried again");
            assertEquals(0, server.count("SELECT count(*) FROM outbox WHERE recipient_address IS NOT NULL"));
            assertEquals("A copy could not be sent, and the address you gave has been deleted.",
                    Jsoup.parse(parent.get(back).body()).selectFirst(".receipt-copy__state").text());
        }
    }
}
