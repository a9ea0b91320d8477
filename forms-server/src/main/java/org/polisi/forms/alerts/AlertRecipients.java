package org.polisi.forms.alerts;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.StaffRole;
import org.polisi.forms.intake.OutboxDao;

/**
 * Who an alert to a role really reaches: the school's active (not disabled) accounts with that role,
 * or, when it has none, its active headteachers in that role's place, or nobody. The one decision
 * behind the e-mail's recipients, its "why you received this" sentence, the reporter's confirmation
 * and the serve/dashboard warnings, so that none of them says a role was alerted when the outbox
 * sends it elsewhere (tester 3's fault 3; ADR 0089).
 */
public final class AlertRecipients {

    private final Jdbi jdbi;

    public AlertRecipients(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Where an alert to one role goes.
     *
     * @param askedRole     the account word of the role the form's {@code notify} names
     * @param deliveredRole the account word of the role whose accounts get it: {@code askedRole}, or
     *                      {@code headteacher} in its place; empty when nobody can get it
     * @param emails        their addresses now (empty when nobody can get it, and in the record of an
     *                      alert already sent, which keeps no addresses)
     */
    public record Resolution(String askedRole, Optional<String> deliveredRole, List<String> emails) {

        /** Whether the alert goes to someone other than the role asked for (the headteacher in its place). */
        public boolean inPlace() {
            return deliveredRole.isPresent() && !deliveredRole.get().equals(askedRole);
        }

        /** Whether nobody active holds the role asked for (then it is told in person, whoever gets the e-mail). */
        public boolean roleUnheld() {
            return deliveredRole.isEmpty() || inPlace();
        }
    }

    /**
     * The roles the forms alert (their {@code notify}, every and urgent report) that no active account
     * of the school holds, as account words in the forms' order: their alerts go to the headteacher
     * (or nobody), which serve's log and the dashboard say (fault 3).
     */
    public List<String> unheld(String school, List<org.polisi.contract.FormDefinition> forms) {
        return forms.stream().flatMap(form -> java.util.stream.Stream.concat(form.alerts().incident().stream(),
                        form.alerts().urgent().stream()))
                .map(role -> StaffRole.fromFormWord(role).map(StaffRole::word).orElse(role)).distinct()
                .filter(role -> resolve(school, role).roleUnheld()).toList();
    }

    /** Resolves the role (an account word, e.g. {@code online-safety-coordinator}) at the school, reading the accounts now. */
    public Resolution resolve(String school, String role) {
        return jdbi.withExtension(OutboxDao.class, outbox -> {
            List<String> holders = outbox.staffEmails(school, role);
            if (!holders.isEmpty()) {
                return new Resolution(role, Optional.of(role), holders);
            }
            String head = StaffRole.HEADTEACHER.word();
            List<String> heads = role.equals(head) ? List.of() : outbox.staffEmails(school, head);
            return heads.isEmpty() ? new Resolution(role, Optional.empty(), List.of())
                    : new Resolution(role, Optional.of(head), heads);
        });
    }
}
