package org.polisi.forms;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A real SMTP server (GreenMail) in the test's JVM, on a free loopback port. */
public final class TestMail {

    private TestMail() {
    }

    /**
     * A server on a fresh database of the kind that e-mails through the SMTP server on {@code smtpPort},
     * from {@code polisi@testschool.example}, linking to {@code https://forms.testschool.example}; its
     * rounds of delivery are run by the test ({@code alerts().deliverPending()}).
     */
    public static TestServer server(java.nio.file.Path folder, int smtpPort, TestDatabases.Kind kind) {
        return TestServer.start(TestServer.settings(folder, kind)
                .set("alerts.smtp-host", "127.0.0.1")
                .set("alerts.smtp-port", smtpPort)
                .set("alerts.smtp-starttls", false)
                .set("alerts.from", "polisi@testschool.example")
                .set("alerts.staff-url", "https://forms.testschool.example/")
                .set("alerts.interval-seconds", 3600)   // rounds are run by the test
                .load(), java.time.Clock.systemUTC());
    }

    /** Started; stop it when done. Its port is {@code mail.getSmtp().getPort()}. */
    public static GreenMail start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
