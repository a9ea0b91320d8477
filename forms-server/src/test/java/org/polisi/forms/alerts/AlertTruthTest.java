package org.polisi.forms.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.version;
import static org.polisi.forms.TestServer.form;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestMail;
import org.polisi.forms.TestServer;
import org.polisi.forms.staff.AccountService;
import org.polisi.forms.staff.PasswordHasher;

/**
 * Tester 3's faults 3 and 8: what the reporter, the recipients and the log are told about an alert is
 * what the outbox really does. An alert for a role nobody active holds goes to the headteacher and
 * every sentence says so (the confirmation, in both languages, the e-mail, the dashboard); with
 * nobody to send to, the reporter is told nobody was alerted; an alert whose report was closed or
 * erased before its turn is dropped and recorded as such; a late alert says how old the report is.
 * On a real server, a real SMTP server (GreenMail) and both databases.
 */
class AlertTruthTest {

    private static String[] urgentLog(String language) {
        return urgentLog(language, "Secret details");
    }

    /** Another report (the same answers twice within minutes are one report, sent twice). */
    private static String[] urgentLog(String language, String whatHappened) {
        return new String[] {"form-id", "online-safety-log", "form-lang", language, "form-version", version(language, 5),
            "reporter-name", "Gareth Evans", "urgent-concern", "immediate-risk", "what-happened", whatHappened,
            "website", ""};
    }

    private static String status(TestServer.Browser browser, HttpResponse<String> sent, String suffix) {
        return Jsoup.parse(browser.get(sent.headers().firstValue("Location").orElseThrow() + suffix).body())
                .selectFirst(".alert-status").text();
    }

