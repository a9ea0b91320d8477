package org.polisi.forms.alerts;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.polisi.forms.config.AlertMailSettings;
import org.polisi.forms.text.BidiControls;

/**
 * Sends one plain-text e-mail through the configured SMTP server (Jakarta Mail, ADR 21): alerts,
 * and signed checkpoints ({@code checkpoint.Checkpointer}).
 */
public final class SmtpMailer {

    private static final String TIMEOUT_MILLIS = "10000";

    private final AlertMailSettings settings;
    private final Session session;

    public SmtpMailer(AlertMailSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        boolean authenticate = !settings.username().isBlank();
        properties.put("mail.smtp.auth", String.valueOf(authenticate));
        this.session = authenticate
                ? Session.getInstance(properties, new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(settings.username(), settings.password());
                    }
                })
                : Session.getInstance(properties);
    }

    /**
     * Sends the message to every recipient; throws when the SMTP server does not accept it. The
     * subject is made one line ({@link #oneLine}) whatever it holds: a line break in a header would
     * start a header of its own (RFC 5322 section 2.2; "e-mail header injection").
     */
    public void send(List<String> recipients, String subject, String body, Instant sentAt) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from(), true));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        }
        message.setSubject(oneLine(subject), "UTF-8");
        message.setText(body, "UTF-8");
        message.setSentDate(Date.from(sentAt));
        Transport.send(message);
    }

    /**
     * A header's text on one line: every line break (CR, LF, NEL, U+2028, U+2029), tab and other
     * control character becomes a space, and bidirectional controls are shown as code points
     * ({@link BidiControls#visible}); every other character is kept.
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> line.appendCodePoint(Character.isISOControl(codePoint)
                || codePoint == 0x2028 || codePoint == 0x2029 ? ' ' : codePoint));
        return BidiControls.visible(line.toString());
    }
}
