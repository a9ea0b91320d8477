package org.polisi.forms.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.version;
import static org.polisi.forms.TestServer.form;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Issue 14, faults 4 and 5: an urgent report's confirmation says an alert was sent or queued only when
 * it was, and with no mail server tells the reporter plainly to tell the named roles now; the form
 * definition's {@code notify} decides who is alerted (Rumney: the online safety co-ordinator, and the
 * headteacher for urgent reports). In English and Welsh, on a real server with a real SMTP server.
 */
class HonestUrgentConfirmationTest {

    private static String[] log(String language, String urgentConcern) {
        return new String[] {"form-id", "online-safety-log", "form-lang", language, "form-version", version(language, 5),
            "reporter-name", "Gareth Evans", "urgent-concern", urgentConcern, "what-happened", "Secret details",
            "website", ""};
    }

    private static Document confirmation(TestServer.Browser browser, HttpResponse<String> sent) {
        return Jsoup.parse(browser.get(sent.headers().firstValue("Location").orElseThrow()).body());
    }

    @Test
    void withNoMailServerTheReporterIsToldNobodyWasAlertedAndWhomToTellInBothLanguages(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            TestServer.Browser reporter = server.browser();
            Document english = confirmation(reporter, reporter.post("/forms/testschool/online-safety-log",
                    form(log("en", "immediate-risk"))));
            String status = english.selectFirst(".alert-status").text();
            assertEquals("Nobody has been alerted: this server does not send alerts. Tell them now, in person or by"
                    + " phone: online safety co-ordinator, headteacher.", status);
            assertFalse(english.text().contains("has been alerted."), english.text());
            // the online safety log gives no steps of its own and has no page: no advice is invented
            // (ADR 0081); whom to tell is the status line above, from the form's notify.urgent
            assertTrue(english.select(".urgent-instructions li").isEmpty(), english.select(".urgent-instructions").text());

            Document welsh = confirmation(reporter, reporter.post("/forms/testschool/online-safety-log",
                    form(log("cy", "illegal-content"))));
            assertEquals("Nid oes neb wedi cael rhybudd: nid yw’r gweinydd hwn yn anfon rhybuddion. Rhowch wybod iddynt"
                    + " nawr, wyneb yn wyneb neu dros y ffôn: cydlynydd diogelwch ar-lein, pennaeth.",
                    welsh.selectFirst(".alert-status").text());
        }
    }

    @Test
    void theDashboardTellsStaffThatAlertsAreNotDelivered(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            server.addStaff("testschool", "Mike Coordinator", "osc@testschool.example", "online-safety-coordinator");
            server.browser().post("/forms/testschool/online-safety-log", form(log("en", "immediate-risk")));
            TestServer.Browser staff = server.browser();
            staff.login("osc@testschool.example", TestServer.PASSWORD);
            String notice = Jsoup.parse(staff.get("/staff/").body()).selectFirst(".notice--warning").text();
            assertTrue(notice.startsWith("Alerts are not being delivered"), notice);
            assertTrue(notice.contains("(2 waiting)"), notice);
            String welsh = Jsoup.parse(staff.get("/staff/?lang=cy").body()).selectFirst(".notice--warning").text();
            assertTrue(welsh.startsWith("Nid yw rhybuddion yn cael eu hanfon"), welsh);
        }
    }

    @Test
    void queuedThenSentIsSaidOnlyWhenTrueAndTheFormDecidesWhoIsAlerted(@TempDir Path folder) throws Exception {
        int port = AlertDeliveryTest.freePort();
        GreenMail mail = AlertDeliveryTest.smtpOn(port);
        try (TestServer server = AlertDeliveryTest.serverMailingTo(folder, port)) {
            server.addStaff("testschool", "Mike Coordinator", "osc@testschool.example", "online-safety-coordinator");
            server.addStaff("testschool", "Eleri Head", "head@testschool.example", "headteacher");
            server.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            TestServer.Browser reporter = server.browser();
            HttpResponse<String> sent = reporter.post("/forms/testschool/online-safety-log",
                    form(log("en", "immediate-risk")));
            String reference = reference(sent);
            assertEquals(List.of("online-safety-coordinator", "headteacher"), server.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT recipient_role FROM outbox WHERE reference = :r ORDER BY id")
                            .bind("r", reference).mapTo(String.class).list()));
            assertEquals("An alert is waiting to be e-mailed to: online safety co-ordinator, headteacher. It has not"
                    + " been sent yet: do not wait for it, tell them now in person or by phone.",
                    confirmation(reporter, sent).selectFirst(".alert-status").text());

            assertEquals(new AlertDelivery.Round(2, 0), server.alerts().deliverPending());
            assertEquals("An alert has been e-mailed to: online safety co-ordinator, headteacher.",
                    confirmation(reporter, sent).selectFirst(".alert-status").text());
            Document welsh = Jsoup.parse(reporter.get(sent.headers().firstValue("Location").orElseThrow() + "&lang=cy")
                    .body());
            assertEquals("Mae rhybudd wedi’i anfon drwy e-bost at y canlynol: cydlynydd diogelwch ar-lein, pennaeth.",
                    welsh.selectFirst(".alert-status").text());

            List<String> recipients = Arrays.stream(mail.getReceivedMessages()).flatMap(message -> {
                try {
                    return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(String::valueOf);
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertEquals(List.of("head@testschool.example", "osc@testschool.example"), recipients,
                    "not the safeguarding lead: the form names the co-ordinator and the headteacher");
            for (MimeMessage message : mail.getReceivedMessages()) {
                String body = GreenMailUtil.getBody(message);
                assertFalse(body.contains("Secret details"), "alerts carry no incident content");
                assertTrue(body.contains(reference), body);
            }

            TestServer.Browser coordinator = server.browser();
            coordinator.login("osc@testschool.example", TestServer.PASSWORD);
            assertEquals(200, coordinator.get("/staff/submissions/" + reference).statusCode(),
                    "whoever is alerted can read the report");
        } finally {
            mail.stop();
        }
    }

    @Test
    void aReportThatIsNotUrgentAlertsOnlyTheIncidentRoles(@TempDir Path folder) {
        try (TestServer server = TestServer.start(folder)) {
            String reference = reference(server.browser().post("/forms/testschool/online-safety-log",
                    form(log("en", "none"))));
            assertEquals(List.of("online-safety-coordinator:incident"), server.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT recipient_role || ':' || kind FROM outbox WHERE reference = :r")
                            .bind("r", reference).mapTo(String.class).list()));
            String other = reference(server.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "Nothing urgent"))));
            assertEquals(0, server.count("SELECT count(*) FROM outbox WHERE reference = '" + other + "'"),
                    "a form that names no incident roles alerts nobody for a report that is not urgent");
        }
    }
}
