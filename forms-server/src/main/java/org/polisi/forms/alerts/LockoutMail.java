package org.polisi.forms.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;
import org.polisi.forms.config.AlertMailSettings;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.text.DisplayText;
import org.polisi.forms.staff.LockoutNotifier;
import org.polisi.forms.staff.StaffUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mails a staff member when sign-ins to their account start to be slowed down after failures
 * (issue 23, fault 6), in English and Welsh, through the alerts' SMTP server. Sent from a thread of
 * its own, so the sign-in answer takes no longer; without an SMTP server, the refusal's log line says so.
 */
public final class LockoutMail implements LockoutNotifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LockoutMail.class);

    private final SmtpMailer mailer;
    private final Messages messages;
    private final Clock clock;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "polisi-lockout-mail");
        thread.setDaemon(true);
        return thread;
    });

    public LockoutMail(AlertMailSettings settings, Messages messages, Clock clock) {
        this.mailer = settings.enabled() ? new SmtpMailer(settings) : null;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String backOffStarted(StaffUser user, String clientAddress, Instant blockedUntil) {
        if (mailer == null) {
            return "no SMTP server is set to tell its holder";
        }
        Instant now = clock.instant();
        sender.submit(() -> {
            try {
                StringBuilder body = new StringBuilder();
                for (String language : List.of(Messages.ENGLISH, Messages.WELSH)) {
                    if (body.length() > 0) {
                        body.append("\n\n----\n\n");
                    }
                    body.append(messages.format(language, "alert.lockout.body", Map.of("name", DisplayText.isolatedLine(user.name()),
                            "date", Dates.display(now, language), "address", clientAddress)));
                }
                String subject = messages.get(Messages.ENGLISH, "alert.lockout.subject") + " / "
                        + messages.get(Messages.WELSH, "alert.lockout.subject");
                mailer.send(List.of(user.email()), subject, body.toString(), now);
                LOG.info("Told the holder of staff account {} of {} that its sign-ins are being slowed", user.id(),
                        user.school());
            } catch (Exception failure) {
                LOG.warn("Could not e-mail the holder of staff account {} of {}: {}", user.id(), user.school(),
                        failure.getMessage());
            }
        });
        return "its holder is being e-mailed";
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