    private static List<String> to(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(String::valueOf).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The two roles the fixture's online safety log alerts of an urgent report: its co-ordinator and headteacher. */
    private static void coordinatorAndHead(TestServer server) {
        server.addStaff("testschool", "Mike Coordinator", "osc@testschool.example", "online-safety-coordinator");
        server.addStaff("testschool", "Eleri Head", "head@testschool.example", "headteacher");
    }

    private static void disable(TestServer server, String email) {
        new AccountService(server.jdbi(), new PasswordHasher(), java.time.Clock.systemUTC(),
                new org.polisi.forms.manifest.ManifestCatalog(TestServer.fixture().resolve("manifests")))
                .setDisabled("testschool", email, true, "Test");
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aDisabledCoordinatorsAlertGoesToTheHeadteacherAndEverySentenceSaysSo(TestDatabases.Kind kind,
                                                                             @TempDir Path folder) {
        GreenMail mail = TestMail.start();
        try (TestServer server = TestMail.server(folder, mail.getSmtp().getPort(), kind)) {
            coordinatorAndHead(server);
            disable(server, "osc@testschool.example");
            TestServer.Browser reporter = server.browser();
            HttpResponse<String> sent = reporter.post("/forms/testschool/online-safety-log", form(urgentLog("en")));
            String reference = reference(sent);
            String unheld = " No active staff account holds the role of online safety co-ordinator, so nobody in that"
                    + " role has been e-mailed: tell them now, in person or by phone.";
            assertEquals("An alert is waiting to be e-mailed to: headteacher. It has not been sent yet: do not wait"
                    + " for it, tell them now in person or by phone." + unheld, status(reporter, sent, ""));

            assertEquals(new AlertDelivery.Round(2, 0), server.alerts().deliverPending());
            assertEquals("An alert has been e-mailed to: headteacher." + unheld, status(reporter, sent, ""),
                    "not 'online safety co-ordinator, headteacher': the co-ordinator's account is disabled");
            assertEquals("Mae rhybudd wedi’i anfon drwy e-bost at y canlynol: pennaeth. Nid oes cyfrif staff gweithredol"
                    + " yn dal rôl cydlynydd diogelwch ar-lein, felly nid oes neb yn y rôl honno wedi cael e-bost: rhowch"
                    + " wybod iddynt nawr, wyneb yn wyneb neu dros y ffôn.", status(reporter, sent, "&lang=cy"));

            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(1, received.length, "one e-mail for the report's two alerts (tester 4's fault 7)");
            int inPlace = 0;
            for (MimeMessage message : received) {
                assertEquals(List.of("head@testschool.example"), to(message));
                String body = GreenMailUtil.getBody(message).replaceAll("=\\r?\\n", "");
                assertFalse(body.contains("the school=E2=80=99s online safety co-ordinator")
                        || body.contains("the school’s online safety co-ordinator."), body);
                if (body.contains("because no active staff account holds the role of online safety co-ordinator")) {
                    inPlace++;
                }
                assertFalse(body.contains("Sent late"), "a report received moments ago is not said to be late");
            }
            assertEquals(1, inPlace, "the co-ordinator's copy says why the headteacher received it");
            assertEquals(List.of("headteacher", "headteacher"), server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT sent_to_role FROM outbox WHERE reference = :r ORDER BY id").bind("r", reference)
                    .mapTo(String.class).list()));

            TestServer.Browser head = server.loggedIn("head@testschool.example");
            String notice = Jsoup.parse(head.get("/staff/").body()).selectFirst(".notice--warning").text();
            assertEquals("No active staff account holds the role of designated safeguarding lead, online safety"
                    + " co-ordinator: alerts for those roles go to the headteacher instead. Add or enable an account for"
                    + " each.", notice, "the fixture's forms alert the safeguarding lead too, and nobody holds it");
        } finally {
            mail.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void withNoActiveAccountAtAllTheReporterIsToldNobodyWasAlerted(TestDatabases.Kind kind, @TempDir Path folder) {
        GreenMail mail = TestMail.start();
        try (TestServer server = TestMail.server(folder, mail.getSmtp().getPort(), kind)) {
            server.addStaff("testschool", "Eleri Head", "head@testschool.example", "headteacher");
            disable(server, "head@testschool.example");
            TestServer.Browser reporter = server.browser();
            HttpResponse<String> sent = reporter.post("/forms/testschool/online-safety-log", form(urgentLog("en")));
            assertEquals("Nobody has been alerted: no active staff account holds these roles, and the school has no"
                    + " active headteacher account. Tell them now, in person or by phone: online safety co-ordinator,"
                    + " headteacher.", status(reporter, sent, ""));
            assertEquals(new AlertDelivery.Round(0, 2), server.alerts().deliverPending());
            assertEquals(0, mail.getReceivedMessages().length);
            assertEquals(List.of("no active staff account with the role online-safety-coordinator or headteacher",
                    "no active staff account with the role headteacher"), server.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT last_error FROM outbox WHERE reference = :r ORDER BY id")
                            .bind("r", reference(sent)).mapTo(String.class).list()), "the role is not repeated");
        } finally {
            mail.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void alertsOfReportsClosedOrErasedBeforeDeliveryAreDroppedAndLateOnesSayHowOld(TestDatabases.Kind kind,
                                                                                  @TempDir Path folder) {
        GreenMail mail = TestMail.start();
        try (TestServer server = TestMail.server(folder, mail.getSmtp().getPort(), kind)) {
            coordinatorAndHead(server);
            String closed = reference(server.browser().post("/forms/testschool/online-safety-log",
                    form(urgentLog("en", "Closed before its alert"))));
            String erased = reference(server.browser().post("/forms/testschool/online-safety-log",
                    form(urgentLog("en", "Erased before its alert"))));
            String late = reference(server.browser().post("/forms/testschool/online-safety-log",
                    form(urgentLog("cy", "Sent late"))));

            TestServer.Browser head = server.loggedIn("head@testschool.example");
            assertEquals(303, head.post("/staff/submissions/" + closed + "/chronology",
                    form("csrf-token", head.csrf(), "kind", "status", "detail", "closed")).statusCode());
            // an incident report is kept until the date staff set: set today, and erase it the day after tomorrow
            assertEquals(303, head.post("/staff/submissions/" + erased + "/chronology", form("csrf-token", head.csrf(),
                    "kind", "keep-until", "detail", java.time.LocalDate.now(org.polisi.forms.i18n.Dates.SCHOOL_TIME)
                            .toString())).statusCode());
            assertTrue(server.erasure().eraseOnRequest("testschool", erased, Optional.empty(), "Test",
                    Instant.now().plus(Duration.ofDays(2))) instanceof org.polisi.forms.retention.ErasureService.Outcome.Erased);
            Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).minus(Duration.ofHours(1));
            server.jdbi().useHandle(handle -> handle.createUpdate("UPDATE outbox SET raised_at = :t WHERE reference = :r")
                    .bind("t", twoDaysAgo).bind("r", late).execute());

            assertEquals(new AlertDelivery.Round(2, 0), server.alerts().deliverPending(), "only the late report's two");
            for (MimeMessage message : mail.getReceivedMessages()) {
                String body = GreenMailUtil.getBody(message).replaceAll("=\\r?\\n", "");
                assertTrue(GreenMailUtil.getBody(message).contains(late) || message.getSubject().contains(late));
                assertTrue(body.contains("Sent late: this report was received 2 days before this e-mail"), body);
            }
            assertEquals(List.of(ReportState.CLOSED, ReportState.CLOSED), dropped(server, closed));
            assertEquals(List.of(ReportState.ERASED, ReportState.ERASED), dropped(server, erased));
            assertEquals(new AlertDelivery.Round(0, 0), server.alerts().deliverPending(), "a dropped alert is not tried again");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        } finally {
            mail.stop();
        }
    }

    private static List<String> dropped(TestServer server, String reference) {
        return server.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT dropped_reason FROM outbox WHERE reference = :r AND sent_at IS NULL ORDER BY id")
                .bind("r", reference).mapTo(String.class).list());
    }
}
