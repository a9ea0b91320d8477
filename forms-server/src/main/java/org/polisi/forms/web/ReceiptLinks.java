package org.polisi.forms.web;

import java.time.Clock;
import java.time.Duration;
import org.polisi.forms.config.SecretKey;

/**
 * The confirmation page shows what was submitted, so its address carries a signed, expiring token:
 * only the browser that submitted the form (which was sent there) can open it, and only for a
 * while. A reference number alone opens nothing.
 */
final class ReceiptLinks {

    private final SecretKey key;
    private final Clock clock;
    private final Duration lifetime;

    ReceiptLinks(SecretKey key, Clock clock, Duration lifetime) {
        this.key = key;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String url(String school, String reference) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        return "/forms/" + school + "/received/" + reference + "?t=" + expires + "." + key.sign(payload(school,
                reference, expires));
    }

    boolean valid(String school, String reference, String token) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return false;
        }
        try {
            long expires = Long.parseLong(token.substring(0, dot));
            return clock.instant().getEpochSecond() <= expires
                    && key.verify(payload(school, reference, expires), token.substring(dot + 1));
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    /**
     * True when the token was issued by this server for this reference, whether or not it has
     * expired: an expired receipt still says which form and when (issue 20), never the answers.
     */
    boolean issued(String school, String reference, String token) {
        if (token == null || token.indexOf('.') < 1) {
            return false;
        }
        int dot = token.indexOf('.');
        try {
            return key.verify(payload(school, reference, Long.parseLong(token.substring(0, dot))),
                    token.substring(dot + 1));
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    private static String payload(String school, String reference, long expires) {
        return "receipt\n" + school + "\n" + reference + "\n" + expires;
    }
}
