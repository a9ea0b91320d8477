package org.polisi.forms.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.TestServer.form;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;

/**
 * Issue 16: two real servers on one PostgreSQL database deliver the shared outbox at the same moment,
 * and each alert reaches the mail server once (each instance leases an alert with
 * {@code FOR UPDATE SKIP LOCKED} before sending it).
 */
class TwoInstancesAlertTest {

    private static final int ALERTS = 30;

    @Test
    void twoInstancesDeliveringAtOnceSendEachAlertOnce(@TempDir Path folder) throws Exception {
        int port = AlertDeliveryTest.freePort();
        GreenMail mail = AlertDeliveryTest.smtpOn(port);
        ServerConfig config = TestServer.onDatabase(TestServer.settings(folder)
                        .set("alerts.smtp-host", "127.0.0.1")
                        .set("alerts.smtp-port", port)
                        .set("alerts.smtp-starttls", false)
                        .set("alerts.from", "polisi@testschool.example")
                        .set("alerts.interval-seconds", 3600), // rounds are run by the test
                TestDatabases.postgresql(), folder).load();
        try (TestServer one = TestServer.start(config, Clock.systemUTC());
             TestServer other = TestServer.start(config, Clock.systemUTC())) {
            one.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            List<String> references = new ArrayList<>();
            for (int i = 0; i < ALERTS; i++) {
                references.add(reference((i % 2 == 0 ? one : other).browser().post("/forms/testschool/incident-report",
                        form(incident("en", "immediate-risk", "Report " + i)))));
            }
            assertEquals(ALERTS, one.count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));

            ExecutorService threads = Executors.newFixedThreadPool(2);
            int sent = 0;
            try {
                List<Future<AlertDelivery.Round>> rounds = threads.invokeAll(List.of(
                        () -> one.alerts().deliverPending(), () -> other.alerts().deliverPending()));
                for (Future<AlertDelivery.Round> round : rounds) {
                    assertEquals(0, round.get().failed());
                    sent += round.get().sent();
                }
            } finally {
                threads.shutdownNow();
            }

            assertEquals(ALERTS, sent, "the two rounds together sent each alert once");
            MimeMessage[] received = mail.getReceivedMessages();
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : received) {
                subjects.add(message.getSubject());
            }
            for (String reference : references) {
                assertEquals(1, subjects.stream().filter(subject -> subject.contains(reference)).count(),
                        reference + " reached the mail server once: " + subjects);
            }
            assertEquals(ALERTS, received.length);
            assertEquals(0, other.count("SELECT count(*) FROM outbox WHERE sent_at IS NULL OR attempts <> 1"));
        } finally {
            mail.stop();
        }
    }
}
