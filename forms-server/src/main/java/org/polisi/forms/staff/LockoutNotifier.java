package org.polisi.forms.staff;

import java.time.Instant;

/**
 * Told when an account's sign-in back-off starts (the first failure past the free ones), so the
 * account holder learns that someone is guessing their password (ASVS 5.0 V6 (Authentication)). It must not
 * block: the sign-in answer must take as long whether or not it is called.
 */
@FunctionalInterface
public interface LockoutNotifier {

    /**
     * @param user          the account whose name was tried
     * @param clientAddress the address the last failure came from
     * @param blockedUntil  until when attempts without a remembered device wait
     * @return what was done to tell the holder, in a few words for the refused sign-in's one log line
     *     (the notifier logs nothing on the request's thread: every refused request writes one line)
     */
    String backOffStarted(StaffUser user, String clientAddress, Instant blockedUntil);
}
