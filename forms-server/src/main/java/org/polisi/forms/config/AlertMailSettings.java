package org.polisi.forms.config;

import java.time.Duration;

/**
 * How the server e-mails alerts from its outbox: an SMTP server and a sender, or nothing (a blank
 * host), in which case alerts stay queued. The password comes from the environment, not the repo.
 */
public record AlertMailSettings(String smtpHost, int smtpPort, boolean startTls, String username, String password,
                                String from, String staffUrl, Duration interval) {

    public boolean enabled() {
        return !smtpHost.isBlank();
    }

    @Override
    public String toString() {
        // never print the password, not even in a log of the configuration
        return "AlertMailSettings[" + (enabled() ? smtpHost + ":" + smtpPort + ", from " + from : "off") + "]";
    }
}
