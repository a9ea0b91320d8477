package org.polisi.forms.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.version;
import static org.polisi.forms.TestServer.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestMail;
import org.polisi.forms.TestServer;

/**
 * Tester 4's fault 7: with only a headteacher, each urgent report's alert to the online safety
 * co-ordinator and to the headteacher reached the headteacher as two e-mails. The kind (ADR 0094):
 * one e-mail per person per report, naming every role it answers for, when the headteacher stands in
 * for one role or for several, when a form names one role twice or
 * the outbox holds a role twice, and for a person at two schools (one e-mail for
 * each school's report, never one for both). A real server, GreenMail, both databases.
 */
class AlertOncePerPersonTest {

    private static final String HEAD = "head@testschool.example";
    private static final String IN_PLACE = "You received this as the headteacher because no active staff account holds"
            + " the role of ";

    private static String[] urgentLog(String whatHappened) {
        return new String[] {"form-id", "online-safety-log", "form-lang", "en", "form-version", version("en", 5),
            "reporter-name", "Gareth Evans", "urgent-concern", "immediate-risk", "what-happened", whatHappened,
            "website", ""};
    }

    private static List<String> to(MimeMessage message) throws jakarta.mail.MessagingException {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(String::valueOf).toList();
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replaceAll("=\\r?\\n", "").replace("=E2=80=99", "’");
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Each message as "recipients | reference in its subject". */
    private static List<String> letters(GreenMail mail) throws Exception {
        List<String> letters = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String subject = message.getSubject();
            letters.add(String.join(",", to(message)) + " | " + subject.substring(subject.indexOf("report ") + 7,
                    subject.indexOf(':')));
        }
        return letters.stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aHeadteacherStandingInForTheCoordinatorGetsOneEmailPerReportSayingBoth(TestDatabases.Kind kind,
                                                                              @TempDir Path folder) throws Exception {
        GreenMail mail = TestMail.start();
        try (TestServer server = TestMail.server(folder, mail.getSmtp().getPort(), kind)) {
            server.addStaff("testschool", "Eleri Head", HEAD, "headteacher");
            List<String> references = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                references.add(reference(server.browser().post("/forms/testschool/online-safety-log",
                        form(urgentLog("Report " + i)))));
            }
            assertEquals(new AlertDelivery.Round(6, 0), server.alerts().deliverPending(), "two alerts per report, sent");
            assertEquals(references.stream().map(reference -> HEAD + " | " + reference).sorted().toList(), letters(mail),
                    "one e-mail per report (the tester had two each)");
            for (MimeMessage message : mail.getReceivedMessages()) {
                String body = body(message);
                assertEquals(1, count(body, "Sent by Polisi to the school’s headteacher."), body);
                assertEquals(1, count(body, IN_PLACE + "online safety co-ordinator"), body);
            }
            assertEquals(List.of("headteacher"), server.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT DISTINCT sent_to_role FROM outbox WHERE sent_at IS NOT NULL").mapTo(String.class).list()));
            assertEquals(new AlertDelivery.Round(0, 0), server.alerts().deliverPending(), "nothing sent twice");
        } finally {
            mail.stop();
        }
    }

    /** A report whose e-mail the mail server did not take is tried again as one e-mail, once it does. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aReportTriedAgainAfterAFailureStillMakesOneEmail(TestDatabases.Kind kind, @TempDir Path folder)
            throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();   // nothing listens there yet: the first round fails
        }
        try (TestServer server = TestMail.server(folder, port, kind)) {
            server.addStaff("testschool", "Eleri Head", HEAD, "headteacher");
            String reference = reference(server.browser().post("/forms/testschool/online-safety-log",
                    form(urgentLog("While the mail server was down"))));
            assertEquals(new AlertDelivery.Round(0, 2), server.alerts().deliverPending());
            GreenMail mail = new GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1",
                    com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
            mail.start();
            try {
                assertEquals(new AlertDelivery.Round(2, 0), server.alerts().deliverPending());
                assertEquals(List.of(HEAD + " | " + reference), letters(mail), "one e-mail, not one per try or role");
                String body = body(mail.getReceivedMessages()[0]);
                assertEquals(1, count(body, IN_PLACE + "online safety co-ordinator"), body);
            } finally {
                mail.stop();
            }
        }
    }

    /**
     * The form alerts the safeguarding lead, the co-ordinator, the headteacher and the office twice
     * over ({@code school-office} twice); only a headteacher and an office account exist.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aPersonAlertedForSeveralRolesOrARoleNamedTwiceGetsOneEmail(TestDatabases.Kind kind, @TempDir Path folder)
            throws Exception {
        Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode school = (ObjectNode) json.readTree(manifests.resolve("testschool.json").toFile());
        for (var each : school.get("forms")) {
            if (each.get("id").asText().equals("online-safety-log")) {
                ArrayNode urgent = ((ObjectNode) each.get("notify")).putArray("urgent");
                List.of("safeguarding-lead", "online-safety-coordinator", "headteacher", "school-office", "school-office")
                        .forEach(urgent::add);
            }
        }
        json.writeValue(manifests.resolve("testschool.json").toFile(), school);
        GreenMail mail = TestMail.start();
        try (TestServer server = TestServer.start(TestServer.settings(folder.resolve("server"), kind)
                .set("alerts.smtp-host", "127.0.0.1").set("alerts.smtp-port", mail.getSmtp().getPort())
                .set("alerts.smtp-starttls", false).set("alerts.from", "polisi@testschool.example")
                .set("alerts.staff-url", "https://forms.testschool.example/").set("alerts.interval-seconds", 3600)
                .set("manifest-dir", manifests).load(), java.time.Clock.systemUTC())) {
            server.addStaff("testschool", "Eleri Head", HEAD, "headteacher");
            server.addStaff("testschool", "Swyddfa", "office@testschool.example", "office");
            String reference = reference(server.browser().post("/forms/testschool/online-safety-log",
                    form(urgentLog("Several roles"))));
            assertEquals(List.of("safeguarding-lead", "online-safety-coordinator", "headteacher", "office"),
                    server.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT recipient_role FROM outbox WHERE reference = :r ORDER BY id").bind("r", reference)
                            .mapTo(String.class).list()), "a role named twice is queued once");
            // an outbox row for a role already queued (as a server before this fix could leave) is still one e-mail
            server.jdbi().useHandle(handle -> handle.createUpdate("""
                    INSERT INTO outbox (school, kind, recipient_role, reference, raised_by, category, raised_at)
                    SELECT school, kind, recipient_role, reference, raised_by, category, raised_at FROM outbox
                    WHERE reference = :r AND recipient_role = 'headteacher'""").bind("r", reference).execute());

            assertEquals(new AlertDelivery.Round(5, 0), server.alerts().deliverPending());
            assertEquals(List.of(HEAD + " | " + reference, "office@testschool.example | " + reference), letters(mail));
            for (MimeMessage message : mail.getReceivedMessages()) {
                String body = body(message);
                if (to(message).contains(HEAD)) {
                    assertEquals(1, count(body, IN_PLACE + "designated safeguarding lead"), body);
                    assertEquals(1, count(body, IN_PLACE + "online safety co-ordinator"), body);
                    assertEquals(1, count(body, "Sent by Polisi to the school’s headteacher."), body);
                } else {
                    assertEquals(0, count(body, IN_PLACE), body);
                    assertEquals(1, count(body, "Sent by Polisi to the school’s school office."), body);
                }
            }
        } finally {
            mail.stop();
        }
    }

    /** ADR 0087: Rhys is headteacher at one school and safeguarding lead at the other. */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aPersonAtTwoSchoolsGetsOneEmailForEachSchoolsReport(TestDatabases.Kind kind, @TempDir Path folder)
            throws Exception {
        GreenMail mail = TestMail.start();
        try (TestServer server = TestMail.server(folder, mail.getSmtp().getPort(), kind)) {
            String rhys = "rhys@cluster.example";
            server.addStaff("testschool", "Rhys Pritchard", rhys, "headteacher");
            server.addStaff("otherschool", "Rhys Pritchard", rhys, "safeguarding-lead");
            String here = reference(server.browser().post("/forms/testschool/online-safety-log",
                    form(urgentLog("At the first school"))));
            String there = reference(server.browser().post("/forms/otherschool/incident-report", form(
                    "form-lang", "en", "form-version", "b0f4de80f903", "reporter-name", "Other Reporter",
                    "urgent-concern", "immediate-risk", "what-happened", "At the other school", "website", "")));
            assertEquals(new AlertDelivery.Round(3, 0), server.alerts().deliverPending());
            assertEquals(List.of(rhys + " | " + there, rhys + " | " + here).stream().sorted().toList(), letters(mail));
            for (MimeMessage message : mail.getReceivedMessages()) {
                String body = body(message);
                if (message.getSubject().contains(there)) {
                    assertTrue(message.getSubject().endsWith("Other Primary School"), message.getSubject());
                    assertEquals(1, count(body, "Sent by Polisi to the school’s designated safeguarding lead."), body);
                    assertEquals(0, count(body, IN_PLACE), body);
                } else {
                    assertEquals(1, count(body, IN_PLACE + "online safety co-ordinator"), body);
                }
            }
        } finally {
            mail.stop();
        }
    }
}
