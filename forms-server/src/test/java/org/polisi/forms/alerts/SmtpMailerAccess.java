package org.polisi.forms.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.polisi.forms.config.AlertMailSettings;

/** {@link SmtpMailer} for tests in other packages: one message to a loopback SMTP server. */
public final class SmtpMailerAccess {

    private SmtpMailerAccess() {
    }

    /** Sends {@code subject} and {@code body} to {@code recipient} through the SMTP server on 127.0.0.1:{@code port}. */
    public static void send(int port, String recipient, String subject, String body, Instant sentAt) throws Exception {
        new SmtpMailer(new AlertMailSettings("127.0.0.1", port, false, "", "", "polisi@testschool.example",
                "https://forms.testschool.example", Duration.ofHours(1))).send(List.of(recipient), subject, body, sentAt);
    }
}
